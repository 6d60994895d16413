// End-to-end: Saddle in front of a class. The lesson sets its own scene; the map, Play and the verdict share
// the first screen; presentation mode; the embed; the keyboard alone; a phone's touches; accessibility
// (axe-core); and screenshots of every size in English and 中文 for a person to look at.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { join } from "node:path";
import { ARTIFACTS, open, pixelOf, session } from "./harness.mjs";

const shared = session();
const require = createRequire(import.meta.url);

const text = (page, selector) => page.$eval(selector, (e) => e.textContent);
const hash = (page) => page.evaluate(() => decodeURIComponent(location.hash));

/** Where an element is on screen, and whether it lies wholly inside the window. */
async function onScreen(page, selector) {
  return page.$eval(selector, (element) => {
    const r = element.getBoundingClientRect();
    const visible = r.width > 0 && r.height > 0;
    return {
      top: r.top,
      bottom: r.bottom,
      inside: visible && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth,
    };
  });
}

/** Whether the page itself can scroll (more content than window). */
const pageScrolls = (page) =>
  page.evaluate(() => document.documentElement.scrollHeight > innerHeight + 1 || document.documentElement.scrollWidth > innerWidth + 1);

const lessonSurfaces = [
  ["stalled", "lecture"],
  ["taylor", "lecture"],
  ["eigenvalue-test", "saddle"],
  ["lecture-network", "lecture"],
  ["momentum", "narrow-valley"],
  ["past-gradients", "small-bump"],
  ["adam", "plateau"],
  ["small-batches", "lecture-data"],
  ["high-dimension", "himmelblau"],
];

