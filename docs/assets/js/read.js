/* Reading aids (issue 19): A− / A+, "Nghe" (speak.js, loaded when pressed) and "Chia sẻ". The controls come
   with the page (scripts/hoagiai/reading.py); settings stay on this device, nothing is sent anywhere. */
(function () {
  "use strict";
  var root = document.documentElement, tools = document.querySelector(".hg-tools");
  if (!tools) return;
  var here = document.currentScript ? document.currentScript.src : "";
  var KEY = "hg:" + tools.getAttribute("data-site") + ":pref:textsize";
  var SIZES = ["0.9", "1", "1.2", "1.4"];  // read.css has a rule for each; "1" is the page as designed
  var sizeButtons = tools.querySelectorAll(".hg-textsize button");

  function note(text, code) {
    var p = tools.querySelector(".hg-note");
    p.textContent = text;
    if (code) p.appendChild(document.createElement("code")).textContent = code;
  }

  // Text size (the inline script in the head applied the stored one before the first paint).
  function size() { var i = SIZES.indexOf(root.getAttribute("data-hg-size")); return i < 0 ? 1 : i; }
  function setSize(value, keep) {
    var custom = value !== "1" && SIZES.indexOf(value) >= 0;
    if (custom) root.setAttribute("data-hg-size", value); else root.removeAttribute("data-hg-size");
    try { if (keep && custom) localStorage.setItem(KEY, value); else if (keep) localStorage.removeItem(KEY); } catch (e) { /* private mode */ }
    sizeButtons[0].setAttribute("aria-disabled", String(size() === 0));
    sizeButtons[1].setAttribute("aria-disabled", String(size() === SIZES.length - 1));
  }
  tools.querySelector(".hg-textsize").addEventListener("click", function (ev) {
    var b = ev.target.closest("button"), next = b ? size() + Number(b.getAttribute("data-step")) : -1;
    if (next >= 0 && next < SIZES.length) setSize(SIZES[next], true);
  });
  // Also when coming back to a page kept in memory: the size chosen last.
  function fromStore() { try { setSize(localStorage.getItem(KEY)); } catch (e) { setSize(null); } }
  window.addEventListener("pageshow", fromStore);
  fromStore();

  // Read aloud: speak.js and speak.css load on the first press; hgSpeakReady() resolves to its API.
  var speakReady = null;
  function load(tag, attrs) {
    return new Promise(function (resolve, reject) {
      var el = Object.assign(document.createElement(tag), attrs, { onload: resolve, onerror: reject });
      document.head.appendChild(el);
    });
  }
  window.hgSpeakReady = function () {
    var base = here.replace(/js\/read\.js(\?.*)?$/, "");
    speakReady = speakReady || Promise.all([load("link", { rel: "stylesheet", href: base + "css/speak.css" }),
                                            load("script", { src: base + "js/speak.js" })])
      .then(function () { return window.hgSpeak; }, function (err) { speakReady = null; throw err; });
    return speakReady;
  };
  document.addEventListener("click", function (ev) {
    var b = ev.target.closest && ev.target.closest("[data-hg-speak]");
    if (b) window.hgSpeakReady().then(function (api) { api.start(b); }, function () { /* retried on the next press */ });
  });

  // Share: the phone's share sheet (Zalo, Messenger…) with the page's public address, else copy the link
  // (over plain http neither the share sheet nor the clipboard API is offered: execCommand still copies).
  var share = tools.querySelector("[data-hg-share]");
  function copy(url) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(url);
    var area = Object.assign(document.createElement("textarea"), { value: url, className: "hg-sr-only" }), done = false;
    document.body.appendChild(area).select();
    try { done = document.execCommand("copy"); } catch (e) { /* refused */ }
    area.remove();
    share.focus();
    return done ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }
  if (share) share.addEventListener("click", function () {
    var url = share.getAttribute("data-hg-share");
    function fallback() {
      copy(url).then(function () { note(share.getAttribute("data-done")); },
                     function () { note(share.getAttribute("data-manual") + " ", url); });
    }
    note("");
    if (!navigator.share) return fallback();
    navigator.share({ title: share.getAttribute("data-title"), url: url })
      .catch(function (err) { if (err.name !== "AbortError") fallback(); });
  });
})();
