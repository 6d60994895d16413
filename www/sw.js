// Saddle's service worker: once visited, the page keeps working when the network does not (a classroom's often
// does not). It keeps the app's own files — the ones in dist/ — and nothing else.
//
// Strategy: network first, the cache only when the network fails. Online, every file comes from the host (and the
// browser's HTTP cache) as if there were no worker, so a new deploy shows on the next load. The file names carry no
// hash (Trunk.toml: filehash = false), so taking some files from the cache and others from the network (cache
// first for the assets, or stale-while-revalidate) could pair one build's JS glue with another build's wasm, which
// does not start. Offline, every file comes from one cache, filled with one build's files in one step at install.
//
// Versions: scripts/stamp-service-worker.mjs, a post-build hook (Trunk.toml), writes BUILD, a hash of the build's
// files, and FILES, their paths. A new build changes this file, so browsers install the new worker, which fills a
// cache named after its build, takes over at once and deletes the caches of older builds.

const BUILD = "__SADDLE_BUILD__";
const FILES = ["__SADDLE_FILES__"];

/** Cache names of this deployment: the scope keeps two copies of Saddle on one site from deleting each other's. */
const PREFIX = `saddle ${self.registration.scope} `;
const CACHE = PREFIX + BUILD;

const scoped = (path) => new URL(path, self.registration.scope).href;
const OWN_FILES = new Set(FILES.map(scoped));
/** The page's own addresses: a navigation to either, with any query, gets index.html. */
const PAGE = new Set([scoped("./"), scoped("index.html")]);

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      // Revalidated with the host: a stale copy in the HTTP cache (same names as the last build's) must not
      // land in this build's cache. addAll stores all files or none.
      await cache.addAll(FILES.map((file) => new Request(scoped(file), { cache: "no-cache" })));
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  // Anything but a GET of the app's own files (other methods, other origins, other paths) goes to the network
  // untouched: the worker neither answers nor stores it.
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  url.search = "";
  url.hash = "";
  const file = request.mode === "navigate" && PAGE.has(url.href) ? scoped("index.html") : url.href;
  if (!OWN_FILES.has(file)) return;
  event.respondWith(networkElseCache(request, file));
});

async function networkElseCache(request, file) {
  try {
    return await fetch(request);
  } catch (offline) {
    const cached = await caches.open(CACHE).then((cache) => cache.match(file));
    if (cached) return cached;
    throw offline;
  }
}
