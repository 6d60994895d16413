// End-to-end hardening: the page's own CSP, hostile share links, a forced internal error, and numerical edge
// cases as they show in the page. Served with no CSP header (harness.mjs): the <meta> policy is under test.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { DIST, open, pixelOf, session } from "./harness.mjs";

const shared = session();

const LECTURE = "(1 - x*y)^2";
const DEFAULT_BOX = "-2,2,-2,2";
/** render::UNDEFINED_RGB: where the surface has no value. */
const UNDEFINED_RGB = [200, 200, 200];

const text = (page, selector) => page.$eval(selector, (e) => e.textContent);

/** The colour of the visible map canvas at a data point. */
async function colourAt(page, point) {
  const { x, y } = await pixelOf(page, point);
  return page.$eval(
    "#map",
    (canvas, [x, y]) => {
      const rect = canvas.getBoundingClientRect();
      const scale = canvas.width / rect.width;
      const pixel = canvas
        .getContext("2d")
        .getImageData(Math.round((x - rect.left) * scale), Math.round((y - rect.top) * scale), 1, 1).data;
      return [pixel[0], pixel[1], pixel[2]];
    },
    [x, y],
  );
}

/** Dark (text) pixels right of the colour bar, where its tick labels are written. */
async function colourBarLabelInk(page) {
  return page.$eval("#map", (canvas) => {
    const [left, top, width, height] = canvas.dataset.plotArea.split(",").map(Number);
    const scale = canvas.width / canvas.getBoundingClientRect().width;
    const x0 = Math.round((left + width + 14 + 14 + 5) * scale);
    const data = canvas.getContext("2d").getImageData(x0, Math.round(top * scale), canvas.width - x0, Math.round(height * scale)).data;
    let ink = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 200) ink++;
    return ink;
  });
}

test("dist/index.html carries the CSP, no inline script or event handler, and preloads only the app's own files", async () => {
  const html = await readFile(join(DIST, "index.html"), "utf8");
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
  assert.ok(csp, "the CSP meta survives Trunk");
  const directives = Object.fromEntries(
    csp[1].split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(" ")]),
  );
  assert.equal(directives["default-src"], "'self'");
  assert.equal(directives["script-src"], "'self' 'wasm-unsafe-eval'");
  assert.equal(directives["style-src"], "'self'");
  assert.equal(directives["style-src-attr"], "'none'");
  assert.equal(directives["img-src"], "'self' data: blob:");
  assert.equal(directives["object-src"], "'none'");
  assert.equal(directives["base-uri"], "'none'");
  assert.equal(directives["form-action"], "'none'");
  assert.ok(html.indexOf("Content-Security-Policy") < html.indexOf("<script"), "the policy precedes every script");
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.ok(scripts.length > 0);
  for (const [, attributes, body] of scripts) {
    assert.match(attributes, /\bsrc=/);
    assert.equal(body.trim(), "");
  }
  const markup = html.replace(/<!--[\s\S]*?-->/g, "");
  assert.doesNotMatch(markup, /\son[a-z]+\s*=/i, "no inline event handler");
  assert.doesNotMatch(markup, /<style\b|\sstyle=/i);
  // The wasm and its glue are fetched at once instead of one after the other: relative, same-origin files.
  const preloads = [...markup.matchAll(/<link rel="(?:module)?preload" href="([^"]*)"/g)].map((m) => m[1]);
  assert.deepEqual(preloads, ["saddle.js", "saddle_bg.wasm"]);
});

