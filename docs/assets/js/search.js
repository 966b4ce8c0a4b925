/* Site search (replaces Material's lunr search): finds "hoa giai", "hoà giải", "HÒA GIẢI" and NFD text
   alike, ranks exact accented matches first, searches only the reader's language, segments Khmer with
   Intl.Segmenter on both sides, expands villagers' synonyms. The index is a .js file so it also loads
   from file://. Python's hoagiai.search.index.fold() must stay identical to fold() here. */
(function () {
  "use strict";
  var MAX_PAGES = 12, SNIPPET = 170;
  var cfg = {};
  try { cfg = JSON.parse(document.getElementById("__config").textContent); } catch (e) { /* no config */ }
  var base = (cfg.base || ".").replace(/\/$/, "");
  var lang = (document.documentElement.lang || "vi").slice(0, 2);
  var tr = cfg.translations || {};
  var index = null, loading = null, vocabKeys = null;

  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D")
      .toLowerCase().normalize("NFC");
  }
  var KHMER = /[\u1780-\u17ff\u19e0-\u19ff]+/g;
  var segmenter = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter("km", { granularity: "word" }) : null;
  function khmerWords(run) {
    if (!segmenter) return [run];
    var out = [];
    for (var part of segmenter.segment(run)) if (part.isWordLike !== false && part.segment.trim()) out.push(part.segment);
    return out;
  }
  function tokens(text) {
    var f = fold(text), out = f.match(/[a-z0-9]+/g) || [];
    (f.match(KHMER) || []).forEach(function (run) { out = out.concat(khmerWords(run)); });
    return out;
  }

  function loadScript(name) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = base + "/search/hg-" + name + ".js";
      s.onload = function () { resolve(window.HG_SEARCH[name]); };
      s.onerror = function () { reject(new Error("search index not found: " + s.src)); };
      document.head.appendChild(s);
    });
  }

  // An en or km index refers to the Vietnamese index for pages shown in Vietnamese ("m": steps of
  // [0 own | 1 vi, first id, count] in page order; "p": URL prefix). Merged, it is the index the build
  // would write with every section in it (same ids, same order): hoagiai.search.index.build_shared_index.
  function merge(own, vi) {
    var s = [], v = {}, maps = [[], []];
    own.m.forEach(function (step) {
      var src = step[0] ? vi : own;
      for (var i = step[1]; i < step[1] + step[2]; i++) {
        var row = src.s[i];
        maps[step[0]][i] = s.length;
        s.push(step[0] ? [own.p + row[0], row[1], row[2], row[3]] : row);
      }
    });
    [own, vi].forEach(function (src, which) {
      var map = maps[which];
      Object.keys(src.v).forEach(function (tok) {
        var ids = src.v[tok], out = v[tok] || (v[tok] = []);
        for (var k = 0; k < ids.length; k++) if (map[ids[k]] !== undefined) out.push(map[ids[k]]);
      });
    });
    Object.keys(v).forEach(function (tok) {
      if (v[tok].length) v[tok].sort(function (a, b) { return a - b; }); else delete v[tok];
    });
    return { s: s, v: v, y: own.y };
  }

  function load() {
    if (index) return Promise.resolve(index);
    if (loading) return loading;
    loading = loadScript(lang).then(function (own) {
      var refersToVi = own.m && own.m.some(function (step) { return step[0] === 1; });
      return refersToVi ? loadScript("vi").then(function (vi) { return merge(own, vi); }) : own;
    }).then(function (loaded) {
      index = loaded;
      // Khmer: segment the indexed text with the same segmenter the query uses.
      index.s.forEach(function (row, id) {
        var text = row[1] + " " + row[2] + " " + row[3];
        if (!/[\u1780-\u17ff]/.test(text)) return;
        (text.match(KHMER) || []).forEach(function (run) {
          khmerWords(run).forEach(function (w) { (index.v[w] = index.v[w] || []).push(id); });
        });
      });
      vocabKeys = Object.keys(index.v).sort();
      return index;
    }, function (err) { loading = null; throw err; });
    return loading;
  }

  // Sections matching one term, with the token that matched: exact tokens, then tokens it starts.
  // A Khmer word also matches wherever the text contains it, so a segmenter that cuts the indexed
  // text differently in context can never hide a page.
  var KHMER_WORD = /^[\u1780-\u17ff\u19e0-\u19ff]+$/;
  function lookup(term) {
    var hits = new Map();
    (index.v[term] || []).forEach(function (id) { hits.set(id, 1); });
    if (KHMER_WORD.test(term)) {
      index.s.forEach(function (row, id) {
        if (!hits.has(id) && (row[1].indexOf(term) >= 0 || row[2].indexOf(term) >= 0 || row[3].indexOf(term) >= 0)) hits.set(id, 1);
      });
      return hits;
    }
    if (term.length >= 2 && !/^[0-9]+$/.test(term)) {
      var lo = 0, hi = vocabKeys.length;
      while (lo < hi) { var mid = (lo + hi) >> 1; if (vocabKeys[mid] < term) lo = mid + 1; else hi = mid; }
      for (var i = lo; i < vocabKeys.length && vocabKeys[i].indexOf(term) === 0 && i < lo + 200; i++) {
        if (vocabKeys[i] === term) continue;
        index.v[vocabKeys[i]].forEach(function (id) { if (!hits.has(id)) hits.set(id, 0.6); });
      }
    }
    return hits;
  }

  function wordsOf(text) { return text.normalize("NFC").toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) || []; }

  // Accented query words found as typed: "sổ đỏ" is not "sơ đồ", "đất" is not "đặt". Results are ranked
  // by this count first, so an exact match always comes before a folded collision.
  function exactHits(id, exact) {
    if (!exact.length) return 0;
    var row = index.s[id], words = wordsOf(row[1] + " " + row[2] + " " + row[3]);
    return exact.filter(function (x) { return words.indexOf(x) >= 0; }).length;
  }

  function score(id, terms) {
    var row = index.s[id], isTop = row[2] === "";
    var title = tokens(row[1]), head = isTop ? title : tokens(row[2]);
    var total = 0, headAll = true;
    terms.forEach(function (t, k) {
      var w = 1;
      if (head.indexOf(t) >= 0) w = 8; else if (isTop && title.indexOf(t) >= 0) w = 10;
      else if (head.some(function (h) { return h.indexOf(t) === 0; })) w = 5;
      if (head.indexOf(t) < 0 && !head.some(function (h) { return h.indexOf(t) === 0; })) headAll = false;
      total += w;
    });
    if (headAll && !isTop) total += 40;            // a heading holding every query word comes first
    if (isTop && terms.every(function (t) { return title.indexOf(t) >= 0; })) total += 30;
    var phrase = terms.join(" ");
    if (terms.length > 1 && (" " + head.join(" ") + " ").indexOf(" " + phrase) >= 0) total += 25;  // words in order
    total += 12 * terms.length / Math.max(head.length, terms.length);  // short, focused headings first
    return total;
  }

  function run(query) {
    var variants = [query], fq = " " + fold(query).trim() + " ";
    (index.y || []).forEach(function (group) {
      group.forEach(function (phrase) {
        if (fq.indexOf(" " + phrase + " ") < 0) return;
        group.forEach(function (other) { if (other !== phrase) variants.push(fq.replace(" " + phrase + " ", " " + other + " ").trim()); });
      });
    });
    var best = new Map(), exact = wordsOf(query).filter(function (w) { return fold(w) !== w; });
    variants.forEach(function (q, v) {
      var terms = tokens(q);
      if (!terms.length) return;
      var sets = terms.map(lookup), found = sets[0];
      var ids = Array.from(found.keys()).filter(function (id) { return sets.every(function (s) { return s.has(id); }); });
      ids.forEach(function (id) {
        var sc = score(id, terms) * sets.reduce(function (p, s) { return p * s.get(id); }, 1) * (v ? 0.9 : 1);
        var tier = v ? exact.length : exactHits(id, exact);  // a synonym counts as typed
        var old = best.get(id);
        if (!old || old[0] < tier || (old[0] === tier && old[1] < sc)) best.set(id, [tier, sc]);
      });
    });
    return rankPages(best, tokens(query), exact);
  }

  // Pages, best first: the best section, a little for other matching sections (a page about the topic
  // throughout), a lot when the page title holds every query word; trainer pages slightly lower.
  var TRAINER = /^(?:[a-z]{2}\/)?(?:bai-giang-mau|huong-dan-tap-huan-vien)\//;
  function rankPages(best, terms, exact) {
    var pages = new Map();
    best.forEach(function (ts, id) {
      var url = index.s[id][0].split("#")[0];
      if (!pages.has(url)) pages.set(url, []);
      pages.get(url).push([id, ts[1], ts[0]]);
    });
    var out = [];
    pages.forEach(function (secs, url) {
      secs.sort(function (a, b) { return b[2] - a[2] || b[1] - a[1]; });
      var titleText = index.s[secs[0][0]][1], title = tokens(titleText), titleWords = wordsOf(titleText);
      var inTitle = terms.filter(function (t) { return title.indexOf(t) >= 0; }).length;
      var bonus = terms.length && inTitle === terms.length ? 60 : 20 * inTitle / Math.max(terms.length, 1);
      if ((" " + title.join(" ")).indexOf(" " + terms.join(" ")) === 0) bonus += 15;  // the page is about it
      exact.forEach(function (x) { if (titleWords.indexOf(x) < 0) bonus *= 0.25; });  // "đất" in a title is not "đặt"
      var score = secs[0][1] + 0.15 * secs.slice(1, 6).reduce(function (s, x) { return s + x[1]; }, 0) + bonus;
      if (TRAINER.test(url)) score *= 0.8;
      out.push({ url: url, tier: secs[0][2], score: score, ids: secs.map(function (x) { return x[0]; }) });
    });
    return out.sort(function (a, b) { return b.tier - a.tier || b.score - a.score; });
  }

  function esc(s) { return s.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; }); }

  // Wrap words whose folded form starts with a query term in <mark> (the original, accented words).
  // A word is marked when it starts with a term; terms in `whole` (a Set) mark whole words only.
  function mark(text, terms, whole) {
    return text.replace(/[\p{L}\p{M}\p{N}]+/gu, function (w) {
      var f = fold(w);
      return terms.some(function (t) { return f === t || (f.indexOf(t) === 0 && !(whole && whole.has(t))); })
        ? "<mark>" + esc(w) + "</mark>" : esc(w);
    });
  }
  function snippet(text, terms) {
    var f = fold(text), at = -1;
    terms.forEach(function (t) { var i = f.indexOf(t); if (i >= 0 && (at < 0 || i < at)) at = i; });
    var start = Math.max(0, at - 40), cut = text.slice(start, start + SNIPPET);
    return (start > 0 ? "… " : "") + mark(cut, terms) + (start + SNIPPET < text.length ? " …" : "");
  }
  function t(key, n) { return (tr[key] || "").replace("#", n); }

  function render(ui, query) {
    var list = ui.querySelector(".md-search-result__list"), meta = ui.querySelector(".md-search-result__meta");
    list.innerHTML = "";
    if (!query.trim()) { meta.textContent = t("search.result.placeholder") || meta.textContent; return; }
    var terms = tokens(query), pages = new Map();
    run(query).forEach(function (h) { pages.set(h.url, h.ids.slice(0, 3)); });
    var n = pages.size;
    meta.textContent = n === 0 ? t("search.result.none") : n === 1 ? t("search.result.one") : t("search.result.other", n);
    var h = "?h=" + encodeURIComponent(terms.join(" "));
    Array.from(pages.values()).slice(0, MAX_PAGES).forEach(function (ids) {
      var li = document.createElement("li"), html = "";
      li.className = "md-search-result__item";
      ids.forEach(function (id, k) {
        var row = index.s[id], parts = row[0].split("#");
        var href = base + "/" + parts[0] + h + (parts[1] ? "#" + parts[1] : "");
        var heading = k === 0 ? "<h1>" + mark(row[1], terms) + "</h1>" + (row[2] ? "<h2>" + mark(row[2], terms) + "</h2>" : "")
          : "<h2>" + mark(row[2] || row[1], terms) + "</h2>";
        html += '<a href="' + esc(href) + '" class="md-search-result__link"><article class="md-search-result__article md-typeset">' +
          heading + "<p>" + snippet(row[3], terms) + "</p></article></a>";
      });
      li.innerHTML = html;
      list.appendChild(li);
    });
  }

  // On the target page: mark the words searched for (?h=...) in the article.
  function highlightPage() {
    var h = new URLSearchParams(location.search).get("h");
    var article = document.querySelector(".md-content article");
    if (!h || !article) return;
    var terms = tokens(h), walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT), nodes = [];
    // On the page, a term that is a word of the page marks that word only ("hoa": "hòa", not "hoạt").
    var words = new Set(fold(article.textContent).match(/[\p{L}\p{M}\p{N}]+/gu) || []);
    var whole = new Set(terms.filter(function (t) { return words.has(t); }));
    while (walker.nextNode()) if (walker.currentNode.parentNode.closest("[data-search-exclude],script,style,mark") === null) nodes.push(walker.currentNode);
    nodes.forEach(function (node) {
      var html = mark(node.nodeValue, terms, whole);
      if (html.indexOf("<mark>") < 0) return;
      var span = document.createElement("span");
      span.innerHTML = html;
      node.parentNode.replaceChild(span, node);
    });
  }

  function init() {
    var ui = document.querySelector(".md-search[data-hg-search]");
    highlightPage();
    if (!ui || ui.hgReady) return;
    ui.hgReady = true;
    var input = ui.querySelector(".md-search__input"), toggle = document.getElementById("__search"), timer;
    var meta = ui.querySelector(".md-search-result__meta");
    function ready() { load().then(function () { meta.textContent = t("search.result.placeholder"); if (input.value) render(ui, input.value); }); }
    if (toggle) toggle.addEventListener("change", function () { if (toggle.checked) { ready(); setTimeout(function () { input.focus(); }, 50); } });
    input.addEventListener("focus", ready);
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { load().then(function () { render(ui, input.value); }); }, 80);
    });
    ui.querySelector("form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var first = ui.querySelector(".md-search-result__link");
      if (first) first.click();
    });
    ui.addEventListener("click", function (ev) {
      if (ev.target.closest && ev.target.closest(".md-search-result__link") && toggle) toggle.checked = false;
    });
    window.hgSearch = { fold: fold, tokens: tokens, load: load, merge: merge, run: function (q) { return load().then(function () { return run(q); }); } };
    // Loaded on demand (site.js): the reader may have opened search or typed already.
    if (toggle && toggle.checked && document.activeElement !== input) input.focus();  // focus runs ready()
    else if (document.activeElement === input) ready();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
