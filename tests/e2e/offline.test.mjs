// Offline once visited: the service worker (www/sw.js) and the post-build hook that versions it
// (scripts/stamp-service-worker.mjs). The browser tests run dist/ from a sub-path, as the other e2e tests do.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ARTIFACTS, DIST, launch, serve } from "./harness.mjs";
import { WORKER, buildVersion, filesUnder, stamp, stampBuild } from "../../scripts/stamp-service-worker.mjs";

const TEMPLATE = join(DIST, "..", "www", WORKER);

/** A scratch folder for one test, removed after it. */
async function scratch(t) {
  const dir = await mkdtemp(join(tmpdir(), "saddle-sw-"));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A pretend build: the worker's template and a few files, written into `dir`. */
async function writeBuild(dir, files) {
  await writeFile(join(dir, WORKER), await readFile(TEMPLATE, "utf8"));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(join(dir, name, ".."), { recursive: true });
    await writeFile(join(dir, name), text);
  }
}

/** The version and file list a stamped worker carries. */
function stamped(source) {
  const version = JSON.parse(source.match(/^const BUILD = (".*");$/m)[1]);
  const files = JSON.parse(source.match(/^const FILES = (\[.*\]);$/m)[1]);
  return { version, files };
}

test("the hook's version follows the build's files: same files, same cache; any byte changed, a new one", async (t) => {
  const build = { "index.html": "<!doctype html>", "saddle_bg.wasm": "\0asm one", "snippets/a.js": "export {}" };
  const [first, again, changed, renamed] = await Promise.all([scratch(t), scratch(t), scratch(t), scratch(t)]);
  await writeBuild(first, build);
  await writeBuild(again, build);
  await writeBuild(changed, { ...build, "saddle_bg.wasm": "\0asm onE" });
  const { "snippets/a.js": moved, ...rest } = build;
  await writeBuild(renamed, { ...rest, "snippets/b.js": moved });

  const [a, b, c, d] = await Promise.all([first, again, changed, renamed].map(stampBuild));
  assert.match(a.version, /^[0-9a-f]{16}$/);
  assert.equal(b.version, a.version);
  assert.notEqual(c.version, a.version);
  assert.notEqual(d.version, a.version);
  // The worker caches every file of the build but itself, found in sub-folders too.
  assert.deepEqual(a.files, ["index.html", "saddle_bg.wasm", "snippets/a.js"]);
  const source = await readFile(join(first, WORKER), "utf8");
  assert.deepEqual(stamped(source), a);
  // Stamping twice would leave a worker that caches nothing: refused.
  await assert.rejects(stampBuild(first), /exactly once/);
  assert.throws(() => stamp("const BUILD = 1;", "0", []), /exactly once/);
});