test("the meta CSP is in force: inline script and <style> are refused, the app itself violates nothing", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1440, height: 1000 } });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.effectiveDirective));
  });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(String(e)));
  const response = await page.goto(`${shared.server.url}#preset=lecture&pt=0.5,0.5&steps=5`);
  assert.equal(response.headers()["content-security-policy"], undefined, "no header: the meta tag is the policy");
  await page.waitForSelector("#map[data-plot-area]");
  await page.waitForSelector("#inspect-body:not([hidden])");
  await page.click("#save-png").catch(() => {});
  assert.deepEqual(await page.evaluate(() => window.__violations), [], "the app needs nothing the policy refuses");
  assert.deepEqual(errors, []);

  const refused = await page.evaluate(async () => {
    document.body.setAttribute("style", "color: rgb(4, 5, 6)");
    const script = document.createElement("script");
    script.textContent = "window.__inlineRan = true;";
    document.head.append(script);
    const style = document.createElement("style");
    style.textContent = "body { background-color: rgb(1, 2, 3) !important; }";
    document.head.append(style);
    await new Promise((r) => setTimeout(r, 50));
    return {
      ran: window.__inlineRan === true,
      background: getComputedStyle(document.body).backgroundColor,
      colour: getComputedStyle(document.body).color,
      violations: window.__violations,
    };
  });
  assert.equal(refused.ran, false);
  assert.notEqual(refused.background, "rgb(1, 2, 3)");
  assert.notEqual(refused.colour, "rgb(4, 5, 6)");
  assert.deepEqual([...refused.violations].sort(), ["script-src-elem", "style-src-attr", "style-src-elem"]);
  await context.close();
});

const HOSTILE = [
  ["#expr=<script>alert(1)</script>", { formula: LECTURE }],
  ["#preset=javascript:alert(1)", { formula: LECTURE }],
  ["#expr=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E", { formula: LECTURE }],
  [`#expr=${"x%2B".repeat(262_144)}x`, { formula: LECTURE, name: "a 1 MB fragment" }],
  ["#expr=%FF%FE", { formula: LECTURE }],
  ["#pt=1e999,NaN", { point: null }],
  ["#box=NaN,1,2,3", { box: DEFAULT_BOX }],
  ["#lr=-1&beta=7&steps=99999999999", { hyperparameters: true }],
  ["#v=999", { formula: LECTURE }],
];

