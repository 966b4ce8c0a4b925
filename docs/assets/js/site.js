/* Small site behaviours. No dependencies; works from file:// (no instant navigation). */
(function () {
  "use strict";
  // "Gửi câu hỏi": pre-fill the e-mail body with the current page's address.
  function prefillMail() {
    document.querySelectorAll('a[href^="mailto:"][data-hg-mail]').forEach(function (a) {
      var ref = document.referrer && document.referrer.indexOf(location.origin) === 0 ? document.referrer : location.href;
      a.href = a.href.split("?")[0] + "?subject=" + encodeURIComponent(a.getAttribute("data-hg-mail")) +
        "&body=" + encodeURIComponent("\n\nTrang: " + ref);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", prefillMail);
  else prefillMail();
})();
