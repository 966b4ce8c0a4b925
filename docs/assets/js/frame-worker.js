/* Offline build only (file://): browsers refuse Web Workers there, so Material's search worker runs in a
   hidden iframe instead. Our own small stand-in for the CDN shim the offline plugin would load. */
(function () {
  "use strict";
  if (location.protocol !== "file:" || window.HgFrameWorker) return;
  var BOOT =
    "postMessage=function(d){parent.postMessage({hgWorker:d},'*')};" +
    "importScripts=function(){return [].slice.call(arguments).reduce(function(p,src){" +
    "return p.then(function(){return new Promise(function(done){var s=document.createElement('script');" +
    "s.src=src;s.onload=s.onerror=done;document.body.appendChild(s)})})},Promise.resolve())};";

  class FrameWorker extends EventTarget {
    constructor(url) {
      super();
      this.onmessage = this.onerror = null;
      var frame = (this.frame = document.createElement("iframe"));
      frame.hidden = true;
      frame.title = "search worker";
      frame.setAttribute("aria-hidden", "true");
      document.body.appendChild(frame);
      var win = frame.contentWindow, worker = this;
      this.ready = new Promise(function (resolve) { frame.addEventListener("load", resolve, { once: true }); });
      window.addEventListener("message", function (ev) {
        if (ev.source !== win || !ev.data || !("hgWorker" in ev.data)) return;
        var msg = new MessageEvent("message", { data: ev.data.hgWorker });
        worker.dispatchEvent(msg);
        if (worker.onmessage) worker.onmessage(msg);
      });
      win.document.open();
      win.document.write("<!doctype html><html><body><script>" + BOOT + "<\/script>" +
        '<script src="' + new URL(url, location.href).href + '"><\/script></body></html>');
      win.document.close();
    }
    postMessage(data) {
      var frame = this.frame;
      this.ready.then(function () {
        frame.contentWindow.dispatchEvent(new MessageEvent("message", { data: data }));
      });
    }
    terminate() { this.frame.remove(); }
  }
  window.HgFrameWorker = window.Worker = FrameWorker;
})();