for (const [fragment, expected] of HOSTILE) {
  test(`hostile link ${expected.name ?? fragment}: default scene, a visible notice, nothing runs or is injected`, async () => {
    const { page, context, errors, dialogs } = await open(shared.browser, `${shared.server.url}${fragment}`);
    await page.waitForSelector("#notices:not([hidden])");
    assert.ok((await text(page, "#notices")).trim().length > 0);
    assert.equal(await page.$eval("#formula", (i) => i.value), LECTURE);
    assert.equal(await page.$eval("#map", (c) => c.dataset.box), DEFAULT_BOX);
    assert.equal(await page.isVisible("#inspect-empty"), true, "no point from the link");
    if (expected.hyperparameters) {
      const defaults = await open(shared.browser, shared.server.url);
      for (const output of ["#learning-rate-value", "#beta-value"]) {
        assert.equal(await text(page, output), await text(defaults.page, output), output);
      }
      await defaults.context.close();
      const steps = await page.$$eval("#race-status tr", (rows) => rows.map((r) => Number(r.dataset.steps)));
      assert.deepEqual(steps, [0, 0]);
    }
    assert.equal(await page.evaluate(() => document.querySelector("img[src=x], script:not([src])")), null);
    assert.equal(await page.isVisible("#crash"), false);
    // Two more frames: whatever the link could have set off (a dialog, an error) has had its chance.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    assert.deepEqual(dialogs, []);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("a forced internal error shows the banner with its message; its reset link loads the default scene", async () => {
  const { page, context, errors } = await open(shared.browser, `${shared.server.url}#preset=saddle&crash-test=1`, {
    waitForMap: false,
  });
  await page.waitForSelector("#crash:not([hidden])");
  assert.match(await text(page, "#crash-message"), /internal error forced by the #crash-test=1 test hook/);
  assert.equal(await page.isVisible("#crash a"), true);
  assert.ok(errors.some((e) => /crash-test/.test(e)), "the panic is logged too");

  await Promise.all([page.waitForURL(shared.server.url), page.click("#crash a")]);
  const afterReset = errors.length;
  await page.waitForSelector("#map[data-plot-area]");
  assert.equal(await page.isVisible("#crash"), false);
  assert.equal(await page.$eval("#formula", (i) => i.value), LECTURE);
  assert.equal(await page.$eval("#preset", (s) => s.value), "lecture");
  assert.deepEqual(errors.slice(afterReset), []);
  await context.close();
});

test("a wasm the browser cannot compile (no WebAssembly SIMD) gets a banner that says why, in the link's language", async () => {
  for (const [fragment, title, message] of [
    ["", "Saddle could not start:", /needs WebAssembly SIMD: Chrome 91, Firefox 89, Safari 16\.4 or later/],
    ["#lang=zh", "Saddle 无法启动：", /需要 WebAssembly SIMD：Chrome 91、Firefox 89、Safari 16\.4/],
  ]) {
    const context = await shared.browser.newContext();
    // What a browser without SIMD meets: a module it cannot compile.
    await context.route("**/saddle_bg.wasm", (route) =>
      route.fulfill({ body: Buffer.from([0, 97, 115, 109, 1, 0, 0, 0, 99]), contentType: "application/wasm" }),
    );
    const page = await context.newPage();
    await page.goto(`${shared.server.url}${fragment}`);
    await page.waitForSelector("#crash:not([hidden])");
    assert.equal(await text(page, "#crash strong"), title);
    assert.match(await text(page, "#crash-message"), message);
    assert.equal(await page.isVisible("#crash a"), false, "resetting the scene would not help");
    await context.close();
  }
});

test("a constant surface draws one flat colour (not the undefined grey) and the colour bar keeps its ticks", async () => {
  const { page, context, errors } = await open(shared.browser, `${shared.server.url}#expr=3`);
  const colours = [];
  for (const point of [[-1.5, 1.5], [1.5, 1.5], [-1.5, -1.5], [1.5, -1.5], [-0.2, 1.0]]) {
    colours.push(await colourAt(page, point));
  }
  assert.ok(colours.every((c) => c.join() === colours[0].join()), JSON.stringify(colours));
  assert.notEqual(colours[0].join(), UNDEFINED_RGB.join());
  assert.ok((await colourBarLabelInk(page)) > 20, "tick labels beside the colour bar");
  assert.deepEqual(errors, []);
  await context.close();
});

test("log(x) is grey where x < 0 and the inspector says “undefined here” there", async () => {
  const { page, context, errors } = await open(shared.browser, `${shared.server.url}#expr=log(x)`);
  assert.deepEqual(await colourAt(page, [-1, 1.5]), UNDEFINED_RGB);
  assert.deepEqual(await colourAt(page, [-1.5, -1.6]), UNDEFINED_RGB);
  assert.notDeepEqual(await colourAt(page, [1, 1.5]), UNDEFINED_RGB);
  const { x, y } = await pixelOf(page, [-1, 1.5]);
  await page.mouse.click(x, y);
  await page.waitForSelector("#inspect-kind[data-kind]");
  assert.equal(await page.$eval("#inspect-kind", (e) => e.dataset.kind), "undefined");
  assert.equal(await text(page, "#inspect-kind"), "undefined here");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a 100 kB formula: a notice says the page cut detail, and a click is answered within seconds", async () => {
  const { page, context, errors } = await open(shared.browser, shared.server.url);
  assert.equal(await page.isVisible("#long-formula"), false);
  const long = "x" + " + sin(x*y)".repeat(9000);
  await page.fill("#formula", long);
  await page.waitForSelector("#long-formula:not([hidden])", { timeout: 5000 });
  assert.match(await text(page, "#long-formula"), /long/);
  const { x, y } = await pixelOf(page, [1, 1.5]);
  await page.mouse.click(x, y);
  // Answered within a couple of seconds (a frozen tab would miss this bound); the point lands within a pixel.
  await page.waitForFunction(
    () => {
      const [x, y] = (document.querySelector("#inspect-at")?.textContent ?? "").replace(/[()]/g, "").split(", ");
      return Math.abs(Number(x) - 1) < 0.02 && Math.abs(Number(y) - 1.5) < 0.02;
    },
    null,
    { timeout: 3000 },
  );
  assert.equal(await page.isVisible("#inspect-body"), true);
  assert.equal(await page.isVisible("#long-formula"), true);
  assert.equal(await page.evaluate(() => 1 + 1), 2, "the page still answers");

  await page.fill("#formula", "x^2 + y^2");
  await page.waitForSelector("#long-formula", { state: "hidden" });
  assert.deepEqual(errors, []);
  await context.close();
});
