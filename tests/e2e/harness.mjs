// Shared by the end-to-end tests: a tiny static server for dist/ and headless Debian Chromium.
import { createServer } from "node:http";
import { mkdir, readFile } from "node:fs/promises";
import { after, before } from "node:test";
import { extname, join, normalize, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const DIST = join(ROOT, "dist");
export const ARTIFACTS = join(ROOT, "artifacts");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".wasm": "application/wasm",
  ".css": "text/css",
  ".png": "image/png",
};

/** Serves dist/ under /app/ (a sub-path, as on a course site) with NO CSP header: the page's own
 *  <meta http-equiv="Content-Security-Policy"> (index.html) is the policy under test. `pages` adds fixed
 *  files by path (the bench's blank page). */
export async function serve(pages = {}) {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, "http://x").pathname;
    if (path in pages) {
      response.writeHead(200, { "content-type": TYPES[extname(path) || ".html"] });
      response.end(pages[path]);
      return;
    }
    if (!path.startsWith("/app/")) {
      response.writeHead(404).end();
      return;
    }
    const relative = normalize(path.slice("/app/".length) || "index.html").replace(/^(\.\.[/\\])+/, "");
    try {
      const body = await readFile(join(DIST, relative.endsWith("/") || relative === "." ? "index.html" : relative));
      response.writeHead(200, { "content-type": TYPES[extname(relative)] ?? "application/octet-stream" });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/app/`,
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((r) => server.close(r)),
  };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/** Opens the app and waits until the map has been drawn; collects console errors, page errors and dialogs.
 *  CSP violations are console errors too, so `errors` stays empty only if the page lives within its policy. */
export async function open(
  browser,
  url,
  { width = 1440, height = 1000, deviceScaleFactor = 1, waitForMap = true, touch = false, bypassCSP = false } = {},
) {
  // `touch`: a phone's context (touch events, a coarse pointer); `bypassCSP` lets a test inject a library.
  const context = await browser.newContext({
    viewport: { width, height },
    deviceScaleFactor,
    hasTouch: touch,
    isMobile: touch,
    bypassCSP,
  });
  const page = await context.newPage();
  const errors = [];
  const dialogs = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("dialog", (d) => {
    dialogs.push(d.message());
    d.dismiss();
  });
  await page.goto(url);
  if (waitForMap) await page.waitForSelector("#map[data-plot-area]");
  return { page, context, errors, dialogs };
}

/** The page coordinates of a data point, from the transform the app publishes on the map canvas. */
export async function pixelOf(page, [x, y]) {
  return page.$eval(
    "#map",
    (canvas, [x, y]) => {
      const [left, top, width, height] = canvas.dataset.plotArea.split(",").map(Number);
      const [xMin, xMax, yMin, yMax] = canvas.dataset.box.split(",").map(Number);
      const rect = canvas.getBoundingClientRect();
      return {
        x: rect.left + left + ((x - xMin) / (xMax - xMin)) * width,
        y: rect.top + top + ((yMax - y) / (yMax - yMin)) * height,
      };
    },
    [x, y],
  );
}

/**
 * One static server and one browser for a whole test file, started before its first test and closed after
 * its last: `const shared = session();` then `open(shared.browser, shared.server.url)`.
 */
export function session() {
  const shared = {};
  before(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    shared.server = await serve();
    shared.browser = await launch();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.server?.close();
  });
  return shared;
}