test("the lesson's Next sets each step's scene, and the student's own scene is one Back away", async () => {
  const { page, context, errors } = await open(shared.browser, `${shared.server.url}#preset=himmelblau&pt=1,1`, {
    width: 1280,
    height: 800,
  });
  await page.click("#lesson summary");
  // Opening the panel sets step 1 up: the race has run 60 steps and the table shows ‖∇L‖ ≈ 10⁻⁶, as the text says.
  await page.waitForFunction(() => document.querySelector("#lesson").dataset.step === "stalled" && location.hash.includes("lesson=stalled"));
  assert.equal(await page.$eval("#preset", (s) => s.value), "lecture");
  await page.waitForFunction(() => document.querySelector("#race-status tr")?.dataset.steps === "60");
  const gradient = await page.$eval("#race-status tr", (row) => Number(row.dataset.gradientNorm));
  assert.ok(gradient < 1e-5 && gradient > 1e-7, `‖∇L‖ = ${gradient}`);
  assert.match(await text(page, "#lesson-step-body"), /10⁻⁶/);
  assert.equal((await onScreen(page, "#race-status")).inside, true, "the race table is in view");
  for (const [index, [step, preset]] of lessonSurfaces.entries()) {
    if (index > 0) {
      await page.click("#lesson-next");
    }
    await page.waitForFunction((step) => document.querySelector("#lesson").dataset.step === step, step);
    await page.waitForFunction((preset) => document.querySelector("#preset").value === preset, preset);
    await page.waitForFunction((step) => location.hash.includes(`lesson=${step}`), step);
    assert.equal(await text(page, "#lesson-progress"), `Step ${index + 1} of ${lessonSurfaces.length}`);
    if (step === "lecture-network") {
      // "Press Escape along u": the button is on screen, marked.
      assert.equal((await onScreen(page, "#escape")).inside, true);
      assert.ok(await page.$eval("#escape", (b) => b.classList.contains("lesson-highlight")));
      assert.equal(await text(page, "#inspect-kind"), "saddle point");
    }
    if (step === "high-dimension") {
      // The step's text speaks of the network lab: opened and brought into view, the lesson still beside it.
      assert.equal(await page.$eval("#lab", (d) => d.open), true);
      const panel = await onScreen(page, "#lab summary");
      assert.ok(panel.top >= 0 && panel.top < 800, JSON.stringify(panel));
      assert.equal((await onScreen(page, "#lesson-step-title")).inside, true);
      await page.screenshot({ path: join(ARTIFACTS, "classroom-lesson-high-dimension.png") });
    }
  }
  // Previous sets the earlier scene up again.
  await page.click("#lesson-previous");
  await page.waitForFunction(() => document.querySelector("#preset").value === "lecture-data");
  // One Back: the student's own scene, and the lesson closes.
  await page.goBack();
  await page.waitForFunction(() => document.querySelector("#preset").value === "himmelblau");
  assert.equal(await text(page, "#inspect-at"), "(1, 1)");
  assert.equal(await page.$eval("#lesson", (d) => d.open), false);
  assert.doesNotMatch(await hash(page), /lesson=/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the step's Start again restores its scene, and the comparison is shown in place", async () => {
  const { page, context, errors } = await open(shared.browser, `${shared.server.url}#v=1&preset=saddle&pt=0,0&opt=gd&lr=0.1&beta=0.9&lesson=eigenvalue-test`, {
    width: 1280,
    height: 800,
  });
  assert.equal(await page.$eval("#lesson", (d) => d.open), true);
  await page.click("#lesson-compare");
  await page.waitForFunction(() => document.querySelector("#inspect-kind").textContent === "local minimum");
  assert.equal(await page.$eval("#preset", (s) => s.value), "bowl");
  await page.click("#lesson-restart");
  await page.waitForFunction(() => document.querySelector("#inspect-kind").textContent === "saddle point");
  assert.equal(await page.$eval("#preset", (s) => s.value), "saddle");
  assert.deepEqual(errors, []);
  await context.close();
});

test("on a 1280 × 800 laptop the map, Play and the point's verdict share the first screen, and Play scrolls nothing", async () => {
  const { page, context, errors } = await open(shared.browser, shared.server.url, { width: 1280, height: 800 });
  const { x, y } = await pixelOf(page, [0.3, 0.2]);
  await page.mouse.click(x, y);
  await page.waitForSelector("#inspect-kind[data-kind=regular]");
  for (const selector of ["#map", "#play", "#inspect-kind", "#eig-value-0", "#eig-value-1"]) {
    assert.equal((await onScreen(page, selector)).inside, true, `${selector} in the first screen`);
  }
  await page.click("#play");
  await page.waitForFunction(() => Number(document.querySelector("#race-status tr").dataset.steps) > 3);
  assert.equal(await page.evaluate(() => scrollY), 0);
  assert.equal((await onScreen(page, "#map")).inside, true);
  // A click's coordinates are written to the link with the digits a pixel resolves, not 17.
  await page.waitForFunction(() => /pt=/.test(location.hash));
  const [px, py] = (await hash(page)).match(/pt=([^&]+)/)[1].split(",");
  for (const coordinate of [px, py]) {
    assert.ok(coordinate.replace(/^-/, "").length <= 6, `pt=${px},${py}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

for (const [width, height] of [
  [1920, 1080],
  [1280, 720],
]) {
  test(`presentation mode at ${width} × ${height}: large type, the map beside the verdict and the race, no scrolling`, async () => {
    const { page, context, errors } = await open(
      shared.browser,
      `${shared.server.url}#v=1&preset=lecture&pt=0.6,-0.58&opt=gd,momentum&steps=40&present=1`,
      { width, height },
    );
    const sizes = await page.evaluate(() => ({
      body: parseFloat(getComputedStyle(document.body).fontSize),
      table: parseFloat(getComputedStyle(document.querySelector("#race-status")).fontSize),
      legend: parseFloat(getComputedStyle(document.querySelector("#map-legend")).fontSize),
    }));
    assert.ok(sizes.body >= 24, JSON.stringify(sizes));
    assert.ok(sizes.table >= 24, JSON.stringify(sizes));
    assert.ok(sizes.legend >= 19, JSON.stringify(sizes));
    assert.equal(await pageScrolls(page), false, "the page does not scroll");
    for (const selector of ["#map", "#inspect-kind", "#eig-value-0", "#eig-value-1", "#escape", "#play", "#race-status"]) {
      assert.equal((await onScreen(page, selector)).inside, true, `${selector} on screen`);
    }
    const map = await onScreen(page, "#map");
    assert.ok(map.bottom - map.top >= 0.6 * height, `the map is large: ${JSON.stringify(map)}`);
    // The map's labels grow with the type: its left margin (tick labels and axis name) is 1.5 × 58 px.
    const left = await page.$eval("#map", (c) => Number(c.dataset.plotArea.split(",")[0]));
    assert.equal(left, 87);
    await page.screenshot({ path: join(ARTIFACTS, `classroom-present-${width}x${height}-en.png`) });
    await page.click("#language-switch button[data-lang=zh]");
    await page.waitForFunction(() => document.querySelector("#inspect-kind").textContent === "非临界点（∇L ≠ 0）");
    assert.equal(await pageScrolls(page), false, "in 中文 too");
    await page.screenshot({ path: join(ARTIFACTS, `classroom-present-${width}x${height}-zh.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test("presentation mode comes and goes with its button and the p key, and travels in the link", async () => {
  const { page, context, errors } = await open(shared.browser, shared.server.url, { width: 1280, height: 800 });
  await page.click("#present");
  await page.waitForFunction(() => document.documentElement.classList.contains("present"));
  assert.equal(await page.$eval("#present", (b) => b.getAttribute("aria-pressed")), "true");
  await page.waitForFunction(() => location.hash.includes("present=1"));
  await page.keyboard.press("Escape");
  await page.waitForFunction(() => !document.documentElement.classList.contains("present"));
  await page.keyboard.press("p");
  await page.waitForFunction(() => document.documentElement.classList.contains("present"));
  await page.keyboard.press("p");
  await page.waitForFunction(() => !document.documentElement.classList.contains("present") && !location.hash.includes("present="));
  assert.equal(await page.$eval("#present", (b) => b.getAttribute("aria-pressed")), "false");
  assert.deepEqual(errors, []);
  await context.close();
});

test("embedded at the README's 900 × 560 the page shows θ′'s kind and eigenvalues without scrolling", async () => {
  const { page, context, errors } = await open(
    shared.browser,
    `${shared.server.url}#v=1&preset=lecture&pt=0.5,-0.3&opt=gd,momentum&embed=1`,
    { width: 900, height: 560 },
  );
  assert.equal(await text(page, "#inspect-kind"), "regular point (∇L ≠ 0)");
  for (const selector of ["#map", "#inspect-kind", "#eig-value-0", "#eig-value-1", "#play", "#map-legend"]) {
    assert.equal((await onScreen(page, selector)).inside, true, `${selector} on screen`);
  }
  assert.equal(await pageScrolls(page), false);
  const aside = await page.$eval(".aside", (a) => ({ scroll: a.scrollHeight, client: a.clientHeight }));
  assert.ok(aside.scroll <= aside.client + 1, `no scrolling inside either: ${JSON.stringify(aside)}`);
  await page.screenshot({ path: join(ARTIFACTS, "classroom-embed-900x560-en.png") });
  assert.deepEqual(errors, []);
  await context.close();
});

test("by keyboard alone: Tab to the map, the arrows move θ′, Enter drops it and the verdict is read out", async () => {
  const { page, context, errors } = await open(shared.browser, shared.server.url, { width: 1280, height: 800 });
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement?.id === "map")) break;
  }
  assert.equal(await page.evaluate(() => document.activeElement?.id), "map", "the map takes the focus");
  // The first arrow puts θ′ in the middle of the view, (0, 0); the next ones move it 10 px right and back;
  // Enter drops it there, on the saddle.
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => Number(document.querySelector("#point-x").dataset.value) > 0.05);
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("Enter");
  await page.waitForFunction(() => document.querySelector("#announcer").textContent.includes("saddle point"));
  assert.equal(await text(page, "#announcer"), "θ′ = (0, 0): saddle point. Eigenvalues λ₁ = −2, λ₂ = 2.");
  assert.equal(await page.$eval("#announcer", (a) => a.getAttribute("aria-live")), "polite");
  // Fine steps with Shift: one pixel.
  await page.keyboard.press("Shift+ArrowUp");
  await page.waitForFunction(() => Number(document.querySelector("#point-y").dataset.value) > 0);
  const y = await page.$eval("#point-y", (i) => Number(i.dataset.value));
  assert.ok(y > 0 && y < 0.02, `${y}`);
  // Space still plays from the map.
  await page.keyboard.press(" ");
  await page.waitForFunction(() => document.querySelector("#play").textContent === "Pause");
  await page.keyboard.press(" ");
  assert.deepEqual(errors, []);
  await context.close();
});

