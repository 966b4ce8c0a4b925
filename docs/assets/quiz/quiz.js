/* Hòa giải cơ sở: self-check quizzes. No dependencies, no network, works from file://.
   Enhances the server-rendered markup (scripts/hoagiai/quiz/render.py); without JS the <details> still work. */
(function () {
  "use strict";

  var STRINGS = {
    vi: {
      check: "Kiểm tra", retry: "Làm lại câu này", right: "Đúng rồi!", wrong: "Chưa đúng. Xem giải thích bên dưới.",
      pick: "Hãy chọn câu trả lời trước.", order: "Hãy cho mỗi bước một vị trí khác nhau.",
      before: "Lần trước bạn đã trả lời đúng câu này.",
      score: "Kết quả: đúng {a}/{b} câu ({p}%).", pass: "Đạt (cần {m}%).", fail: "Chưa đạt (cần {m}%).",
      review: "Xem lại câu sai", all: "Hiện tất cả câu", again: "Làm lại bài",
      reset: "Xóa tiến độ", cleared: "Đã xóa tiến độ trên máy này.", passed: "đạt", none: "Chưa làm"
    },
    en: {
      check: "Check", retry: "Try again", right: "Correct!", wrong: "Not quite. See the explanation below.",
      pick: "Choose an answer first.", order: "Give each item a different position.",
      before: "You answered this correctly before.",
      score: "Score: {a}/{b} correct ({p}%).", pass: "Passed (pass mark {m}%).", fail: "Not passed yet (pass mark {m}%).",
      review: "Review wrong answers", all: "Show all questions", again: "New attempt",
      reset: "Reset progress", cleared: "Progress on this device was reset.", passed: "passed", none: "Not taken yet"
    },
    km: { /* reference translation, awaiting native review */
      check: "ពិនិត្យ", retry: "ព្យាយាមម្តងទៀត", right: "ត្រឹមត្រូវ!", wrong: "មិនទាន់ត្រូវទេ។ សូមមើលការពន្យល់ខាងក្រោម។",
      pick: "សូមជ្រើសរើសចម្លើយជាមុនសិន។", order: "សូមដាក់លំដាប់ខុសៗគ្នាសម្រាប់ជំហាននីមួយៗ។",
      before: "លើកមុន អ្នកបានឆ្លើយសំណួរនេះត្រឹមត្រូវ។",
      score: "លទ្ធផល៖ ត្រូវ {a}/{b} ({p}%)។", pass: "ជាប់ (ត្រូវការ {m}%)។", fail: "មិនទាន់ជាប់ (ត្រូវការ {m}%)។",
      review: "មើលចម្លើយខុសឡើងវិញ", all: "បង្ហាញសំណួរទាំងអស់", again: "ធ្វើម្តងទៀត",
      reset: "លុបវឌ្ឍនភាព", cleared: "បានលុបវឌ្ឍនភាពនៅលើឧបករណ៍នេះ។", passed: "ជាប់", none: "មិនទាន់ធ្វើ"
    }
  };

  function t(key, values) {
    var lang = (document.documentElement.lang || "vi").toLowerCase().split("-")[0];
    var text = (STRINGS[lang] || STRINGS.vi)[key] || STRINGS.vi[key];
    return text.replace(/\{(\w)\}/g, function (_, k) { return values[k]; });
  }

  // Storage may be missing, full, disabled or hold junk: progress is a bonus, never a failure.
  var store = {
    get: function (key) {
      try { var v = JSON.parse(window.localStorage.getItem(key)); return v && typeof v === "object" ? v : null; }
      catch (e) { return null; }
    },
    set: function (key, value) { try { window.localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* full */ } },
    // Only the quiz's own keys (best:<bank>, <bank>:<question>:…): form drafts and other settings under the
    // same site prefix stay (hg:<site>:form:…).
    clear: function (prefix, banks) {
      try {
        var ls = window.localStorage;
        for (var i = ls.length - 1; i >= 0; i--) {
          var key = ls.key(i);
          if (banks.some(function (b) { return key === prefix + "best:" + b || key.indexOf(prefix + b + ":") === 0; })) {
            ls.removeItem(key);
          }
        }
      } catch (e) { /* unavailable */ }
    }
  };

  function siteOf(el) {
    var meta = document.querySelector('meta[name="hoagiai-site-id"]');
    return el.getAttribute("data-site") || (meta && meta.content) || "hoagiai";
  }
  function prefix(el) { return "hg:" + siteOf(el) + ":"; }
  function bestKey(el, bank) { return prefix(el) + "best:" + bank; }
  function nfc(s) { return String(s).normalize ? String(s).normalize("NFC") : String(s); }
  function all(root, sel) { return Array.prototype.slice.call(root.querySelectorAll(sel)); }
  function shuffle(list) {
    for (var i = list.length - 1; i > 0; i--) {
      var j = Math.floor(Math.random() * (i + 1)), x = list[i]; list[i] = list[j]; list[j] = x;
    }
    return list;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  function button(cls, text, onClick) {
    var b = el("button", "md-button hg-btn " + cls, text);
    b.type = "button";
    b.addEventListener("click", onClick);
    return b;
  }

  /* ---- one question ---- */
  function questionKey(quiz, q) {
    return prefix(quiz) + quiz.getAttribute("data-bank") + ":" + q.getAttribute("data-q") + ":" + q.getAttribute("data-hash");
  }

  function setupQuestion(quiz, q) {
    var details = q.querySelector(".hg-answer");
    details.hidden = true;
    var bar = el("div", "hg-actions");
    var status = el("p", "hg-status");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    status.setAttribute("data-search-exclude", "");
    bar.appendChild(button("hg-check md-button--primary", t("check"), function () { check(quiz, q); }));
    var retry = button("hg-retry", t("retry"), function () { reset(q, true); progress(quiz); });
    retry.hidden = true;
    bar.appendChild(retry);
    q.insertBefore(bar, details);
    q.insertBefore(status, details);
    var before = store.get(questionKey(quiz, q));
    if (before && before.ok) q.insertBefore(el("p", "hg-before", "✓ " + t("before")), bar);
  }

  function correctIds(q) {
    var key = q.querySelector(".hg-key");
    var sel = q.getAttribute("data-kind") === "ordering" ? "li" : "li[data-ok]";
    return all(key, sel).map(function (li) { return nfc(li.getAttribute("data-o")); });
  }

  function check(quiz, q) {
    var status = q.querySelector(".hg-status");
    var want = correctIds(q), ok = true, opts = all(q, ".hg-opt");
    if (q.getAttribute("data-kind") === "ordering") {
      var used = {};
      var positions = opts.map(function (o) { return o.querySelector("select").value; });
      if (positions.some(function (p) { if (!p || used[p]) return true; used[p] = 1; return false; })) {
        status.textContent = t("order");
        return;
      }
      opts.forEach(function (o, i) {
        var right = want.indexOf(nfc(o.getAttribute("data-o"))) + 1 === Number(positions[i]);
        o.classList.add(right ? "is-ok" : "is-bad");
        ok = ok && right;
      });
    } else {
      var chosen = all(q, "input:checked").map(function (i) { return nfc(i.value); });
      if (!chosen.length) { status.textContent = t("pick"); return; }
      opts.forEach(function (o) {
        var id = nfc(o.getAttribute("data-o")), isRight = want.indexOf(id) >= 0, picked = chosen.indexOf(id) >= 0;
        if (isRight) o.classList.add("is-ok");
        if (picked && !isRight) o.classList.add("is-bad");
        if (isRight !== picked) ok = false;
        var fb = picked && q.querySelector('.hg-key li[data-o="' + o.getAttribute("data-o") + '"] .hg-fb');
        if (fb) { var p = el("p", "hg-ofb", fb.textContent); p.setAttribute("data-search-exclude", ""); o.appendChild(p); }
      });
    }
    all(q, "input, select").forEach(function (i) { i.disabled = true; });
    q.setAttribute("data-state", ok ? "ok" : "bad");
    status.textContent = t(ok ? "right" : "wrong");
    var details = q.querySelector(".hg-answer");
    details.hidden = false;
    details.open = true;
    q.querySelector(".hg-check").hidden = true;
    var retry = q.querySelector(".hg-retry");
    retry.hidden = false;
    retry.focus();
    store.set(questionKey(quiz, q), { ok: ok ? 1 : 0, at: Date.now() });
    progress(quiz);
  }

  function reset(q, focus) {
    q.removeAttribute("data-state");
    all(q, ".hg-ofb").forEach(function (p) { p.parentNode.removeChild(p); });
    all(q, ".hg-opt").forEach(function (o) { o.classList.remove("is-ok", "is-bad"); });
    all(q, "input, select").forEach(function (i) { i.disabled = false; i.checked = false; if (i.tagName === "SELECT") i.value = ""; });
    var box = q.querySelector(".hg-opts");
    if (q.getAttribute("data-kind") !== "true_false") shuffle(all(box, ".hg-opt")).forEach(function (o) { box.appendChild(o); });
    var details = q.querySelector(".hg-answer");
    details.open = false;
    details.hidden = true;
    q.querySelector(".hg-status").textContent = "";
    q.querySelector(".hg-check").hidden = false;
    q.querySelector(".hg-retry").hidden = true;
    if (focus) q.querySelector("input, select").focus();
  }

  /* ---- one quiz ---- */
  function visibleQuestions(quiz) {
    return all(quiz, ".hg-unit").filter(function (u) { return !u.hidden; })
      .reduce(function (list, u) { return list.concat(all(u, ".hg-q")); }, []);
  }

  function progress(quiz) {
    var foot = quiz.querySelector(".hg-foot"), qs = visibleQuestions(quiz);
    var done = qs.filter(function (q) { return q.hasAttribute("data-state"); });
    if (done.length < qs.length) { foot.hidden = true; return; }
    var right = done.filter(function (q) { return q.getAttribute("data-state") === "ok"; }).length;
    var pct = Math.round((100 * right) / qs.length), mark = Number(quiz.getAttribute("data-pass")) || 70;
    var bank = quiz.getAttribute("data-bank"), best = store.get(bestKey(quiz, bank));
    if (!best || !(best.p >= pct)) store.set(bestKey(quiz, bank), { p: pct, pass: mark, at: Date.now() });
    foot.querySelector(".hg-score").textContent =
      t("score", { a: right, b: qs.length, p: pct }) + " " + t(pct >= mark ? "pass" : "fail", { m: mark });
    foot.querySelector(".hg-review").hidden = right === qs.length;
    foot.hidden = false;
  }

  function newAttempt(quiz) {
    var units = all(quiz, ".hg-unit"), count = Number(quiz.getAttribute("data-count")) || units.length;
    var drawn = shuffle(units.slice()).slice(0, count);
    var n = 0;
    units.forEach(function (u) {
      u.hidden = drawn.indexOf(u) < 0;
      all(u, ".hg-q").forEach(function (q) {
        reset(q, false);
        if (!u.hidden) { n += 1; var num = q.querySelector(".hg-num"); num.textContent = num.textContent.replace(/\d+/, n); }
      });
    });
    quiz.classList.remove("hg-review");
    var review = quiz.querySelector(".hg-review");
    review.textContent = t("review");
    progress(quiz);
  }

  function setupQuiz(quiz) {
    quiz.setAttribute("data-hg", "1");
    all(quiz, ".hg-q").forEach(function (q) { setupQuestion(quiz, q); });
    var foot = el("div", "hg-foot");
    foot.setAttribute("data-search-exclude", "");
    var score = el("p", "hg-score");
    score.setAttribute("role", "status");
    score.setAttribute("aria-live", "polite");
    foot.appendChild(score);
    foot.appendChild(button("hg-review", t("review"), function () {
      var on = quiz.classList.toggle("hg-review");
      this.textContent = t(on ? "all" : "review");
      var wrong = quiz.querySelector('.hg-q[data-state="bad"]');
      if (on && wrong && wrong.scrollIntoView) wrong.scrollIntoView();
    }));
    foot.appendChild(button("hg-again", t("again"), function () {
      newAttempt(quiz);
      var first = visibleQuestions(quiz)[0];
      if (first) first.querySelector("input, select").focus();
    }));
    quiz.appendChild(foot);
    quiz.classList.add("hg-js");
    newAttempt(quiz);
  }

  /* ---- "Tiến độ của tôi" ---- */
  function fillProgress(box) {
    all(box, "tr[data-bank]").forEach(function (row) {
      var cell = row.querySelector(".hg-best"), best = store.get(bestKey(box, row.getAttribute("data-bank")));
      if (!cell.hasAttribute("data-none")) cell.setAttribute("data-none", cell.textContent);
      var mark = Number(row.getAttribute("data-pass")) || 70;
      cell.textContent = best && typeof best.p === "number"
        ? best.p + "%" + (best.p >= mark ? " ✓ " + t("passed") : "")
        : cell.getAttribute("data-none");
    });
  }

  function setupProgress(box) {
    box.setAttribute("data-hg", "1");
    box.classList.add("hg-js");
    var status = el("p", "hg-status");
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    box.appendChild(button("hg-reset", t("reset"), function () {
      store.clear(prefix(box), all(box, "tr[data-bank]").map(function (r) { return r.getAttribute("data-bank"); }));
      fillProgress(box);
      status.textContent = t("cleared");
    }));
    box.appendChild(status);
    fillProgress(box);
  }

  // Quizzes and the progress table are only ever in the page's content.
  function init() {
    var content = document.querySelector(".md-content") || document;
    all(content, ".hg-quiz:not([data-hg])").forEach(setupQuiz);
    all(content, ".hg-progress:not([data-hg])").forEach(setupProgress);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
  // Material's instant navigation (off today) and any other page swap: set up new blocks only.
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) window.document$.subscribe(init);
  // Watch only the content for blocks added later, not the whole document (search results and the drawer
  // change often and never hold a quiz).
  var content = document.querySelector(".md-content");
  if (content && window.MutationObserver) new MutationObserver(init).observe(content, { childList: true, subtree: true });
})();
