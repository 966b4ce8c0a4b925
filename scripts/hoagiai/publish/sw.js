/* Service worker of the web build (generated: the version and file lists are filled in by the build).
   After one online visit it keeps the reader's language for offline reading. Each version has its own
   caches and a new version waits until no page of the old one is open: never a mix of old and new. */
"use strict";
const VERSION = "__VERSION__";
const FILES = __FILES__;            // {"shared": [...], "vi": [...], "en": [...], "km": [...]}
const PREFIX = "hg-";
const cacheName = (lang) => PREFIX + VERSION + "-" + lang;
const scope = new URL(self.registration.scope);
const abs = (rel) => new URL(rel, scope).href;

async function precache(lang, report) {
  if (!FILES[lang]) return;
  const cache = await caches.open(cacheName(lang));
  const urls = FILES.shared.concat(FILES[lang]).map(abs);
  let done = 0;
  for (let i = 0; i < urls.length; i += 8) {
    const batch = urls.slice(i, i + 8);
    await Promise.all(batch.map(async (url) => {
      if (!(await cache.match(url))) {
        const res = await fetch(url, { cache: "no-cache" });
        if (res.ok) await cache.put(url, res);
      }
    }));
    done += batch.length;
    if (report) report(done, urls.length);
  }
  await cache.put(abs("__complete__"), new Response(VERSION));
}

self.addEventListener("install", (event) => {
  // Languages the previous version kept offline are kept by this version too, before it takes over.
  event.waitUntil(caches.keys().then((keys) => {
    const langs = new Set(keys.filter((k) => k.startsWith(PREFIX) && !k.startsWith(PREFIX + VERSION))
      .map((k) => k.split("-").pop()));
    return Promise.all([...langs].map((lang) => precache(lang)));
  }));
});

self.addEventListener("activate", (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && !k.startsWith(PREFIX + VERSION + "-"))
      .map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener("message", (event) => {
  const data = event.data || {};
  const source = event.source;
  if (data.type === "precache" && FILES[data.lang]) {
    event.waitUntil(precache(data.lang, (done, total) => source && source.postMessage({ type: "progress", done, total }))
      .then(() => source && source.postMessage({ type: "ready", lang: data.lang, version: VERSION }))
      .catch(() => source && source.postMessage({ type: "failed", lang: data.lang })));
  } else if (data.type === "status") {
    caches.open(cacheName(data.lang)).then((c) => c.match(abs("__complete__")))
      .then((hit) => source && source.postMessage({ type: hit ? "ready" : "missing", lang: data.lang, version: VERSION }));
  }
});

async function fromCaches(request) {
  const keys = (await caches.keys()).filter((k) => k.startsWith(PREFIX + VERSION + "-"));
  for (const key of keys) {
    const hit = await (await caches.open(key)).match(request, { ignoreSearch: true });
    if (hit) return hit;
  }
  return undefined;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || !request.url.startsWith(scope.href)) return;
  event.respondWith((async () => {
    const cached = await fromCaches(request);
    if (cached) return cached;
    try {
      return await fetch(request);
    } catch (err) {
      if (request.mode === "navigate") {
        const lang = new URL(request.url).pathname.slice(scope.pathname.length).split("/")[0];
        const page404 = await fromCaches(new Request(abs((lang === "en" || lang === "km" ? lang + "/" : "") + "404.html")));
        if (page404) return page404;
      }
      throw err;
    }
  })());
});