test("after ticking an optimizer, → still steps the race and r resets it; the hint says what space does", async () => {
  const { page, context, errors } = await open(shared.browser, shared.server.url, { width: 1280, height: 800 });
  const adam = page.locator("#optimizer-list input[value=adam]");
  await adam.focus();
  await page.keyboard.press(" ");
  assert.equal(await adam.isChecked(), true, "space ticks the focused box");
  await page.waitForFunction(() => document.querySelectorAll("#race-status tr").length === 3);
  await page.keyboard.press("ArrowRight");
  await page.waitForFunction(() => [...document.querySelectorAll("#race-status tr")].every((r) => r.dataset.steps === "1"));
  await page.keyboard.press("r");
  await page.waitForFunction(() => [...document.querySelectorAll("#race-status tr")].every((r) => r.dataset.steps === "0"));
  assert.match(await text(page, ".keys"), /check-box or button takes space/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("θ′ can be typed, and a click beside the curve of minima lands on it", async () => {
  const { page, context, errors } = await open(shared.browser, shared.server.url, { width: 1280, height: 800 });
  const { x, y } = await pixelOf(page, [1.02, 0.97]);
  await page.mouse.click(x, y);
  await page.waitForSelector("#inspect-kind[data-kind]");
  assert.equal(await page.$eval("#inspect-kind", (k) => k.dataset.kind), "degenerate");
  const [px, py] = await page.$$eval("#point-x, #point-y", (fields) => fields.map((f) => Number(f.dataset.value)));
  assert.ok(Math.abs(px * py - 1) < 1e-9, `${px} · ${py}`);
  await page.fill("#point-x", "0.25");
  await page.fill("#point-y", "-0.125");
  await page.press("#point-y", "Enter");
  await page.waitForFunction(() => document.querySelector("#inspect-at").textContent === "(0.25, −0.125)");
  await page.waitForFunction(() => location.hash.includes("pt=0.25,-0.125"));
  assert.match(await text(page, "#announcer"), /^θ′ = \(0\.25, −0\.125\): regular point/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a formula with an error leaves the map on the last valid one, and says so", async () => {
  const { page, context, errors } = await open(shared.browser, shared.server.url, { width: 1280, height: 800 });
  await page.fill("#formula", "x^3 - 3*x*y");
  await page.waitForFunction(() => location.hash.includes("expr="));
  await page.fill("#formula", "x^3 - 3*x*y^");
  await page.waitForSelector("#stale-map:not([hidden])");
  assert.equal(
    await text(page, "#stale-map"),
    "The map still shows the last valid surface, L = x^3 - 3*x*y, until the error is fixed.",
  );
  assert.equal(await page.$eval("#formula-message", (m) => m.getAttribute("aria-live")), "polite");
  assert.match(await text(page, "#formula-message"), /column/);
  assert.match(await hash(page), /expr=x\^3 - 3\*x\*y(&|$)/);
  await page.fill("#formula", "x^3 - 3*x*y^2");
  await page.waitForSelector("#stale-map[hidden]", { state: "attached" });
  assert.deepEqual(errors, []);
  await context.close();
});

/** A one-finger vertical swipe (or a two-finger spread) on a phone, as touch events through the DevTools protocol. */
async function touches(page, frames) {
  const cdp = await page.context().newCDPSession(page);
  const [first, ...rest] = frames;
  await cdp.send("Input.dispatchTouchEvent", { type: "touchStart", touchPoints: first });
  for (const points of rest) {
    await cdp.send("Input.dispatchTouchEvent", { type: "touchMove", touchPoints: points });
    await page.waitForTimeout(16);
  }
  await cdp.send("Input.dispatchTouchEvent", { type: "touchEnd", touchPoints: [] });
  await cdp.detach();
}

test("on a phone one finger scrolls the page over the map, a tap drops θ′, two fingers zoom", async () => {
  const { page, context, errors } = await open(shared.browser, shared.server.url, { width: 390, height: 844, touch: true });
  assert.equal(await page.isVisible(".map-hint [data-i18n=map_hint_touch]"), true, "the hint says tap");
  assert.match(await text(page, ".map-hint [data-i18n=map_hint_touch]"), /^Tap the map/);
  await page.locator("#map").scrollIntoViewIfNeeded();
  const box = await page.$eval("#map", (c) => c.dataset.box);
  const centre = await pixelOf(page, [0, 0]);
  const scrolled = await page.evaluate(() => scrollY);
  // A vertical swipe up over the map: the page scrolls, the map neither pans nor gets a point.
  const swipe = Array.from({ length: 12 }, (_, i) => [{ x: centre.x, y: centre.y + 60 - i * 25, id: 1 }]);
  await touches(page, swipe);
  await page.waitForFunction((before) => scrollY > before + 100, scrolled);
  assert.equal(await page.$eval("#map", (c) => c.dataset.box), box);
  assert.equal(await page.isVisible("#inspect-empty"), true);
  // Play stays within reach at the bottom of the screen.
  assert.equal((await onScreen(page, "#play")).inside, true);
  // A tap drops θ′.
  await page.locator("#map").scrollIntoViewIfNeeded();
  const target = await pixelOf(page, [0.5, 0.5]);
  await page.touchscreen.tap(target.x, target.y);
  await page.waitForSelector("#inspect-kind[data-kind=regular]");
  // Two fingers spreading apart zoom in.
  const mid = await pixelOf(page, [-1, -1]);
  const spread = Array.from({ length: 8 }, (_, i) => [
    { x: mid.x - 20 - i * 8, y: mid.y, id: 1 },
    { x: mid.x + 20 + i * 8, y: mid.y, id: 2 },
  ]);
  await touches(page, spread);
  await page.waitForFunction((box) => document.querySelector("#map").dataset.box !== box, box);
  const [xMin, xMax] = (await page.$eval("#map", (c) => c.dataset.box)).split(",").map(Number);
  assert.ok(xMax - xMin < 3, `zoomed in: ${xMin}..${xMax}`);
  assert.match(await text(page, "#inspect-kind"), /regular point/, "θ′ stays where the tap put it");
  assert.deepEqual(errors, []);
  await context.close();
});

/** axe-core's serious and critical findings on the page as it is now. */
async function axeFindings(page) {
  const source = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");
  await page.addScriptTag({ content: source });
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join("; ")}`);
}

test("axe-core finds nothing serious on the default page, an open lesson step and a dropped point", async () => {
  // Only this test injects a script, so only its pages bypass the page's CSP.
  const scenes = {
    default: "",
    lesson: "#v=1&preset=lecture&pt=0,0&opt=gd,eigen-escape&lr=0.1&beta=0.9&lesson=lecture-network",
    point: "#v=1&preset=lecture&pt=0.3,0.2",
  };
  for (const [name, fragment] of Object.entries(scenes)) {
    const { page, context, errors } = await open(shared.browser, `${shared.server.url}${fragment}`, {
      width: 1280,
      height: 800,
      bypassCSP: true,
    });
    assert.deepEqual(await axeFindings(page), [], name);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("screenshots of every size in English and 中文", async () => {
  const scenes = [
    ["laptop-1280x800", { width: 1280, height: 800 }, "#v=1&preset=lecture&pt=0.6,-0.58&opt=gd,momentum&steps=40"],
    ["laptop-lesson-1280x800", { width: 1280, height: 800 }, "#v=1&preset=lecture&pt=0,0&opt=gd,eigen-escape&lr=0.1&beta=0.9&lesson=lecture-network"],
    ["projector-1920x1080", { width: 1920, height: 1080 }, "#v=1&preset=himmelblau&pt=0.5,0.5&opt=gd,momentum,nesterov,adam&steps=80"],
    ["present-lesson-1920x1080", { width: 1920, height: 1080 }, "#v=1&preset=lecture&pt=0.6,-0.58&opt=gd,momentum&lr=0.01&beta=0.9&steps=50&lesson=momentum&present=1"],
    ["phone-390x844", { width: 390, height: 844, touch: true, deviceScaleFactor: 2 }, "#v=1&preset=lecture&pt=0.3,0.2&opt=gd,momentum&steps=30"],
    ["embed-900x560", { width: 900, height: 560 }, "#v=1&preset=lecture&pt=0.5,-0.3&opt=gd,momentum&steps=30&embed=1"],
  ];
  for (const [name, options, fragment] of scenes) {
    for (const language of ["en", "zh"]) {
      const { page, context, errors } = await open(shared.browser, `${shared.server.url}${fragment}&lang=${language}`, options);
      await page.waitForFunction(() => document.querySelector("#map").dataset.detail === "full");
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(ARTIFACTS, `classroom-${name}-${language}.png`) });
      if (name.startsWith("phone")) {
        // The verdict and the race under the map, as a thumb scrolls to them (a full-page capture would
        // drop the phone's touch emulation and misplace the fixed Play bar).
        await page.locator(".inspector").scrollIntoViewIfNeeded();
        await page.screenshot({ path: join(ARTIFACTS, `classroom-${name}-${language}-scrolled.png`) });
      }
      assert.deepEqual(errors, [], `${name} ${language}`);
      await context.close();
    }
  }
});
