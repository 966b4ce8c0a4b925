/* "Có hòa giải được không?": one question at a time (docs/cong-cu/co-hoa-giai-duoc-khong.md).
   The page already holds the whole tree as a numbered checklist, which works without JavaScript; this script
   hides it and shows one question (or the outcome) in the stage, built from that same checklist. Focus moves
   to each new heading; the outcome is also announced in the live region. Nothing is stored or sent: the answers
   live in this page's memory only. Works from file:// and offline (no requests). */
(function () {
  "use strict";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function button(label, className, onClick) {
    var node = el("button", className, label);
    node.type = "button";
    node.addEventListener("click", onClick);
    return node;
  }

  function init(root) {
    var checklist = root.querySelector(".hg-triage__checklist");
    var stage = root.querySelector(".hg-triage__stage");
    var status = root.querySelector(".hg-triage__status");
    var data = root.dataset;
    var trail = []; // ids of the questions answered, to go back

    function show(id, moveFocus) {
      var node = root.querySelector("#" + id);
      var heading;
      stage.textContent = "";
      stage.setAttribute("data-hg-at", id);
      if (node.classList.contains("hg-triage__question")) {
        var number = Array.prototype.indexOf.call(node.parentNode.children, node) + 1;
        stage.appendChild(el("p", "hg-triage__step", data.hgQuestion + " " + number));
        heading = stage.appendChild(el("h2", "hg-triage__title", node.querySelector(".hg-triage__text").textContent));
        var help = node.querySelector(".hg-triage__help");
        if (help) stage.appendChild(help.cloneNode(true));
        var choices = stage.appendChild(el("div", "hg-triage__choices"));
        Array.prototype.forEach.call(node.querySelectorAll("[data-hg-next]"), function (link) {
          choices.appendChild(button(link.querySelector(".hg-triage__label").textContent, "hg-triage__choice",
            function () { trail.push(id); show(link.getAttribute("data-hg-next"), true); }));
        });
        status.textContent = "";
      } else {
        var result = el("div", "hg-triage__result");
        result.setAttribute("data-hg-kind", node.getAttribute("data-hg-kind"));
        stage.appendChild(el("p", "hg-triage__step", data.hgResult));
        Array.prototype.forEach.call(node.children, function (child) {
          if (/^H\d$/.test(child.tagName)) {
            heading = result.appendChild(el("h2", "hg-triage__title", child.textContent));
          } else {
            result.appendChild(child.cloneNode(true));
          }
        });
        stage.appendChild(result);
        status.textContent = data.hgResult + ": " + heading.textContent;
      }
      if (trail.length) {
        var nav = stage.appendChild(el("div", "hg-triage__nav"));
        nav.appendChild(button(data.hgBack, "hg-triage__back", function () { show(trail.pop(), true); }));
        nav.appendChild(button(data.hgRestart, "hg-triage__restart", function () {
          trail = [];
          show(data.hgStart, true);
        }));
      }
      heading.setAttribute("tabindex", "-1");
      if (moveFocus) heading.focus();
    }

    checklist.hidden = true;
    stage.hidden = false;
    root.classList.add("hg-triage--flow");
    show(data.hgStart, false);
  }

  Array.prototype.forEach.call(document.querySelectorAll('[data-hg-tool="triage"]'), init);
})();
