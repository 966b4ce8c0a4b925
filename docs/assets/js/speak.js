/* Read aloud ("Nghe", issue 19), loaded by read.js on the first press. The phone's own speech engine
   (speechSynthesis): one paragraph per utterance (long ones stop early on some engines), the voice chosen
   by the language of the text being read (a Khmer page showing Vietnamese text reads it with a Vietnamese
   voice). Skips navigation, trainer notes, text kept out of search (quiz answers and explanations), code
   and closed <details>. Pause stops the engine and "continue" starts the paragraph again: pause() and
   resume() are unreliable on Android. */
(function () {
  "use strict";
  var STRINGS = {
    vi: { pause: "Tạm dừng", resume: "Nghe tiếp", stop: "Dừng", rate: "Tốc độ", player: "Nghe đọc",
      noapi: "Trình duyệt này không đọc thành tiếng được. Hãy mở trang bằng Chrome.",
      novoice: "Máy chưa có giọng đọc {lang}. Vào Cài đặt, tìm “giọng nói”, tải giọng {lang}.",
      help: "Xem hướng dẫn", vi: "tiếng Việt", en: "tiếng Anh", km: "tiếng Khmer" },
    en: { pause: "Pause", resume: "Continue", stop: "Stop", rate: "Speed", player: "Read aloud",
      noapi: "This browser cannot read aloud. Open the page in Chrome.",
      novoice: "This phone has no {lang} voice yet. Open Settings, search for “text-to-speech” and download the {lang} voice.",
      help: "How to", vi: "Vietnamese", en: "English", km: "Khmer" },
    km: { /* reference translation, awaiting native review */
      pause: "ផ្អាក", resume: "បន្តស្តាប់", stop: "ឈប់", rate: "ល្បឿន", player: "អានឱ្យឮ",
      noapi: "កម្មវិធីរុករកនេះមិនអាចអានឱ្យឮបានទេ។ សូមបើកទំព័រនេះក្នុង Chrome។",
      novoice: "ទូរសព្ទនេះមិនទាន់មានសំឡេងអាន{lang}ទេ។ សូមបើក Settings ស្វែងរក “text-to-speech” ហើយទាញយកសំឡេង{lang}។",
      help: "មើលការណែនាំ", vi: "ភាសាវៀតណាម", en: "ភាសាអង់គ្លេស", km: "ភាសាខ្មែរ" }
  };
  var ui = (document.documentElement.lang || "vi").slice(0, 2).toLowerCase();
  function t(key) { return (STRINGS[ui] || STRINGS.vi)[key] || STRINGS.vi[key]; }

  var synth = window.speechSynthesis, tools = document.querySelector(".hg-tools");
  var RATE_KEY = "hg:" + tools.getAttribute("data-site") + ":pref:speech-rate", RATES = ["0.8", "1", "1.2"];
  var REGION = { vi: "vn", km: "kh", en: "us" };
  var SKIP = "script,style,template,svg,nav,pre,code,kbd,button,input,select,textarea,.headerlink,.trainer," +
    "[data-search-exclude],[hidden],[aria-hidden=true],.hg-tools,.hg-speak-one,.hg-fallback,.hg-review," +
    "details:not([open]),.footnote-ref,.footnote-backref,.hg-sr-only";
  var BLOCK = /^(P|LI|H[1-6]|DT|DD|TR|DIV|SECTION|ARTICLE|ASIDE|BLOCKQUOTE|UL|OL|DL|TABLE|THEAD|TBODY|TFOOT|DETAILS|SUMMARY|FIGURE|FIGCAPTION|FIELDSET|LEGEND|FORM)$/;
  var WORD = /[0-9A-Za-z\u00C0-\u024F\u1E00-\u1EFF\u1780-\u17FF]/;

  function langOf(node) {
    var el = node.parentElement && node.parentElement.closest("[lang]");
    return (el ? el.getAttribute("lang") : "vi").toLowerCase().split("-")[0];
  }

  // The text of the given elements, in reading order: one chunk per paragraph (heading, list item, table
  // row…) and language; each chunk keeps the element to highlight.
  function chunks(elements) {
    var out = [], buf = "", owner = null, lang = null;
    function flush() {
      var text = buf.replace(/\s+/g, " ").replace(/^[\s,]+|[\s,]+$/g, "");
      if (WORD.test(text)) out.push({ el: owner, lang: lang, text: text });
      buf = "";
    }
    function walk(el, block) {
      for (var n = el.firstChild; n; n = n.nextSibling) {
        if (n.nodeType === 3) {
          if (/\S/.test(n.nodeValue)) {
            var l = langOf(n);
            if (l !== lang || block !== owner) { flush(); lang = l; owner = block; }
          }
          buf += n.nodeValue;
        } else if (n.nodeType === 1 && !n.matches(SKIP) && n.getClientRects().length) {
          if (BLOCK.test(n.tagName)) { flush(); walk(n, n); flush(); }
          else {
            if (n.tagName === "BR") buf += " ";
            else if (/^T[DH]$/.test(n.tagName) && /\S/.test(buf)) buf = buf.replace(/[\s,]+$/, "") + ", ";  // a table row: one chunk
            walk(n, block);
          }
        }
      }
    }
    elements.forEach(function (el) { if (!el.matches(SKIP)) { flush(); walk(el, el); flush(); } });
    return out;
  }

  // What a control reads: the whole article, or (data-hg-speak="<heading id>") one heading and the text
  // under it up to the next heading of the same or a higher level.
  function scope(button) {
    var id = button.getAttribute("data-hg-speak"), head = id && document.getElementById(id);
    if (!head) return [document.querySelector(".md-content__inner") || document.body];
    var level = Number(head.tagName.slice(1)) || 6, list = [head];
    for (var n = head.nextElementSibling; n && !(/^H[1-6]$/.test(n.tagName) && Number(n.tagName[1]) <= level); n = n.nextElementSibling) list.push(n);
    return list;
  }

  function voiceFor(lang) {
    var best = null, score = 0;
    synth.getVoices().forEach(function (v) {
      var tag = String(v.lang || "").replace("_", "-").toLowerCase();
      if (tag.split("-")[0] !== lang) return;
      var s = 1 + (tag === lang + "-" + REGION[lang] ? 2 : 0) + (v.localService ? 4 : 0);  // on the phone: works offline
      if (s > score) { score = s; best = v; }
    });
    return best;
  }
  // Engines list their voices late (Chrome: after "voiceschanged"); give them up to two seconds.
  function voicesListed() {
    return new Promise(function (done) {
      if (synth.getVoices().length) return done();
      var timer = setTimeout(finish, 2000);
      function finish() { clearTimeout(timer); synth.removeEventListener("voiceschanged", finish); done(); }
      synth.addEventListener("voiceschanged", finish);
    });
  }
  function mainLang(list) {
    var size = {}, best = ui;
    list.forEach(function (c) { size[c.lang] = (size[c.lang] || 0) + c.text.length; });
    Object.keys(size).forEach(function (l) { if (!size[best] || size[l] > size[best]) best = l; });
    return best;
  }

  function rate() {
    try { var r = localStorage.getItem(RATE_KEY); return RATES.indexOf(r) >= 0 ? r : "1"; } catch (e) { return "1"; }
  }
  function setRate(r) {
    try { if (r === "1") localStorage.removeItem(RATE_KEY); else localStorage.setItem(RATE_KEY, r); } catch (e) { /* this page only */ }
  }

  var state = null, player = null, marked = null, presses = 0;
  var ICON = { pause: "M14 19h4V5h-4M6 19h4V5H6z", resume: "M8 5.14v14l11-7z", stop: "M18 18H6V6h12z" };
  function icon(name) { return '<svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d="' + ICON[name] + '"/></svg>'; }

  function mark(el) {
    if (marked) marked.classList.remove("hg-reading");
    marked = el;
    if (!el) return;
    el.classList.add("hg-reading");
    var r = el.getBoundingClientRect(), bottom = window.innerHeight - (player ? player.offsetHeight : 0);
    if (r.top < 48 || r.bottom > bottom) {
      var calm = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      el.scrollIntoView({ block: r.height > bottom / 2 ? "start" : "center", behavior: calm ? "auto" : "smooth" });
    }
  }

  function speakAt(i) {
    var s = state;
    if (!s) return;
    while (i < s.list.length && !voiceFor(s.list[i].lang)) i++;  // text in a language this phone cannot speak
    if (i >= s.list.length) return stop();
    var c = s.list[i], voice = voiceFor(c.lang), u = new SpeechSynthesisUtterance(c.text);
    s.i = i;
    mark(c.el);
    u.voice = voice;
    u.lang = voice.lang;
    u.rate = Number(rate());
    u.onend = u.onerror = function () { if (state === s && s.utter === u) speakAt(i + 1); };
    s.utter = u;
    synth.speak(u);
  }
  function silence() { if (state) state.utter = null; synth.cancel(); }
  // Some engines drop an utterance spoken right after cancel(): give them a moment.
  function later(i) { var s = state; setTimeout(function () { if (state === s && !s.paused && !s.utter) speakAt(i); }, 50); }

  function showPlayer() {
    player = document.createElement("div");
    player.className = "hg-player";
    player.setAttribute("role", "region");
    player.setAttribute("aria-label", t("player"));
    player.lang = ui;
    var rates = RATES.map(function (r) {
      return '<button type="button" class="hg-tool" data-rate="' + r + '">' + Number(r).toLocaleString(ui) + "×</button>";
    }).join("");
    player.innerHTML = '<button type="button" class="hg-tool" data-act="pause"></button>' +
      '<button type="button" class="hg-tool" data-act="stop">' + icon("stop") + t("stop") + "</button>" +
      '<span class="hg-rates" role="group" aria-labelledby="hg-rate-label"><span id="hg-rate-label">' + t("rate") + "</span>" + rates + "</span>";
    player.addEventListener("click", function (ev) {
      var b = ev.target.closest("button");
      if (!b || !state) return;
      var act = b.getAttribute("data-act");
      if (act === "stop") return stop();
      if (act === "pause") {
        state.paused = !state.paused;
        if (state.paused) silence(); else later(state.i);
      } else {
        setRate(b.getAttribute("data-rate"));
        if (!state.paused) { silence(); later(state.i); }  // the paragraph again, at the new speed
      }
      update();
    });
    document.body.appendChild(player);
    document.documentElement.classList.add("hg-listening");
    update();
  }
  function update() {
    var pause = player.querySelector("[data-act=pause]"), key = state.paused ? "resume" : "pause";
    pause.innerHTML = icon(key) + t(key);
    player.querySelectorAll("[data-rate]").forEach(function (b) {
      b.setAttribute("aria-pressed", String(b.getAttribute("data-rate") === rate()));
    });
  }

  function stop() {
    if (!state) return;
    var s = state, focused = player && player.contains(document.activeElement);
    silence();
    state = null;
    mark(null);
    if (player) player.remove();
    player = null;
    document.documentElement.classList.remove("hg-listening");
    if (focused) s.button.focus();
  }

  function hint(button, lang) {
    var p = button.parentNode.querySelector(".hg-note") || tools.querySelector(".hg-note");
    p.textContent = lang ? t("novoice").replace(/\{lang\}/g, t(lang)) + " " : t("noapi");
    if (!lang || !tools.getAttribute("data-help")) return;
    var a = document.createElement("a");
    a.href = tools.getAttribute("data-help");
    a.textContent = t("help");
    p.appendChild(a);
  }

  // A press reads the control's text from its start (stopping any other reading).
  function start(button) {
    stop();
    var press = ++presses, p = button.parentNode.querySelector(".hg-note");
    if (p) p.textContent = "";
    if (!synth || !window.SpeechSynthesisUtterance) return hint(button, null);
    if (synth.speaking || synth.pending) synth.cancel();  // another page's voice still talking
    voicesListed().then(function () {
      if (press !== presses) return;  // pressed again meanwhile
      var list = chunks(scope(button)), lang = mainLang(list);
      if (!list.length) return;
      if (!voiceFor(lang)) return hint(button, lang);
      state = { button: button, list: list, i: 0, paused: false, utter: null };
      showPlayer();
      player.querySelector("[data-act=pause]").focus();
      speakAt(0);
    });
  }

  if (synth) window.addEventListener("pagehide", stop);  // leaving the page stops the voice
  window.hgSpeak = { start: start, stop: stop, chunks: function (button) { return chunks(scope(button)); } };
})();
