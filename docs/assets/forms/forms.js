/* Fillable forms: markup scripts/hoagiai/forms/form.html, storage format in README "Forms". No network. */
(function () {
  "use strict";
  var D = document, W = window;
  function all(r, s) { return [].slice.call(r.querySelectorAll(s)); }
  function at(e, n) { return e.getAttribute(n); }
  function mk(tag, cls, text) {
    var e = D.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function now() { return new Date().toISOString(); }

  // dd/mm/yyyy; the 6-month limit counted by BLDS 147.2, 148.3, 148.5 (README "Forms")
  function parse(s) {
    var m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(s || ""), d;
    if (!m || m[3] < 1900) return null;
    d = new Date(Date.UTC(+m[3], m[2] - 1, +m[1]));
    return d.getUTCDate() === +m[1] && d.getUTCMonth() === m[2] - 1 ? d : null;
  }
  function fmt(d) { return pad(d.getUTCDate()) + "/" + pad(d.getUTCMonth() + 1) + "/" + d.getUTCFullYear(); }
  function deadline(s) {
    var d = parse(s), y, m, end, due;
    if (!d) return null;
    y = d.getUTCFullYear();
    m = d.getUTCMonth() + 6;
    end = new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), new Date(Date.UTC(y, m + 1, 0)).getUTCDate())));
    due = new Date(+end);
    while (due.getUTCDay() % 6 === 0) due.setUTCDate(due.getUTCDate() + 1);
    return { end: fmt(end), endDay: end.getUTCDay(), due: fmt(due), dueDay: due.getUTCDay(), moved: due > end };
  }
  W.hgForms = { deadline: deadline };

  // Missing, full or junk storage: a message, never a broken page.
  function okDraft(d) { return !!d && typeof d.id === "string" && !!d.values && typeof d.values === "object"; }
  function load(key) {
    var raw, doc;
    try { raw = W.localStorage.getItem(key); } catch (e) { return { doc: { v: 1, drafts: [] }, err: "no_storage" }; }
    try {
      doc = raw == null ? { v: 1, drafts: [] } : JSON.parse(raw);
      if (doc && doc.v === 1 && Array.isArray(doc.drafts) && doc.drafts.every(okDraft)) return { doc: doc };
    } catch (e) { /* junk */ }
    return { doc: { v: 1, drafts: [] }, err: "corrupt" };
  }
  function when(iso) {
    var d = new Date(iso);
    return pad(d.getDate()) + "/" + pad(d.getMonth() + 1) + "/" + d.getFullYear() + " " + pad(d.getHours()) + ":" + pad(d.getMinutes());
  }
  function uid() { return Date.now().toString(36) + Math.random().toString(36).slice(2, 6); }
  function empty(x) {
    if (Array.isArray(x)) return x.every(empty);
    if (x && typeof x === "object") return Object.keys(x).every(function (k) { return empty(x[k]); });
    return !String(x == null ? "" : x).trim();
  }

  function setup(form) {
    form.setAttribute("data-hg", "1");
    var id = at(form, "data-hg-form"), compact = form.hasAttribute("data-compact"), seq = 0, timer = 0, cur = null;
    var key = "hg:" + (at(form, "data-site") || "hoagiai") + ":form:" + id, loaded = load(key), doc = loaded.doc;
    var head = form.querySelector(".hg-head").content, status = form.querySelector(".hg-status");
    var box = form.parentNode.querySelector(".hg-print"), file = form.querySelector(".hg-file"), saved = mk("p", "hg-saved");
    status.parentNode.insertBefore(saved, status.nextSibling);

    function msg(k, vals) {
      var e = form.querySelector('.hg-msgs [data-m="' + k + '"]');
      return (e ? e.textContent : k).replace(/\{(\w)\}/g, function (_, x) { return (vals || {})[x]; });
    }
    function say(text) { status.textContent = text; }
    function persist() {
      try { W.localStorage.setItem(key, JSON.stringify(doc)); return true; } catch (e) {
        say(msg(e && (e.name === "QuotaExceededError" || e.code === 22) ? "quota" : "no_storage"));
      }
    }

    /* values <-> inputs; groups (parties, entries) repeat their <template> */
    function own(root, sel) {
      return all(root, sel).filter(function (e) { return e.parentNode.closest(".hg-item, .hg-form") === root; });
    }
    function items(g) { return all(g, ".hg-item"); }
    function read(root) {
      var v = {};
      own(root, "[data-k]").forEach(function (e) {
        var k = at(e, "data-k");
        if (e.type !== "checkbox") v[k] = e.value;
        else if ((v[k] = v[k] || []) && e.checked) v[k].push(e.value);
      });
      own(root, ".hg-group").forEach(function (g) { v[at(g, "data-g")] = items(g).map(read); });
      return v;
    }
    function write(root, v) {
      own(root, ".hg-group").forEach(function (g) {
        var list = [].concat(v[at(g, "data-g")] || []), want = Math.max(+at(g, "data-min"), list.length);
        while (items(g).length > want) items(g).pop().remove();
        while (items(g).length < want) addItem(g);
        items(g).forEach(function (it, i) { write(it, Object(list[i])); });
        relabel(g);
      });
      own(root, "[data-k]").forEach(function (e) {
        var x = v[at(e, "data-k")];
        if (e.type === "checkbox") e.checked = Array.isArray(x) && x.indexOf(e.value) >= 0;
        else { e.value = typeof x === "string" ? x : ""; check(e); }
      });
    }
    function itemTitle(g, i) {
      return at(g, "data-item").replace("{n}", i + 1).replace("{nth}", msg("ordinals").split(",")[i] || i + 1);
    }
    function addItem(g) {
      var frag = g.querySelector("template").content.cloneNode(true), n = "i" + ++seq;
      all(frag, "[id], [for], [aria-describedby]").forEach(function (e) {
        ["id", "for", "aria-describedby"].forEach(function (a) { if (e.hasAttribute(a)) e.setAttribute(a, at(e, a).replace(/__i__/g, n)); });
      });
      g.querySelector(".hg-items").appendChild(frag);
      return items(g).pop();
    }
    function relabel(g) {
      var list = items(g);
      list.forEach(function (it, i) {
        it.querySelector("legend").textContent = itemTitle(g, i);
        it.querySelector(".hg-del").hidden = list.length <= +at(g, "data-min");
      });
    }
    function check(e) {  // warns, never blocks
      var t = at(e, "data-t"), out = D.getElementById(e.id + "-e"), v = e.value.trim(), d = parse(v), n = v.replace(/\D/g, "").length;
      if (!out) return;
      if (d) e.value = fmt(d);
      out.textContent = !v ? "" : t === "date" ? d ? "" : msg("bad_date") : t === "year" ? /^\d{4}$/.test(v) && v > 1899 &&
        v <= new Date().getFullYear() ? "" : msg("bad_year") : n !== 12 || /[^\d\s.]/.test(v) ? msg("bad_id", { n: n }) : "";
      out.hidden = !out.textContent;
      if (t !== "idnumber") e.setAttribute("aria-invalid", !out.hidden);
    }

    /* drafts */
    function find(did) { return doc.drafts.filter(function (d) { return d.id === did; })[0]; }
    function titleOf(v) {
      return at(form, "data-title").split(" ").map(function (path) {
        var p = path.split("."), x = v[p[0]];
        return (p[1] ? (x || []).map(function (it) { return it[p[1]] || ""; }).filter(Boolean).join(" – ") : x || "").trim();
      }).filter(Boolean).join(", ").slice(0, 80);
    }
    function commit() {
      clearTimeout(timer);
      var v = read(form), t = now();
      if (!cur) {
        if (empty(v)) return;
        doc.drafts.push(cur = { id: uid(), title: "", created: t, updated: t, values: v });
      }
      if (JSON.stringify(cur.values) !== JSON.stringify(v) || !cur.title) {
        cur.values = v;
        cur.updated = t;
        cur.title = titleOf(v) || msg("untitled", { t: when(cur.created) });
      }
      doc.current = cur.id;
      if (persist()) saved.textContent = msg("saved", { t: when(cur.updated).slice(11) });
      list();
    }
    function open(draft, note) {
      doc.current = (cur = draft) && draft.id;
      write(form, draft ? draft.values : {});
      persist();
      list();
      refresh();
      say(note);
    }
    function button(text, act, d, label) {
      var b = mk("button", "md-button hg-b", text);
      b.type = "button";
      b.setAttribute("data-act", act);
      b.setAttribute("data-id", d.id);
      b.setAttribute("aria-label", label ? text + ": " + d.title : text);
      return b;
    }
    function list() {
      var ul = form.querySelector(".hg-list");
      ul.textContent = "";
      form.querySelector(".hg-count").textContent = doc.drafts.length;
      doc.drafts.slice().sort(function (a, b) { return a.updated < b.updated ? 1 : -1; }).forEach(function (d) {
        var li = ul.appendChild(mk("li")), b = li.appendChild(button(d.title + (d === cur ? " " + msg("current") : ""), "open", d));
        if (d === cur) b.setAttribute("aria-current", "true");
        li.appendChild(mk("span", "hg-when", msg("updated", { t: when(d.updated) })));
        li.appendChild(button(msg("duplicate"), "duplicate", d, 1));
        li.appendChild(button(msg("delete"), "delete", d, 1));
      });
    }

    /* the printed document, from the values: print, download, share, copy */
    function field(root, k) { return own(root, '[data-f="' + k + '"], [data-g="' + k + '"]')[0]; }
    function shown(f, x) {
      var c = f && f.querySelector("select"), o = c && [].filter.call(c.options, function (o) { return x && o.value === x; })[0];
      return o ? at(o, "data-code") || o.textContent : typeof x === "string" ? x.trim() : "";
    }
    function dots(long) { return new Array(long ? 120 : 21).join("…"); }
    function label(f) { return f.querySelector("label, legend").textContent; }
    function line(out, text, cls) { return out.appendChild(mk("p", cls, text)); }
    function put(out, root, k, v, withLabel) {
      var f = field(root, k), x = v[k], value = shown(f, x);
      if (f.classList.contains("hg-group")) return group(out, f, Array.isArray(x) ? x : []);
      if (f.classList.contains("hg-checks")) {
        return all(f, "input").forEach(function (i) {
          var on = (x || []).indexOf(i.value) >= 0;
          if (on || !compact) line(out, (on ? "☒ " : "☐ ") + i.parentNode.textContent.trim());
        });
      }
      if (compact && !value) return;
      if (!f.querySelector("textarea")) return line(out, label(f) + ": " + (value || dots()));
      if (withLabel) line(out, label(f) + ":");
      if (value) line(out, value);
      else line(out, dots(1), "hg-p-dots") && line(out, dots(1), "hg-p-dots");
    }
    function group(out, g, list) {
      var tpl = g.querySelector("template").content.firstChild, cols = at(g, "data-cols"), i, tab, tr, body;
      while (list.length < +at(g, "data-min") && !compact) list = list.concat({});
      if (!cols) {
        return list.forEach(function (it, i) {
          var parts = [];
          all(tpl, "[data-f]").forEach(function (f, j) {
            var value = shown(f, it[at(f, "data-f")]);
            if (value || !compact) parts.push((j ? label(f) : itemTitle(g, i)) + ": " + (value || dots()));
          });
          if (parts.length) line(out, parts.join("   "), "hg-p-item");
        });
      }
      tab = out.appendChild(mk("table", "hg-p-tab hg-p-log"));
      tr = tab.appendChild(mk("thead")).appendChild(mk("tr"));
      body = tab.appendChild(mk("tbody"));
      cols = cols.split("|").map(function (c) { return c.split("="); });
      cols.forEach(function (c) { tr.appendChild(mk("th", "", c[0])); });
      for (i = 0; i < Math.max(list.length, 8); i++) {
        tr = body.appendChild(mk("tr"));
        cols.forEach(function (c) {
          tr.appendChild(mk("td", "", list[i] ? c[1].split(" ").map(function (k) {
            return k === "#" ? i + 1 : shown(field(tpl, k), list[i][k]);
          }).filter(Boolean).join("\n") : ""));
        });
      }
    }
    function signs(out, names, v) {
      var row = out.appendChild(mk("div", "hg-sigs"));
      names.forEach(function (k) {
        var g = field(form, k), list = v[k] || [], first = at(g.querySelector("template").content.querySelector("[data-k]"), "data-k");
        for (var i = 0; i < Math.max(list.length, +at(g, "data-min")); i++) {
          var cell = row.appendChild(mk("div", "hg-sig"));
          line(cell, itemTitle(g, i), "hg-p-b");
          line(cell, at(g, "data-sign-note"), "hg-p-small");
          cell.appendChild(mk("div", "hg-sig-box"));
          if (g.hasAttribute("data-finger")) cell.appendChild(mk("div", "hg-finger", msg("fingerprint")));
          line(cell, ((list[i] || {})[first] || "").trim() || dots());
        }
      });
    }
    function render(v) {
      var out = mk("div"), secs = all(form, ".hg-sec"), motto = head.querySelector(".hg-motto"), dl;
      function title(to) { to.appendChild(head.querySelector(".hg-title").cloneNode(true)); }
      if (motto) out.appendChild(motto.cloneNode(true));
      if (!secs.some(function (s) { return /@title/.test(at(s, "data-print")); })) title(out);
      secs.forEach(function (s) {
        var mine = all(s, "[data-f], .hg-group").filter(function (f) { return !f.closest(".hg-item"); });
        var to = s.hasAttribute("data-sign") ? out.appendChild(mk("div", "hg-p-keep")) : out;
        (at(s, "data-print") || "@legend\n@fields").split("\n").forEach(function (l) {
          if (l === "@title") title(to);
          else if (l === "@legend") { if (!compact) line(to, s.querySelector("legend").textContent, "hg-p-h"); }
          else if (l === "@tally") to.appendChild(s.querySelector(".hg-tally table").cloneNode(true)).className = "hg-p-tab";
          else if (l === "@fields") mine.forEach(function (f) { put(to, form, at(f, "data-f") || at(f, "data-g"), v, mine.length > 1); });
          else if (/^\{[\w-]+\}$/.test(l)) put(to, form, l.slice(1, -1), v);
          else line(to, l.replace(/\{([\w-]+)\}/g, function (_, k) { return shown(field(form, k), v[k]) || dots(); }));
        });
        if (s.hasAttribute("data-sign")) signs(to, at(s, "data-sign").split(" "), v);
      });
      if (form.hasAttribute("data-dl-print") && (dl = deadline(v[at(form, "data-deadline")]))) {
        line(out, msg("deadline_print", { d: dl.due }), "hg-p-note");
      }
      return out;
    }
    function plain(out, lines) {
      lines = lines || [];
      [].forEach.call(out.children, function (e) {
        if (e.tagName === "TABLE") {
          all(e, "tr").forEach(function (r) {
            lines.push(all(r, "th, td").map(function (c) { return c.textContent.replace(/\s+/g, " ").trim(); }).join(" | "));
          });
        } else if (e.tagName !== "DIV") lines.push(e.textContent);
        else if (e.className !== "hg-sigs") plain(e, lines);
      });
      return lines.join("\n");
    }

    /* checklist, deadline, report counts, the question's text */
    function filled(s) {
      function has(e) { return e.type === "checkbox" ? e.checked : !!e.value.trim(); }
      var req = all(s, "[data-req]");
      return req.length ? req.every(function (r) {
        var need = at(r, "data-req").split(" ").filter(Boolean);
        return need.length ? need.every(function (n) { return r.querySelector('[value="' + n + '"]').checked; })
          : all(r, "[data-k]")[r.classList.contains("hg-checks") ? "some" : "every"](has);
      }) : all(s, "[data-k]").some(has);
    }
    function refresh() {
      clearTimeout(timer);
      var v = read(form), dlOut = form.querySelector(".hg-dl-out"), pre = form.querySelector(".hg-out"), out = render(v);
      all(form, ".hg-checklist li").forEach(function (li) {
        var state = li.hasAttribute("data-sign") ? "on_paper" : filled(form.querySelector('.hg-sec[data-s="' + at(li, "data-s") + '"]')) ? "done" : "todo";
        li.className = "is-" + state;
        li.querySelector(".hg-st").textContent = msg(state);
      });
      if (dlOut) {
        var r = deadline(v[at(form, "data-deadline")]), days = msg("weekdays").split(","), texts = [msg("deadline_empty")];
        if (r) {
          texts = [msg("deadline_due", { w: days[r.dueDay], d: r.due })];
          if (r.moved) texts.push(msg("deadline_moved", { w: days[r.endDay], d: r.end }));
          texts.push(msg("deadline_holidays"));
          if (parse(v[at(form, "data-filed")]) > parse(r.due)) texts.push(msg("deadline_late"));
        }
        if (dlOut.textContent !== texts.join("")) {
          dlOut.textContent = "";
          texts.forEach(function (t) { line(dlOut, t); });
        }
      }
      all(form, ".hg-tally").forEach(function (t) {
        function a(n) { return at(t, "data-" + n); }
        var from = parse(v[a("from")]), to = parse(v[a("to")]), count = {};
        (v[a("g")] || []).forEach(function (it) {
          var d = parse(it[a("date")]);
          if ((from || to) && (!d || d < from || (to && d > to))) return;
          [it[a("rows")] || "", "*"].forEach(function (r) {
            [it[a("cols")] || "", "*"].forEach(function (c) { c = r + "|" + c; count[c] = (count[c] || 0) + 1; });
          });
        });
        all(t, "td").forEach(function (td) { td.textContent = count[at(td.parentNode, "data-r") + "|" + at(td, "data-c")] || 0; });
      });
      box.textContent = "";
      box.appendChild(out);
      if (pre) {
        pre.textContent = plain(out);
        form.querySelector(".hg-warn").hidden = !/\d[\d .-]{7,}\d/.test(all(form, "textarea").map(function (e) { return e.value; }).join(" "));
        all(form, "[data-ch]").forEach(function (a) {
          var body = encodeURIComponent(pre.textContent), mail = at(a, "data-subject");
          a.href = at(a, "href").split("?")[0] + (mail != null ? "?subject=" + encodeURIComponent(mail) + "&body=" : "?body=") + body;
        });
      }
    }
    function later() {
      clearTimeout(timer);
      timer = setTimeout(function () { commit(); refresh(); }, 400);
    }

    /* actions */
    function esc(s) { return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;"); }
    function download() {
      var d = cur || { id: uid(), title: msg("untitled", { t: when(now()) }), values: read(form) }, a = mk("a"), url;
      url = URL.createObjectURL(new Blob(['<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>',
        esc(d.title), "</title><style>", head.querySelector("style").textContent, '</style></head><body><main class="hg-print" data-hg-form="',
        esc(id), '" data-hg-draft="', esc(JSON.stringify(d)), '">', box.firstChild.innerHTML, "</main></body></html>\n"], { type: "text/html" }));
      a.href = url;
      a.download = id + "-" + now().slice(0, 10) + ".html";
      D.body.appendChild(a).click();
      a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 4000);
    }
    function importFile(f) {
      var reader = new FileReader();
      reader.onload = function () {
        var el = new DOMParser().parseFromString(String(reader.result), "text/html").querySelector("[data-hg-draft]"), d;
        try { d = el && at(el, "data-hg-form") === id && JSON.parse(at(el, "data-hg-draft")); } catch (e) { d = 0; }
        if (!okDraft(d)) return say(msg("bad_file"));
        commit();
        doc.drafts.push(d = { id: uid(), title: String(d.title || ""), created: String(d.created || now()), updated: now(), values: d.values });
        open(d, msg("imported", { t: d.title }));
      };
      reader.readAsText(f);
    }
    form.addEventListener("click", function (ev) {
      var b = ev.target.closest("[data-act]"), act = b && at(b, "data-act"), d = b && find(at(b, "data-id")), g = b && b.closest(".hg-group"), pre = form.querySelector(".hg-out");
      if (!act) return;
      commit();
      if (act === "add") {
        relabel(g, addItem(g).querySelector("[data-k]").focus());
        later();
      } else if (act === "del") {
        b.closest(".hg-item").remove();
        relabel(g, g.querySelector('[data-act="add"]').focus());
        later();
      } else if (act === "new") {
        open(null, msg("opened", { t: msg("new") }));
        form.querySelector("[data-k]").focus();
      } else if (act === "open") open(d, msg("opened", { t: d.title }));
      else if (act === "duplicate") {
        doc.drafts.push(g = JSON.parse(JSON.stringify(d)));
        g.id = uid();
        g.created = g.updated = now();
        open(g, msg("duplicated", { t: g.title = msg("copy_of", { t: d.title }) }));
      } else if (act === "delete" && W.confirm(msg("confirm_delete", { t: d.title }))) {
        doc.drafts.splice(doc.drafts.indexOf(d), 1);
        open(d === cur ? null : cur, msg("deleted"));
      } else if (act === "clear" && doc.drafts.length && W.confirm(msg("confirm_all", { n: doc.drafts.length }))) {
        doc.drafts = [];
        open(null, msg("cleared"));
        try { W.localStorage.removeItem(key); } catch (e) { /* unavailable */ }
      } else if (act === "load") file.click();
      else {
        refresh();
        if (act === "print") W.print();
        else if (act === "download") download();
        else if (act === "share") navigator.share({ title: head.querySelector(".hg-title").textContent, text: plain(box.firstChild) })["catch"](Object);
        else if (act === "copy") {
          getSelection().selectAllChildren(pre);  // refused: copy the selection by hand
          if (navigator.clipboard) navigator.clipboard.writeText(pre.textContent).then(function () { say(msg("copied")); }, Object);
        }
      }
    });
    form.addEventListener("input", later);
    form.addEventListener("change", function (ev) {
      if (ev.target !== file) check(ev.target);
      else if (file.files[0]) importFile(file.files[0]);
      later();
    });
    form.addEventListener("submit", function (ev) { ev.preventDefault(); });
    W.addEventListener("beforeprint", function () { commit(); refresh(); });
    W.addEventListener("pagehide", commit);

    all(D, ".bieu-mau:not(.hg-print)").forEach(function (t) { t.hidden = true; });  // the no-JS page
    D.head.appendChild(head.querySelector("style").cloneNode(true));  // document.css
    if (!compact) D.documentElement.classList.add("hg-fp");
    form.querySelector(".hg-file-only").hidden = location.protocol !== "file:";
    all(form, '[data-act="share"]').forEach(function (b) { b.hidden = !navigator.share; });
    form.hidden = false;
    cur = find(doc.current) || null;
    write(form, cur ? cur.values : {});
    list();
    refresh();
    if (loaded.err) say(msg(loaded.err));
  }

  function init() { all(D, "form[data-hg-form]:not([data-hg])").forEach(setup); }
  if (D.readyState === "loading") D.addEventListener("DOMContentLoaded", init);
  else init();
})();
