/* A stand-in for the Web Speech API (headless Chromium has no voices), injected before the page's scripts.
   window.__ttsConfig = {voices: [{name, lang, localService}], late: ms until the voices arrive (with a
   "voiceschanged" event), auto: ms after which each utterance ends (0: only when the test calls
   __tts.finish())}. Every utterance is logged with its text, language, voice and rate; cancel() is counted
   in sessionStorage too, so that a test can see it after the page was left. */
(() => {
  const cfg = Object.assign({ voices: [], late: 0, auto: 0 }, window.__ttsConfig || {});
  const log = [];
  let voices = cfg.late ? [] : cfg.voices.slice(), queue = [], current = null;
  class Utterance { constructor(text) { this.text = text; this.lang = ""; this.voice = null; this.rate = 1; } }
  const synth = new EventTarget();
  synth.getVoices = () => voices.slice();
  function next() {
    if (current || !queue.length) return;
    const u = current = queue.shift();
    if (cfg.auto) setTimeout(() => end(u), cfg.auto);
  }
  function end(u) {
    if (!u || current !== u) return;
    current = null;
    if (u.onend) u.onend({ type: "end" });
    next();
  }
  synth.speak = (u) => {
    log.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.name, rate: u.rate });
    queue.push(u);
    next();
  };
  synth.cancel = () => {
    const dropped = [current, ...queue].filter(Boolean);
    current = null;
    queue = [];
    dropped.forEach((u) => setTimeout(() => u.onerror && u.onerror({ type: "error", error: "interrupted" })));
    log.push({ cancel: true });
    sessionStorage.setItem("__ttsCancels", String(Number(sessionStorage.getItem("__ttsCancels") || 0) + 1));
  };
  synth.pause = () => {};
  synth.resume = () => {};
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = Utterance;
  if (cfg.late) setTimeout(() => { voices = cfg.voices.slice(); synth.dispatchEvent(new Event("voiceschanged")); }, cfg.late);
  window.__tts = {
    log,
    finish: () => end(current),
    get current() { return current && current.text; },
    spoken: () => log.filter((e) => !e.cancel),
  };
})();
