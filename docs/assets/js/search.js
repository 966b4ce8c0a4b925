/* Site search (replaces Material's lunr search). Finds a page for a situation typed the way a mediator types
   it: without diacritics ("hoa giai"), with the old tone placement ("hoà"), in capitals or pasted as NFD;
   with village words (data/search-synonyms.yml) and one typo. Ranks pages by how many of the query's words
   they hold, weighted by rarity (BM25), title and headings first; exact accented matches before folded
   collisions (đặt / đất); cases, FAQ answers, readings and law before quizzes and overviews. Never empty
   for a query with a known word: when no page holds every word it says so and shows the nearest pages.
   Each language searches its own pages; Khmer is segmented with Intl.Segmenter on both sides.

   Index (scripts/hoagiai/search/, format in schema.json): search/hg-<lang>.js is the core, read on the
   first search (titles, headings, term index); search/<lang>/<page>.js holds a page's text, loaded for
   the results shown (snippets). Both are script files, so search also works from file://.
   Python's hoagiai.search.text.fold() must stay identical to fold() here. */
(function () {
  "use strict";

  // ---- Ranking weights, all in one place (tests/search/situations.yml and queries.yml measure them with
  // `hoagiai bench`; tests/search assert the thresholds).
  var RANK = {
    BM25_K1: 1.2, BM25_B: 0.75,  // term frequency saturation, length normalisation of the body
    TITLE_WEIGHT: 2.5,     // a word in the title (a word all through the body scores up to K1 + 1)
    HEADING_WEIGHT: 1.2,   // a word in headings (full weight from HEADING_CAP headings)
    HEADING_CAP: 2,
    // How a query word was matched: as typed, by a synonym or village word, as the start of a word, within
    // a typo of an unknown word, or within a typo of a word that exists too ("xuat" for "suat").
    MATCH_WEIGHT: { word: 1, synonym: 0.9, prefix: 0.5, typo: 0.55, typo2: 0.2 },
    // Body words count by what the page is (title and headings always count): a quiz, the progress page and
    // the translation-review list are found by their title, never lifted by the words in their body.
    KIND_BODY: { "case": 1, faq: 1, reading: 1, law: 1, ask: 1, overview: 0.35, trainer: 0.6,
                 quiz: 0, progress: 0, review: 0 },
    KIND_RESULT: { "case": 1.1, faq: 1.1, reading: 1.1, law: 1, ask: 1, overview: 0.7, trainer: 0.5,
                   quiz: 0.7, progress: 0.7, review: 0.7 },
    COVERAGE_POWER: 1.5,   // × (share of the query a page holds) ^ this; the share counts each word ...
    COVERAGE_RARITY: 0.5,  // ... weighted this much by its rarity (0: every word alike, 1: by rarity only)
    SECTION_COVER: 0.5,    // × (1 + this × (share of the query in one section, title included)²)
    TITLE_COVER: 2.5,      // × (1 + this × (share of the query in the title)²) ...
    HEADING_COVER: 1.0,    // ... or in one heading ("Điều 7. Tiêu chuẩn hòa giải viên"), whichever is more
    TITLE_PHRASE_BONUS: 1.6,  // × this when the title holds the words side by side, in the order typed
    PHRASE_BONUS: 1.15,    // × this when that heading does ("Điều 7. Tiêu chuẩn hòa giải viên")
    SAME_PAGE_DECAY: 0.75  // each further result from the same page (FAQ questions) counts this much less
  };
  var TYPO_MIN = 4, TYPO_TWO = 8;  // typo matching: words of 4+ letters, distance 2 from 8 letters
  var MAX_TERMS = 12, MAX_MARKED = 30, MAX_PREFIX = 60, MAX_TYPOS = 4, MAX_RESULTS = 12, MAX_SECTIONS = 3, SNIPPET = 170;

  var TEXT = {  // the Khmer strings are reference translations, like the Khmer pages (review: pending)
    nearest: { vi: "Không có trang nào có đủ các từ; đây là những trang gần nhất.",
               en: "No page has all the words; these are the nearest pages.",
               km: "គ្មានទំព័រណាមានពាក្យទាំងអស់ទេ នេះជាទំព័រដែលជិតបំផុត។" },
    suggest: { vi: "Gợi ý tình huống thường gặp:", en: "Common situations:", km: "ស្ថានភាពដែលជួបញឹកញាប់៖" },
    none: { vi: "Không tìm thấy trang nào. Thử một tình huống dưới đây, xem Hỏi đáp hoặc gửi câu hỏi.",
            en: "No page found. Try a situation below, read the FAQ or send a question.",
            km: "រកមិនឃើញទំព័រទេ។ សាកល្បងស្ថានភាពខាងក្រោម អានសំណួរ-ចម្លើយ ឬផ្ញើសំណួរ។" },
    faq: { vi: "Hỏi đáp", en: "FAQ", km: "សំណួរ-ចម្លើយ" },
    ask: { vi: "Gửi câu hỏi", en: "Send a question", km: "ផ្ញើសំណួរ" }
  };
  // The fields search.js reads from the index rows (by name: the index lists its fields, schema.json).
  var NEEDS = { page: ["url", "title", "text"], doc: ["page", "anchor", "title", "kind", "length"],
                section: ["doc", "anchor", "heading", "khmer"] };

  var cfg = {};
  try { cfg = JSON.parse(document.getElementById("__config").textContent); } catch (e) { /* no config */ }
  var base = (cfg.base || ".").replace(/\/$/, "");
  var lang = (document.documentElement.lang || "vi").slice(0, 2);
  var tr = cfg.translations || {};
  var here = document.currentScript ? document.currentScript.src : "";
  var index = null, loading = null;

  function say(key) { return (TEXT[key][lang] || TEXT[key].vi); }

  // ---- Text
  function fold(s) {
    return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D")
      .toLowerCase().normalize("NFC");
  }
  var KHMER = /[\u1780-\u17ff\u19e0-\u19ff]+/g, KHMER_WORD = /^[\u1780-\u17ff\u19e0-\u19ff]+$/;
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
  function wordsOf(text) { return text.normalize("NFC").toLowerCase().match(/[\p{L}\p{M}\p{N}]+/gu) || []; }

  // ---- Loading: script files (file:// allows no fetch)
  function loadScript(src, value) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.onload = function () { resolve(value()); };
      s.onerror = function () { s.remove(); reject(new Error("search file not found: " + src)); };
      document.head.appendChild(s);
    });
  }
  function loadCore(name) {
    return loadScript(base + "/search/hg-" + name + ".js", function () { return window.HG_SEARCH[name]; });
  }
  var texts = new Map();  // text file name -> Promise of the page's section texts (null if it failed)
  function loadText(name) {
    if (!texts.has(name)) {
      texts.set(name, loadScript(base + "/search/" + name + ".js", function () { return window.HG_SEARCH_TEXT[name]; })
        .catch(function () { texts.delete(name); return null; }));
    }
    return texts.get(name);
  }
  function textOf(name) { var t = window.HG_SEARCH_TEXT && window.HG_SEARCH_TEXT[name]; return t || null; }

  function objects(raw, kind) {
    var fields = (raw.fields || {})[kind] || [];
    NEEDS[kind].forEach(function (f) {
      if (fields.indexOf(f) < 0) throw new Error("search index: " + kind + " rows lack the field " + f);
    });
    return raw[kind + "s"].map(function (row) {
      var o = {};
      fields.forEach(function (f, i) { o[f] = row[i]; });
      return o;
    });
  }
  function postings(text) {  // "3,1.4,a" -> [3, 1, 4, 4, 14, 1]: id, tf pairs (see schema.json)
    var out = [], id = 0;
    if (!text) return out;
    text.split(",").forEach(function (entry) {
      var dot = entry.indexOf(".");
      id += parseInt(dot < 0 ? entry : entry.slice(0, dot), 36);
      out.push(id, dot < 0 ? 1 : parseInt(entry.slice(dot + 1), 36));
    });
    return out;
  }
  function idsOf(pairs) { var out = []; for (var i = 0; i < pairs.length; i += 2) out.push(pairs[i]); return out; }

  // The index as plain data: rows as objects, terms as [section, tf, ...], spellings as {token: {word: [docs]}}
  // (a token with no entry in "accents" is only ever written as itself).
  function decode(raw) {
    var terms = {}, common = {}, spellings = {}, sections = objects(raw, "section");
    Object.keys(raw.terms).forEach(function (tok) { terms[tok] = postings(raw.terms[tok]); });
    Object.keys(raw.common).forEach(function (tok) { common[tok] = postings(raw.common[tok]); });
    Object.keys(raw.accents).forEach(function (tok) {
      var entry = raw.accents[tok], forms = {}, lacking = new Set(idsOf(postings(entry[1])));
      var docs = common[tok] ? idsOf(common[tok])
        : Array.from(new Set(idsOf(terms[tok] || []).map(function (s) { return sections[s].doc; })));
      forms[entry[0]] = docs.filter(function (d) { return !lacking.has(d); }).sort(function (a, b) { return a - b; });
      for (var i = 2; i < entry.length; i += 2) forms[entry[i]] = idsOf(postings(entry[i + 1]));
      Object.keys(forms).forEach(function (w) { if (!forms[w].length) delete forms[w]; });
      spellings[tok] = forms;
    });
    return { lang: raw.lang, pages: objects(raw, "page"), docs: objects(raw, "doc"), sections: sections,
             terms: terms, common: common, spellings: spellings, synonyms: raw.synonyms, mappings: raw.mappings,
             suggestions: raw.suggestions, plan: raw.plan, prefix: raw.prefix };
  }

  // An en or km index refers to the Vietnamese one for the pages it shows in Vietnamese ("plan": steps of
  // [0 own | 1 vi, first page, count] in page order; "prefix": URL prefix). Merged, it is the decoded index
  // the build would write with every page in it: hoagiai.search.index.build_shared_index.
  function merge(own, vi) {
    var out = { lang: own.lang, pages: [], docs: [], sections: [], terms: {}, common: {}, spellings: {}, synonyms: own.synonyms,
                mappings: own.mappings, suggestions: own.suggestions, prefix: own.prefix };
    var srcs = [own, vi], docMaps = [new Map(), new Map()], secMaps = [new Map(), new Map()];
    own.plan.forEach(function (step) {
      var src = srcs[step[0]];
      for (var p = step[1]; p < step[1] + step[2]; p++) {
        var page = src.pages[p], newPage = out.pages.length;
        out.pages.push({ url: (step[0] ? own.prefix : "") + page.url, title: page.title, text: page.text });
        src.docs.forEach(function (d, id) {
          if (d.page !== p) return;
          docMaps[step[0]].set(id, out.docs.length);
          out.docs.push(Object.assign({}, d, { page: newPage }));
        });
        src.sections.forEach(function (s, id) {
          if (src.docs[s.doc].page !== p) return;
          secMaps[step[0]].set(id, out.sections.length);
          out.sections.push(Object.assign({}, s, { doc: docMaps[step[0]].get(s.doc) }));
        });
      }
    });
    srcs.forEach(function (src, which) {
      var secs = secMaps[which], docs = docMaps[which];
      Object.keys(src.terms).forEach(function (tok) {
        var pairs = src.terms[tok], to = out.terms[tok] || (out.terms[tok] = []);
        for (var i = 0; i < pairs.length; i += 2) if (secs.has(pairs[i])) to.push(secs.get(pairs[i]), pairs[i + 1]);
      });
      Object.keys(src.common).forEach(function (tok) {
        var pairs = src.common[tok], to = out.common[tok] || (out.common[tok] = []);
        for (var i = 0; i < pairs.length; i += 2) if (docs.has(pairs[i])) to.push(docs.get(pairs[i]), pairs[i + 1]);
      });
      Object.keys(src.terms).concat(Object.keys(src.common)).forEach(function (tok) {  // each doc's spellings
        var forms = src.spellings[tok], to = out.spellings[tok] || (out.spellings[tok] = {});
        var inDocs = new Set(src.common[tok] ? idsOf(src.common[tok])
          : idsOf(src.terms[tok]).map(function (s) { return src.sections[s].doc; }));
        var spelt = forms || {};
        if (!forms) spelt[tok] = Array.from(inDocs);  // only ever written as itself
        Object.keys(spelt).forEach(function (w) {
          spelt[w].forEach(function (d) { if (docs.has(d)) (to[w] = to[w] || []).push(docs.get(d)); });
        });
      });
    });
    [out.terms, out.common].forEach(function (all) {
      Object.keys(all).forEach(function (tok) {
        var pairs = all[tok], order = [];
        for (var i = 0; i < pairs.length; i += 2) order.push([pairs[i], pairs[i + 1]]);
        order.sort(function (a, b) { return a[0] - b[0]; });
        if (order.length) all[tok] = [].concat.apply([], order); else delete all[tok];
      });
    });
    Object.keys(out.spellings).forEach(function (tok) {  // as decode() gives it: no entry for a plain-only token
      var forms = out.spellings[tok], words = Object.keys(forms);
      words.forEach(function (w) { forms[w].sort(function (a, b) { return a - b; }); });
      if (!words.length || (words.length === 1 && words[0] === tok)) delete out.spellings[tok];
    });
    return out;
  }

  // Derived once per load: what ranking needs at every keystroke.
  function prepare(ix) {
    ix.docs.forEach(function (d, id) {
      d.id = id; d.sections = []; d.url = ix.pages[d.page].url + (d.anchor ? "#" + d.anchor : "");
      d.titleTf = new Map(); d.headTf = new Map(); d.words = new Set(wordsOf(d.title));
      tokens(d.title).forEach(function (t) { d.titleTf.set(t, (d.titleTf.get(t) || 0) + 1); });
    });
    ix.pages.forEach(function (p) { p.sections = []; });
    ix.sections.forEach(function (s, id) {
      var d = ix.docs[s.doc];
      s.id = id; s.page = d.page; s.tokens = tokens(s.heading); s.headSet = new Set(s.tokens);
      d.sections.push(id); ix.pages[d.page].sections.push(id);
      if (!s.heading || s.anchor === d.anchor) return;  // an FAQ question's heading is its doc's title
      s.headSet.forEach(function (t) { d.headTf.set(t, (d.headTf.get(t) || 0) + 1); });
      wordsOf(s.heading).forEach(function (w) { d.words.add(w); });
    });
    // Khmer body words: segmented here with the segmenter the query uses.
    ix.sections.forEach(function (s) {
      if (!s.khmer) return;
      var counts = new Map();
      (s.khmer.match(KHMER) || []).forEach(function (run) {
        khmerWords(run).forEach(function (w) { counts.set(w, (counts.get(w) || 0) + 1); ix.docs[s.doc].length++; });
      });
      counts.forEach(function (n, w) { (ix.terms[w] = ix.terms[w] || []).push(s.id, n); });
    });
    ix.head = new Map();  // title and heading token -> docs
    ix.docs.forEach(function (d) {
      [d.titleTf, d.headTf].forEach(function (m) {
        m.forEach(function (n, t) { if (!ix.head.has(t)) ix.head.set(t, new Set()); ix.head.get(t).add(d.id); });
      });
    });
    ix.secTf = new Map(); ix.docTf = new Map(); ix.idf = new Map(); ix.typos = new Map();  // filled on first use
    var vocab = new Set(Object.keys(ix.terms).concat(Object.keys(ix.common)));
    ix.head.forEach(function (_, t) { vocab.add(t); });
    ix.vocab = Array.from(vocab).sort();
    ix.vocabSet = vocab;
    ix.avgLength = ix.docs.reduce(function (s, d) { return s + d.length; }, 0) / Math.max(ix.docs.length, 1) || 1;
    ix.pageOfText = new Map(ix.pages.map(function (p, i) { return [p.text, i]; }));
    return ix;
  }

  function load() {
    if (index) return Promise.resolve(index);
    if (loading) return loading;
    loading = loadCore(lang).then(function (own) {
      var ownIx = decode(own);
      var refersToVi = own.plan && own.plan.some(function (step) { return step[0] === 1; });
      if (!refersToVi) return ownIx;
      return loadCore("vi").then(function (vi) { return merge(ownIx, decode(vi)); });
    }).then(function (decoded) {
      index = prepare(decoded);
      return index;
    }, function (err) { loading = null; throw err; });
    return loading;
  }

  // ---- Ranking
  function secTf(tok) {  // Map(section -> body frequency)
    if (!index.secTf.has(tok)) {
      var m = new Map(), pairs = index.terms[tok] || [];
      for (var i = 0; i < pairs.length; i += 2) m.set(pairs[i], pairs[i + 1]);
      index.secTf.set(tok, m);
    }
    return index.secTf.get(tok);
  }
  function docTf(tok) {  // Map(doc -> body frequency)
    if (!index.docTf.has(tok)) {
      var m = new Map(), pairs = index.common[tok];
      if (pairs) for (var i = 0; i < pairs.length; i += 2) m.set(pairs[i], pairs[i + 1]);
      secTf(tok).forEach(function (n, s) { var d = index.sections[s].doc; m.set(d, (m.get(d) || 0) + n); });
      index.docTf.set(tok, m);
    }
    return index.docTf.get(tok);
  }
  function sectionsWith(tok) {  // the sections holding the token in their body (a common word: all of its docs')
    var out = new Set(secTf(tok).keys());
    if (index.common[tok]) docTf(tok).forEach(function (n, d) { index.docs[d].sections.forEach(function (s) { out.add(s); }); });
    return out;
  }
  function docsWith(tok) {
    var out = new Set(docTf(tok).keys());
    (index.head.get(tok) || new Set()).forEach(function (d) { out.add(d); });
    return out;
  }
  function idf(tok) {
    if (!index.idf.has(tok)) {
      var n = index.docs.length, df = docsWith(tok).size;
      index.idf.set(tok, df ? Math.log(1 + (n - df + 0.5) / (df + 0.5)) : 0);
    }
    return index.idf.get(tok);
  }
  // How much a token says about a doc: BM25 over the body (weighed by the doc's kind), plus the title and
  // headings, which count whatever the body's length.
  function weight(tok, d) {
    var tf = docTf(tok).get(d.id) || 0, title = d.titleTf.has(tok) ? 1 : 0;
    var head = Math.min(d.headTf.get(tok) || 0, RANK.HEADING_CAP);
    if (!tf && !title && !head) return 0;
    var k1 = RANK.BM25_K1, b = RANK.BM25_B;
    var body = tf * (k1 + 1) / (tf + k1 * (1 - b + b * d.length / index.avgLength));
    var kind = RANK.KIND_BODY[d.kind] === undefined ? 1 : RANK.KIND_BODY[d.kind];
    return idf(tok) * (kind * body + RANK.TITLE_WEIGHT * title + RANK.HEADING_WEIGHT * head / RANK.HEADING_CAP);
  }


  // Damerau–Levenshtein (adjacent swaps count one) up to `max`; max + 1 when further.
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return max + 1;
    var prev2 = null, prev = [], cur;
    for (var j = 0; j <= b.length; j++) prev.push(j);
    for (var i = 1; i <= a.length; i++) {
      cur = [i];
      var low = i;
      for (j = 1; j <= b.length; j++) {
        var v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
        cur.push(v);
        if (v < low) low = v;
      }
      if (low > max) return max + 1;
      prev2 = prev; prev = cur;
    }
    return prev[b.length];
  }
  function typos(tok) {
    if (!index.typos.has(tok)) {
      var max = tok.length >= TYPO_TWO ? 2 : 1, out = [];
      index.vocab.forEach(function (v) {
        if (v !== tok && /^[a-z0-9]+$/.test(v) && distance(tok, v, max) <= max) out.push(v);
      });
      // The likeliest meant: the words most pages use (and the nearest first).
      out.sort(function (a, b) { return distance(tok, a, max) - distance(tok, b, max) || docsWith(b).size - docsWith(a).size || (a < b ? -1 : 1); });
      index.typos.set(tok, out.slice(0, MAX_TYPOS));
    }
    return index.typos.get(tok);
  }
  function prefixed(tok) {
    var v = index.vocab, lo = 0, hi = v.length, out = [];
    while (lo < hi) { var mid = (lo + hi) >> 1; if (v[mid] < tok) lo = mid + 1; else hi = mid; }
    for (var i = lo; i < v.length && v[i].indexOf(tok) === 0 && out.length < MAX_PREFIX; i++) if (v[i] !== tok) out.push(v[i]);
    return out;
  }
  function khmerSections(word) {  // a Khmer word also matches where the text holds it, however it was segmented
    var out = new Set();
    index.sections.forEach(function (s) {
      if (s.khmer.indexOf(word) >= 0 || s.heading.indexOf(word) >= 0 || index.docs[s.doc].title.indexOf(word) >= 0) out.add(s.id);
    });
    return out;
  }

  // The query as slots: each word (or phrase with a synonym or village word) with the ways it may match.
  // A slot: {size: words it stands for, typed: its accented spelling or null, alts: [{toks, how}]}.
  function analyze(query) {
    var q = query.normalize("NFC").toLowerCase(), seq = [];
    function khmer(run) { khmerWords(run).forEach(function (w) { seq.push({ tok: w, typed: null }); }); }
    wordsOf(q).forEach(function (word) {
      var f = fold(word), parts = f.match(/[a-z0-9]+/g) || [];
      parts.forEach(function (p) { seq.push({ tok: p, typed: parts.length === 1 && f !== word ? word : null }); });
      (f.match(KHMER) || []).forEach(khmer);
    });
    var toks = seq.map(function (x) { return x.tok; }), used = [], slots = [];
    function at(phrase, i) {  // does the folded phrase start at token i? its length, or 0
      var p = phrase.split(" ");
      for (var k = 0; k < p.length; k++) if (toks[i + k] !== p[k]) return 0;
      return p.length;
    }
    function typedAs(spelling, i, n) {  // accented words typed must be the mapping's own ("vợ" is not "vô")
      var words = spelling.split(" ");
      for (var k = 0; k < n; k++) if (seq[i + k].typed && seq[i + k].typed !== words[k]) return false;
      return true;
    }
    for (var i = 0; i < seq.length && slots.length < MAX_TERMS; i++) {
      if (used[i]) continue;
      var group = null;
      (index.synonyms || []).forEach(function (g) {
        g.forEach(function (phrase) {
          var n = at(phrase, i);
          if (n && (!group || n > group.size)) {
            group = { size: n, alts: g.filter(function (o) { return o !== phrase; }).map(function (o) { return { toks: o.split(" "), how: "synonym" }; }) };
          }
        });
      });
      (index.mappings || []).forEach(function (m) {
        var n = at(fold(m[0]), i);
        if (n && typedAs(m[0], i, n) && (!group || n >= group.size)) {
          var alt = { toks: m[1].split(" "), how: "synonym" };
          if (group && group.size === n) group.alts.push(alt); else group = { size: n, alts: [alt] };
        }
      });
      var slot;
      if (group && group.size > 1) {
        slot = { size: group.size, typed: null, alts: [{ toks: toks.slice(i, i + group.size), how: "word" }].concat(group.alts) };
      } else {
        slot = single(seq[i], i === seq.length - 1 && !/\s$/.test(query));
        if (group) slot.alts = slot.alts.concat(group.alts);
      }
      for (var k = 0; k < slot.size; k++) used[i + k] = true;
      slot.key = slot.alts[0].toks.join(" ");
      if (!slots.some(function (s) { return s.key === slot.key; })) slots.push(slot);
    }
    return slots;
  }
  function single(x, last) {
    var tok = x.tok, alts = [{ toks: [tok], how: "word" }], known = index.vocabSet.has(tok);
    var khmer = KHMER_WORD.test(tok);
    if (!khmer && !/^[0-9]+$/.test(tok)) {
      if ((last || !known) && tok.length >= 2) prefixed(tok).forEach(function (p) { alts.push({ toks: [p], how: "prefix" }); });
      // A typo may make another word ("lãi xuất"): then its neighbours count less.
      if (tok.length >= TYPO_MIN) typos(tok).forEach(function (p) { alts.push({ toks: [p], how: known ? "typo2" : "typo" }); });
    }
    return { size: 1, typed: x.typed, alts: alts, khmer: khmer };
  }
  function isGuess(how) { return how === "prefix" || how === "typo" || how === "typo2"; }

  // Every doc holding something of the query, best first: {doc, score, collisions, all, heading, slots}.
  function rank(slots) {
    var scores = new Map(), totalWords = 0, totalRarity = 0, maxIdf = Math.log(1 + (index.docs.length + 0.5) / 0.5);
    slots.forEach(function (slot, si) {
      var best = new Map(), held = new Set();  // doc -> {score, complete, how}; sections holding the slot
      var found = new Set();  // sections whose body or heading holds the slot (the sections a result shows)
      var first = slot.alts[0].toks, own = first.length === 1 && index.vocabSet.has(first[0]) ? idf(first[0]) : 0;
      slot.idf = own;
      slot.alts.forEach(function (alt) {
        var w = RANK.MATCH_WEIGHT[alt.how], guess = isGuess(alt.how), docs = new Set(), secs = null;
        if (!w) return;
        // A guess counts no more than the word typed would (when that word is known), and only partly
        // towards what a page holds of the query: a typo of a known word a little, the start of a known
        // word nothing. For a word no page has (mistyped, or still being typed) the guesses are all there is.
        if (own && guess) w *= Math.min(1, own / Math.max(idf(alt.toks[0]), 1e-9));
        var credit = !own || !guess ? 1 : alt.how === "typo2" ? RANK.MATCH_WEIGHT.typo2 : 0;
        var counts = credit === 1, altFound = null;
        alt.toks.forEach(function (t) {
          if (!own) slot.idf = Math.max(slot.idf, idf(t) * (alt.how === "word" ? 1 : w));
          docsWith(t).forEach(function (d) { docs.add(d); });
          var here = sectionsWith(t);
          (index.head.get(t) || new Set()).forEach(function (id) {  // its headings
            index.docs[id].sections.forEach(function (s) { if (index.sections[s].headSet.has(t)) here.add(s); });
          });
          if (slot.khmer && alt.how === "word") khmerSections(t).forEach(function (s) { here.add(s); docs.add(index.sections[s].doc); });
          if (counts || alt.how === "prefix") altFound = altFound ? new Set(Array.from(altFound).filter(function (s) { return here.has(s); })) : new Set(here);
          if (counts) {
            (index.head.get(t) || new Set()).forEach(function (id) {  // a title word is in every section of its page
              var d = index.docs[id];
              d.sections.forEach(function (s) { if (d.titleTf.has(t) || index.sections[s].headSet.has(t)) here.add(s); });
            });
            secs = secs ? new Set(Array.from(secs).filter(function (s) { return here.has(s); })) : here;
          }
        });
        if (secs) secs.forEach(function (s) { held.add(s); });
        if (altFound) altFound.forEach(function (s) { found.add(s); });
        docs.forEach(function (id) {
          var d = index.docs[id], sum = 0, complete = credit > 0;
          alt.toks.forEach(function (t) {
            var v = weight(t, d);
            if (!v && slot.khmer && secs && d.sections.some(function (s) { return secs.has(s); })) v = 0.5 * (idf(t) || 1);
            if (!v) complete = false;
            sum += v;
          });
          var s = w * sum / alt.toks.length * slot.size, old = best.get(id);
          var got = complete ? credit : 0;
          if (!old) best.set(id, { score: s, credit: got, how: alt.how });
          else {
            if (s > old.score) { old.score = s; old.how = alt.how; }
            old.credit = Math.max(old.credit, got);
          }
        });
      });
      if (!slot.idf) slot.idf = maxIdf;  // a word no page holds: as rare as can be
      slot.held = held;
      slot.found = found;
      totalWords += slot.size;
      totalRarity += slot.idf * slot.size;
      best.forEach(function (v, id) {
        var e = scores.get(id) || { doc: id, score: 0, words: 0, rarity: 0, matched: 0, slots: [] };
        scores.set(id, e);
        e.score += v.score;
        e.words += slot.size * v.credit;
        e.rarity += slot.idf * slot.size * v.credit;
        if (v.credit === 1) e.matched++;
        e.slots[si] = v.how;
      });
    });
    var out = [];
    scores.forEach(function (e) {
      var d = index.docs[e.doc];
      e.all = e.matched === slots.length;
      var share = (1 - RANK.COVERAGE_RARITY) * e.words / totalWords + RANK.COVERAGE_RARITY * e.rarity / totalRarity;
      var score = e.score * Math.pow(share, RANK.COVERAGE_POWER);
      // The query's words together in one section (a title word counts in every section of its page).
      var together = 0;
      d.sections.forEach(function (id) {
        var n = 0;
        slots.forEach(function (slot) { if (slot.held.has(id)) n += slot.size; });
        if (n > together) together = n;
      });
      score *= 1 + RANK.SECTION_COVER * Math.pow(together / totalWords, 2);
      // Titles and headings say what a page is about: the more of the query one holds, the higher.
      var inTitle = slots.filter(function (s) { return holdsIn(s, d.titleTf); }).length, head = bestHeading(slots, d);
      var cover = Math.max(1 + RANK.TITLE_COVER * Math.pow(inTitle / slots.length, 2),
                           head ? 1 + RANK.HEADING_COVER * Math.pow(head.held / slots.length, 2) : 1);
      if (inTitle === slots.length && inOrder(slots, tokens(d.title))) cover *= RANK.TITLE_PHRASE_BONUS;
      else if (head && head.held === slots.length && inOrder(slots, index.sections[head.id].tokens)) cover *= RANK.PHRASE_BONUS;
      if (head && head.held === slots.length && inTitle < slots.length) e.heading = head.id;
      score *= cover;
      score *= RANK.KIND_RESULT[d.kind] === undefined ? 1 : RANK.KIND_RESULT[d.kind];
      e.collisions = collisions(slots, e, d);
      e.score = score;
      if (score > 0 || e.matched) out.push(e);
    });
    function order(a, b) { return a.collisions - b.collisions || b.score - a.score || a.doc - b.doc; }
    out.sort(order);
    var seen = new Map();  // the second result from a page (FAQ questions) counts less, the rest less again
    out.forEach(function (e) {
      var p = index.docs[e.doc].page, k = seen.get(p) || 0;
      e.score *= Math.pow(RANK.SAME_PAGE_DECAY, Math.min(k, 2));
      seen.set(p, k + 1);
    });
    return out.sort(order);
  }
  function holdsIn(slot, tf) {
    return slot.alts.some(function (a) {
      return a.how !== "prefix" && a.how !== "typo2" && a.toks.every(function (t) { return tf.has(t); });
    });
  }
  function bestHeading(slots, d) {  // the heading (not the doc's own title) holding the most of the query
    var best = null;
    d.sections.forEach(function (id) {
      var s = index.sections[id];
      if (!s.heading || s.anchor === d.anchor) return;
      var held = slots.filter(function (sl) { return holdsIn(sl, s.headSet); }).length;
      if (held && (!best || held > best.held)) best = { id: id, held: held };
    });
    return best;
  }
  function inOrder(slots, toks) {
    var text = " " + toks.join(" ") + " ", phrase = slots.map(function (s) { return s.alts[0].toks.join(" "); }).join(" ");
    return slots.length > 1 && text.indexOf(" " + phrase + " ") >= 0;
  }
  // Accented query words the doc holds only in another spelling ("đặt" typed, "đất" on the page): such a
  // doc comes after every doc without one.
  function collisions(slots, e, d) {
    var n = 0;
    slots.forEach(function (slot, si) {
      if (!slot.typed || e.slots[si] !== "word") return;
      var tok = slot.alts[0].toks[0], forms = index.spellings[tok];
      if (!forms || !forms[slot.typed]) return;  // a spelling no page uses ("hoà"): nothing to prefer
      if (d.words.has(slot.typed) || forms[slot.typed].indexOf(d.id) >= 0) return;
      n++;
    });
    return n;
  }

  function search(query) {
    var slots = analyze(query);
    if (!slots.length) return { slots: slots, results: [], nearest: false, terms: [] };
    var results = rank(slots);
    // The words to mark: those typed, then the synonyms and corrected typos that found something.
    var typed = tokens(query);
    var terms = new Set(typed.slice(0, MAX_MARKED));
    slots.forEach(function (slot, si) {
      slot.alts.forEach(function (a) {
        if ((a.how === "synonym" || a.how === "typo") && results.some(function (r) { return r.slots[si] === a.how; })) {
          a.toks.forEach(function (t) { terms.add(t); });
        }
      });
    });
    results.forEach(function (r) { var d = index.docs[r.doc]; r.url = d.url; r.title = d.title; r.kind = d.kind; });
    return { slots: slots, results: results, terms: Array.from(terms),
             typing: /\s$/.test(query) ? null : typed[typed.length - 1],
             nearest: results.length > 0 && !results.some(function (r) { return r.all; }) };
  }

  // ---- Results
  function esc(s) { return s.replace(/[&<>"]/g, function (c) { return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]; }); }

  // Wrap words whose folded form starts with a term in <mark> (the original, accented words).
  // A word is marked when it starts with a term; terms in `whole` (a Set) mark whole words only.
  function mark(text, terms, whole) {
    return text.replace(/[\p{L}\p{M}\p{N}]+/gu, function (w) {
      var f = fold(w);
      return terms.some(function (t) { return f === t || (f.indexOf(t) === 0 && !(whole && whole.has(t))); })
        ? "<mark>" + esc(w) + "</mark>" : esc(w);
    });
  }
  function snippet(text, terms, whole) {
    var f = fold(text), at = -1;
    terms.forEach(function (t) {
      var re = new RegExp("(^|[^a-z0-9])" + t.replace(/[^a-z0-9\u1780-\u17ff]/g, ""), "g"), m = re.exec(f);
      if (m && (at < 0 || m.index < at)) at = m.index + m[1].length;
    });
    var start = Math.max(0, at - 40);
    while (start > 0 && /\S/.test(text[start - 1])) start--;  // whole words
    var cut = text.slice(start, start + SNIPPET);
    return (start > 0 ? "… " : "") + mark(cut, terms, whole) + (start + SNIPPET < text.length ? " …" : "");
  }
  function t(key, n) { return (tr[key] || "").replace("#", n); }

  // The doc's sections to show (from the core, so the links never change): a heading holding the whole
  // query first, else the section holding the most of it, then up to two more that hold some.
  function sectionsToShow(r, slots) {
    var d = index.docs[r.doc];
    var scored = d.sections.map(function (id) {
      var sc = 0;
      slots.forEach(function (slot) { if (slot.found.has(id)) sc += slot.idf * slot.size; });
      return [id, sc + (id === r.heading ? 1e6 : 0)];
    });
    var top = scored[0];
    var rest = scored.slice(1).filter(function (x) { return x[1] > 0; }).sort(function (a, b) { return b[1] - a[1]; });
    if (!d.anchor && rest.length && rest[0][1] > top[1]) top = rest.shift();
    return [top[0]].concat(rest.filter(function (x) { return x[0] !== top[0]; }).slice(0, MAX_SECTIONS - 1)
      .map(function (x) { return x[0]; }));
  }

  var generation = 0, watcher = null;
  function render(ui, query) {
    var list = ui.querySelector(".md-search-result__list"), meta = ui.querySelector(".md-search-result__meta");
    generation++;
    if (watcher) { watcher.disconnect(); watcher = null; }
    if (!query.trim()) { showSuggestions(list, meta); return; }
    var found = search(query);
    draw(list, meta, found, found.results.slice(0, MAX_RESULTS));
    list.setAttribute("data-hg-for", query);  // which query the list shows (tests wait for it)
    // Snippets: a result's page text is loaded when the result comes near the screen.
    var items = Array.from(list.querySelectorAll(".md-search-result__item")), mine = generation;
    function fill(li) {
      var name = li.getAttribute("data-hg-text");
      loadText(name).then(function (text) {
        if (!text || mine !== generation) return;
        var first = index.pages[index.pageOfText.get(name)].sections[0];
        li.querySelectorAll("[data-hg-snippet]").forEach(function (p) {
          p.innerHTML = snippet(text[+p.getAttribute("data-hg-snippet") - first] || "", found.terms, found.whole);
          p.removeAttribute("data-hg-snippet");
        });
      });
    }
    if (typeof IntersectionObserver === "undefined") { items.forEach(fill); return; }
    watcher = new IntersectionObserver(function (entries, obs) {
      entries.forEach(function (e) { if (e.isIntersecting) { obs.unobserve(e.target); fill(e.target); } });
    }, { root: ui.querySelector(".md-search__scrollwrap"), rootMargin: "400px 0px" });
    items.forEach(function (li) { if (textOf(li.getAttribute("data-hg-text"))) fill(li); else watcher.observe(li); });
  }
  function draw(list, meta, found, results) {
    var n = found.results.length, terms = found.terms;
    list.innerHTML = "";
    meta.textContent = n === 0 ? t("search.result.none") : n === 1 ? t("search.result.one") : t("search.result.other", n);
    if (found.nearest) meta.textContent = say("nearest") + " " + meta.textContent;
    if (n === 0) { emptyState(list, meta); return; }
    var h = "?h=" + encodeURIComponent(terms.join(" "));
    found.whole = new Set(terms.filter(function (x) { return x !== found.typing && index.vocabSet.has(x); }));
    results.forEach(function (r) {
      var d = index.docs[r.doc], page = index.pages[d.page];
      var li = document.createElement("li"), html = "";
      li.className = "md-search-result__item";
      li.setAttribute("data-hg-text", page.text);
      sectionsToShow(r, found.slots).forEach(function (id, k) {
        var s = index.sections[id], anchor = k === 0 && d.anchor ? d.anchor : s.anchor;
        var href = base + "/" + page.url + h + (anchor ? "#" + anchor : "");
        var showHeading = s.heading && s.anchor !== d.anchor;
        var heading = k === 0 ? "<h1>" + mark(d.title, terms, found.whole) + "</h1>" +
          (showHeading ? "<h2>" + mark(s.heading, terms, found.whole) + "</h2>" : "")
          : "<h2>" + mark(s.heading || d.title, terms, found.whole) + "</h2>";
        html += '<a href="' + esc(href) + '" class="md-search-result__link"><article class="md-search-result__article md-typeset">' +
          heading + '<p data-hg-snippet="' + id + '"></p></article></a>';
      });
      li.innerHTML = html;
      list.appendChild(li);
    });
  }
  function pageUrl(kind) {
    var d = index.docs.find(function (x) { return x.kind === kind && !x.anchor; });
    return d ? base + "/" + index.pages[d.page].url : null;
  }
  function suggestionItems(list) {
    (index.suggestions || []).forEach(function (s) {
      var li = document.createElement("li"), b = document.createElement("button");
      li.className = "hg-search-suggestion";
      b.type = "button";
      b.textContent = s[0];
      b.setAttribute("data-hg-query", s[1]);
      li.appendChild(b);
      list.appendChild(li);
    });
  }
  function showSuggestions(list, meta) {
    list.innerHTML = "";
    meta.textContent = say("suggest");
    suggestionItems(list);
  }
  function emptyState(list, meta) {
    meta.textContent = say("none");
    suggestionItems(list);
    [["faq", "faq"], ["ask", "ask"]].forEach(function (x) {
      var url = pageUrl(x[0]);
      if (!url) return;
      var li = document.createElement("li"), a = document.createElement("a");
      li.className = "hg-search-suggestion hg-search-suggestion--page";
      a.href = url;
      a.textContent = say(x[1]);
      li.appendChild(a);
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

  function styles() {
    if (!here || document.querySelector("link[data-hg-search-css]")) return;
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = here.replace(/js\/search\.js(\?.*)?$/, "css/search.css");
    link.setAttribute("data-hg-search-css", "");
    document.head.appendChild(link);
  }

  function init() {
    var ui = document.querySelector(".md-search[data-hg-search]");
    highlightPage();
    if (!ui || ui.hgReady) return;
    ui.hgReady = true;
    styles();
    var input = ui.querySelector(".md-search__input"), toggle = document.getElementById("__search"), pending = false;
    function ready() { load().then(function () { render(ui, input.value); }); }
    function update() { pending = false; ready(); }
    if (toggle) toggle.addEventListener("change", function () { if (toggle.checked) { ready(); setTimeout(function () { input.focus(); }, 50); } });
    input.addEventListener("focus", ready);
    input.addEventListener("input", function () {  // one search per frame, however fast the typing
      if (!pending) { pending = true; requestAnimationFrame(update); }
    });
    ui.querySelector("form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      var first = ui.querySelector(".md-search-result__link");
      if (first) first.click();
    });
    ui.querySelector("form").addEventListener("reset", function () { setTimeout(update, 0); });
    ui.addEventListener("click", function (ev) {
      var suggestion = ev.target.closest && ev.target.closest("[data-hg-query]");
      if (suggestion) {
        input.value = suggestion.getAttribute("data-hg-query");
        input.focus();
        update();
        return;
      }
      if (ev.target.closest && ev.target.closest(".md-search-result__link, .hg-search-suggestion a") && toggle) toggle.checked = false;
    });
    window.hgSearch = {
      fold: fold, tokens: tokens, load: load, merge: merge, decode: decode, NEEDS: NEEDS, RANK: RANK,
      run: function (q) { return load().then(function () { return search(q).results; }); },
      search: function (q) { return load().then(function () { return search(q); }); },
      // Search another index (a core as the build writes it; tests): the site's index is kept.
      within: function (raw, q) {
        return load().then(function (own) {
          index = prepare(decode(raw));
          try { return search(q).results; } finally { index = own; }
        });
      },
      // A result's whole text (title, headings, body), for tests and the bench.
      textOf: function (r) {
        var d = index.docs[r.doc], page = index.pages[d.page], first = page.sections[0];
        return loadText(page.text).then(function (text) {
          return [d.title].concat(d.sections.map(function (id) {
            return index.sections[id].heading + " " + (text ? text[id - first] : "");
          })).join(" ");
        });
      }
    };
    // Loaded on demand (site.js): the reader may have opened search or typed already.
    if (toggle && toggle.checked && document.activeElement !== input) input.focus();  // focus runs ready()
    else if (document.activeElement === input) ready();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
