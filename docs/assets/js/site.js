/* Small site behaviours. No dependencies; works from file:// (no instant navigation). */
(function () {
  "use strict";
  var lang = (document.documentElement.lang || "vi").slice(0, 2);
  var here = document.currentScript ? document.currentScript.src : "";
  var TEXT = {
    saving: { vi: "Đang lưu để đọc khi không có mạng… ", en: "Saving for offline reading… ", km: "កំពុងរក្សាទុកសម្រាប់អានពេលគ្មានអ៊ីនធឺណិត… " },
    ready: { vi: "✓ Đã lưu: đọc được cả khi không có mạng.", en: "✓ Saved: readable without a network.", km: "✓ បានរក្សាទុក៖ អាចអានបានពេលគ្មានអ៊ីនធឺណិត។" },
    failed: { vi: "Chưa lưu được để đọc khi không có mạng. Sẽ thử lại lần sau.", en: "Could not save for offline reading yet; will retry.", km: "មិនទាន់អាចរក្សាទុកបានទេ។ នឹងព្យាយាមម្តងទៀត។" }
  };
  function say(key, extra) {
    var el = document.querySelector("[data-hg-offline]");
    if (!el) return;
    el.hidden = false;
    el.textContent = (TEXT[key][lang] || TEXT[key].vi) + (extra || "");
  }

  // "Gửi câu hỏi": pre-fill the e-mail body with the address of the page the reader came from.
  function prefillMail() {
    document.querySelectorAll('a[href^="mailto:"][data-hg-mail]').forEach(function (a) {
      var ref = document.referrer && document.referrer.indexOf(location.origin) === 0 ? document.referrer : location.href;
      a.href = a.href.split("?")[0] + "?subject=" + encodeURIComponent(a.getAttribute("data-hg-mail")) +
        "&body=" + encodeURIComponent("\n\nTrang: " + ref);
    });
  }

  // Web build only (the offline zip has no such meta): keep this language for offline reading.
  function offlineCopy() {
    var meta = document.querySelector('meta[name="hg-service-worker"]');
    if (!meta || !("serviceWorker" in navigator) || !/^https?:$/.test(location.protocol)) return;
    navigator.serviceWorker.register(meta.content).then(function () {
      return navigator.serviceWorker.ready;
    }).then(function (reg) {
      navigator.serviceWorker.addEventListener("message", function (ev) {
        var d = ev.data || {};
        if (d.type === "progress") say("saving", Math.round(100 * d.done / d.total) + "%");
        else if (d.type === "ready") { say("ready"); document.documentElement.setAttribute("data-hg-offline-ready", d.version); }
        else if (d.type === "failed") say("failed");
        else if (d.type === "missing") reg.active.postMessage({ type: "precache", lang: lang });
      });
      reg.active.postMessage({ type: "status", lang: lang });
    }).catch(function () { /* no offline copy: the site still works online */ });
  }

  // Wide tables scroll sideways on phones: a scrolling region must be reachable by keyboard (axe
  // scrollable-region-focusable). Only tables that overflow get a tab stop; re-checked on resize.
  var TABLE = { vi: "Bảng", en: "Table", km: "តារាង" };
  function scrollRegions() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (el) {
      if (el.scrollWidth > el.clientWidth + 1) {
        el.setAttribute("tabindex", "0");
        el.setAttribute("role", "region");
        el.setAttribute("aria-label", TABLE[lang] || TABLE.vi);
      } else if (el.getAttribute("role") === "region") {
        el.removeAttribute("tabindex");
        el.removeAttribute("role");
        el.removeAttribute("aria-label");
      }
    });
  }

  // Task lists (pymdownx.tasklist): the checkbox's <label> wraps only the box, the item's text sits
  // outside it. Name each box by its item's text (axe: form elements must have labels).
  function taskLabels() {
    document.querySelectorAll(".task-list-item > .task-list-control > input[type=checkbox]").forEach(function (box) {
      if (!box.hasAttribute("aria-label")) {
        box.setAttribute("aria-label", box.closest(".task-list-item").textContent.replace(/\s+/g, " ").trim());
      }
    });
  }

  // Search (assets/js/search.js, ~14 KB gzipped) loads when the reader opens it or arrives from a result
  // (?h=, highlighted by search.js), not with every page. hgSearchReady() resolves to its API.
  var searchReady = null;
  window.hgSearchReady = function () {
    if (!searchReady) {
      searchReady = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = here.replace(/site\.js(\?.*)?$/, "search.js");
        s.onload = function () { resolve(window.hgSearch); };
        s.onerror = function () { searchReady = null; reject(new Error("search not loaded: " + s.src)); };
        document.head.appendChild(s);
      });
    }
    return searchReady;
  };
  function searchOnDemand() {
    var toggle = document.getElementById("__search"), input = document.querySelector(".md-search__input");
    function load() { window.hgSearchReady().catch(function () { /* retried on the next opening */ }); }
    if (toggle) toggle.addEventListener("change", function () { if (toggle.checked) load(); });
    if (input) input.addEventListener("focus", load);
    if (/[?&]h=/.test(location.search)) load();
  }

  // Header menu and search: buttons a keyboard reaches (Material's <label>s it cannot). Below the widths
  // where they show, the drawer and the search dialog sit off-screen when closed: inert then, so that Tab
  // never lands in them unseen. Escape closes them and gives focus back to the button.
  var NARROW = { __drawer: "(max-width: 76.234375em)", __search: "(max-width: 59.984375em)" };
  var PANEL = { __drawer: ".md-sidebar--primary", __search: ".md-search" };
  // The drawer (once slid in, 0.25 s) shows the current section's panel over the others: its first control in view.
  function firstInView(panel) {
    var items = panel.querySelectorAll("a[href], label[tabindex], button");
    for (var i = 0; i < items.length; i++) {
      var r = items[i].getBoundingClientRect();
      if (r.width > 0 && r.left >= 0 && r.right <= window.innerWidth &&
          items[i].contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2))) return items[i];
    }
    return null;
  }
  function headerButtons() {
    document.querySelectorAll("button[data-hg-toggle]").forEach(function (button) {
      var id = button.getAttribute("data-hg-toggle"), toggle = document.getElementById(id);
      var panel = document.querySelector(PANEL[id]), narrow = window.matchMedia(NARROW[id]);
      var label = document.querySelector('.md-header__button[for="' + id + '"]');
      if (!toggle || !panel) return;
      function sync() {
        button.setAttribute("aria-expanded", String(toggle.checked));
        panel.inert = narrow.matches && !toggle.checked;
      }
      if (label) label.hidden = true;
      button.hidden = false;
      button.addEventListener("click", function () {
        toggle.checked = !toggle.checked;
        toggle.dispatchEvent(new Event("change"));
        if (toggle.checked && id === "__search") panel.querySelector(".md-search__input").focus();
        else if (toggle.checked) setTimeout(function () { var first = firstInView(panel); if (first) first.focus(); }, 300);
      });
      toggle.addEventListener("change", sync);
      narrow.addEventListener("change", sync);
      sync();
    });
    document.addEventListener("keydown", function (ev) {
      if (ev.key !== "Escape") return;
      ["__search", "__drawer"].some(function (id) {
        var toggle = document.getElementById(id), button = document.querySelector('button[data-hg-toggle="' + id + '"]');
        if (!toggle || !toggle.checked) return false;
        toggle.checked = false;
        toggle.dispatchEvent(new Event("change"));
        if (button && button.offsetParent) button.focus();
        else if (document.activeElement) document.activeElement.blur();
        return true;
      });
    });
  }

  function init() {
    prefillMail(); offlineCopy(); taskLabels(); headerButtons(); searchOnDemand();
    if (window.document$ && window.document$.subscribe) window.document$.subscribe(scrollRegions);
    scrollRegions();
    window.addEventListener("load", scrollRegions);
    var pending;
    window.addEventListener("resize", function () { clearTimeout(pending); pending = setTimeout(scrollRegions, 150); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