test("dist/sw.js is stamped with the build's own files and their hash", async () => {
  const source = await readFile(join(DIST, WORKER), "utf8");
  const { version, files } = stamped(source);
  const built = (await filesUnder(DIST)).filter((file) => file !== WORKER);
  assert.deepEqual(files, built);
  for (const file of ["index.html", "saddle.js", "saddle_bg.wasm", "boot.js", "favicon.svg"]) assert.ok(files.includes(file), file);
  assert.ok(files.some((file) => file.endsWith(".css")), files.join(", "));
  // The version is the hook's hash of those files and the worker as Trunk copied it, before stamping.
  const dir = await mkdtemp(join(tmpdir(), "saddle-sw-"));
  try {
    for (const file of built) {
      await mkdir(join(dir, file, ".."), { recursive: true });
      await writeFile(join(dir, file), await readFile(join(DIST, file)));
    }
    await writeFile(join(dir, WORKER), await readFile(TEMPLATE));
    assert.equal(version, await buildVersion(dir, await filesUnder(dir)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

/** Opens the app in a context of its own and waits until the service worker controls the page with its cache
 *  filled; collects console errors and page errors. */
async function openControlled(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector("#map[data-plot-area]");
  // A worker takes control when it activates, which it does only once its install has filled the cache.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return { context, page, errors };
}

/** Saddle's caches in this origin, each with the paths (under the app's folder) it holds. */
const cachedFiles = (page) =>
  page.evaluate(async () => {
    const scope = new URL("./", location.href).href;
    const found = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      found[name] = (await cache.keys()).map((request) => request.url.replace(scope, "")).sort();
    }
    return found;
  });

/** The share of the map's plot area in colours other than its most common one: 0 for a blank map. */
const mapInk = (page) =>
  page.$eval("#map", (canvas) => {
    const [left, top, width, height] = canvas.dataset.plotArea.split(",").map(Number);
    const scale = canvas.width / canvas.getBoundingClientRect().width;
    const data = canvas
      .getContext("2d")
      .getImageData(Math.round(left * scale), Math.round(top * scale), Math.round(width * scale), Math.round(height * scale)).data;
    const counts = new Map();
    for (let i = 0; i < data.length; i += 4) {
      const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return 1 - Math.max(...counts.values()) / (data.length / 4);
  });

test("with the network cut after a first visit, a reload still draws the map, from one build's cache", async () => {
  await mkdir(ARTIFACTS, { recursive: true });
  const server = await serve();
  const browser = await launch();
  try {
    const link = `${server.url}#v=1&preset=himmelblau&pt=1.2,1.7`;
    const { context, page, errors } = await openControlled(browser, link);
    assert.deepEqual(errors, []);
    const { version, files } = stamped(await readFile(join(DIST, WORKER), "utf8"));
    const scope = server.url;
    // A request the worker must leave alone: it neither answers nor stores it.
    assert.equal(await page.evaluate(async () => (await fetch("./", { method: "POST" })).status), 200);
    assert.deepEqual(await cachedFiles(page), { [`saddle ${scope} ${version}`]: files });

    // The network goes: the browser is offline, and the server is gone as well.
    await context.setOffline(true);
    await server.close();
    await assert.rejects(fetch(server.url));
    await page.reload();
    await page.waitForSelector("#map[data-plot-area]");
    assert.equal(await page.$eval("#preset", (select) => select.value), "himmelblau");
    assert.ok(await page.isVisible("#inspect-body"), "the link's point is inspected");
    assert.equal(await page.isVisible("#crash"), false);
    const ink = await mapInk(page);
    assert.ok(ink > 0.5, `only ${(100 * ink).toFixed(1)}% of the map's plot area differs from its commonest colour`);
    await page.screenshot({ path: join(ARTIFACTS, "offline-reload.png"), fullPage: true });
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});

test("a new build's worker takes over and deletes the old build's cache", async () => {
  // The "deploy": the server starts answering sw.js with a worker stamped for another build of the same files.
  const pages = {};
  const server = await serve(pages);
  const browser = await launch();
  try {
    const { context, page } = await openControlled(browser, server.url);
    const { version, files } = stamped(await readFile(join(DIST, WORKER), "utf8"));
    const scope = server.url;
    const other = "saddle other-site/ 0000000000000000";
    await page.evaluate((name) => caches.open(name), other);
    assert.deepEqual(Object.keys(await cachedFiles(page)).sort(), [other, `saddle ${scope} ${version}`].sort());

    const next = version.replace(/^./, (digit) => (digit === "0" ? "1" : "0"));
    pages[`/app/${WORKER}`] = stamp(await readFile(TEMPLATE, "utf8"), next, files);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    // The new worker fills its cache at install and deletes the old one when it activates.
    const old = `saddle ${scope} ${version}`;
    for (let tries = 0; await page.evaluate((name) => caches.has(name), old); tries++) {
      assert.ok(tries < 100, "the old build's cache is still there after 10 s");
      await page.waitForTimeout(100);
    }
    // Only this deployment's old cache went; another copy of Saddle on the same site keeps its own.
    assert.deepEqual(await cachedFiles(page), { [other]: [], [`saddle ${scope} ${next}`]: files });
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});
