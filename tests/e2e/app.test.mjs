// End-to-end: the built app (dist/) in headless Chromium, served from a sub-path under a strict CSP.
// The page redraws on animation frames, so every check of what a click changed waits for it to appear.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ARTIFACTS, open, pixelOf, session } from "./harness.mjs";

const shared = session();

const text = (page, selector) => page.$eval(selector, (e) => e.textContent);
const value = (page, selector) => page.$eval(selector, (e) => Number(e.dataset.value));

async function clickData(page, point) {
  const { x, y } = await pixelOf(page, point);
  await page.mouse.click(x, y);
}

/** Waits until the race table (redrawn on the next animation frame) shows `steps` for every run. */
async function afterSteps(page, steps) {
  await page.waitForFunction(
    (n) => [...document.querySelectorAll("#race-status tr")].every((r) => Number(r.dataset.steps) === n),
    steps,
  );
  return raceRows(page);
}

async function raceRows(page) {
  return page.$$eval("#race-status tr", (rows) =>
    rows.map((r) => ({
      optimizer: r.dataset.optimizer,
      status: r.dataset.status,
      steps: Number(r.dataset.steps),
      loss: r.dataset.loss === undefined ? NaN : Number(r.dataset.loss),
    })),
  );
}

/** The status words under each run's name in the race table. */
const statusWords = (page) => page.$$eval("#race-status .run-status", (cells) => cells.map((c) => c.textContent));

test("the default scene loads without console errors", async () => {
  const { page, context, errors } = await open(shared.browser, shared.server.url);
  assert.equal(await page.$eval("#preset", (s) => s.options[0].value), "lecture");
  assert.equal(await page.$eval("#formula", (i) => i.value), "(1 - x*y)^2");
  assert.equal(await page.isVisible("#crash"), false);
  await page.screenshot({ path: join(ARTIFACTS, "default-scene.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test("clicking the lecture's origin shows a saddle with eigenvalues −2 and 2", async () => {
  const { page, context, errors } = await open(shared.browser, shared.server.url);
  await clickData(page, [0, 0]);
  await page.waitForSelector("#inspect-kind[data-kind]");
  assert.equal(await page.$eval("#inspect-kind", (e) => e.dataset.kind), "saddle");
  assert.equal(await text(page, "#inspect-kind"), "saddle point");
  assert.equal(await value(page, "#eig-value-0"), -2);
  assert.equal(await value(page, "#eig-value-1"), 2);
  assert.equal(await value(page, "#h01"), -2);
  assert.equal(await page.isVisible("#escape"), true);
  await page.screenshot({ path: join(ARTIFACTS, "dropped-point.png"), fullPage: true });

  await page.click("#escape");
  await page.waitForFunction(() => document.querySelector("#escape-result").textContent !== "");
  assert.match(await text(page, "#escape-result"), /L 1 → 0\.\d+/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("dragging the point re-analyzes it on the way; dragging the background pans", async () => {
  const { page, context, errors } = await open(shared.browser, `${shared.server.url}#preset=lecture&pt=0.5,0.5`);
  assert.equal(await text(page, "#inspect-at"), "(0.5, 0.5)");
  const from = await pixelOf(page, [0.5, 0.5]);
  const to = await pixelOf(page, [1, 1]);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
  await page.waitForFunction(() => document.querySelector("#inspect-at").textContent !== "(0.5, 0.5)");
  const [x, y] = (await text(page, "#inspect-at")).replace(/[()]/g, "").split(", ").map(Number);
  assert.ok(Math.abs(x - 1) < 0.02 && Math.abs(y - 1) < 0.02, `${x}, ${y}`);
  assert.equal(await page.$eval("#inspect-kind", (e) => e.dataset.kind), "regular");

  const boxBefore = await page.$eval("#map", (c) => c.dataset.box);
  const empty = await pixelOf(page, [-1.5, 1.5]);
  await page.mouse.move(empty.x, empty.y);
  await page.mouse.down();
  await page.mouse.move(empty.x + 60, empty.y + 30, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction((b) => document.querySelector("#map").dataset.box !== b, boxBefore);
  const [xMin, xMax] = (await page.$eval("#map", (c) => c.dataset.box)).split(",").map(Number);
  assert.ok(xMin < -2 && Math.abs(xMax - xMin - 4) < 1e-9, `panned left edge ${xMin}, width kept`);
  await page.click("#reset-view");
  await page.waitForFunction((b) => document.querySelector("#map").dataset.box === b, boxBefore);
  assert.deepEqual(errors, []);
  await context.close();
});

test("Save PNG downloads the map as a PNG", async () => {
  const { page, context } = await open(shared.browser, `${shared.server.url}#preset=lecture&pt=0.5,0.5&steps=20`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.click("#save-png")]);
  assert.equal(download.suggestedFilename(), "saddle-map.png");
  const stream = await download.createReadStream();
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  const png = Buffer.concat(chunks);
  assert.deepEqual([...png.subarray(1, 4)], [...Buffer.from("PNG")]);
  assert.ok(png.length > 10_000, `${png.length} bytes`);
  await context.close();
});

test("a formula error names its column and puts a caret under it; the last surface stays", async () => {
  const { page, context } = await open(shared.browser, shared.server.url);
  await page.fill("#formula", "x + * y");
  await page.waitForSelector("#formula-error:not([hidden])");
  const message = await text(page, "#formula-message");
  const column = Number(await page.$eval("#formula-error", (e) => e.dataset.column));
  assert.equal(column, 5, message);
  assert.match(message, /^column 5: /);
  assert.equal(await text(page, "#formula-caret"), "x + * y\n    ^");
  assert.equal(await page.$eval("#formula", (i) => i.getAttribute("aria-invalid")), "true");
  await clickData(page, [0, 0]);
  await page.waitForSelector('#inspect-kind[data-kind="saddle"]');
  await context.close();
});

test("stepping the race advances both runs; on the narrow valley momentum gets lower than GD", async () => {
  const { page, context, errors } = await open(shared.browser, shared.server.url);
  const valley = await page.$eval("#preset", (s) =>
    [...s.options].find((o) => /valley/i.test(o.value + o.textContent))?.value,
  );
  assert.ok(valley, "a narrow-valley preset exists");
  await page.selectOption("#preset", valley);
  await afterSteps(page, 0);
  // A run that could go on says why it does not: no step yet, or the race is paused.
  assert.deepEqual(await statusWords(page), ["ready", "ready"]);
  for (let i = 0; i < 40; i++) await page.click("#step");
  const rows = await afterSteps(page, 40);
  assert.deepEqual(rows.map((r) => r.optimizer), ["gd", "momentum"]);
  const [gd, momentum] = rows;
  assert.ok(momentum.loss < gd.loss, `momentum ${momentum.loss} < gd ${gd.loss}`);
  assert.deepEqual(rows.map((r) => r.status), ["running", "running"]);
  assert.deepEqual(await statusWords(page), ["paused", "paused"]);
  await page.$eval("#step", (button) => button.blur());
  await page.keyboard.press(" ");
  await page.waitForFunction(() => document.querySelector("#play").textContent === "Pause");
  assert.deepEqual(await statusWords(page), ["running", "running"]);
  await page.keyboard.press(" ");
  await page.waitForFunction(() => document.querySelector("#play").textContent === "Play");
  await page.keyboard.press("r");
  await afterSteps(page, 0);
  await page.keyboard.press("ArrowRight");
  await afterSteps(page, 1);
  assert.deepEqual(await statusWords(page), ["paused", "paused"]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a finished race, replayed from a link", async () => {
  const { page, context, errors } = await open(
    shared.browser,
    `${shared.server.url}#v=1&preset=lecture&pt=1.6,-1.2&opt=gd,momentum,adam&lr=0.05&steps=400`,
  );
  const rows = await raceRows(page);
  assert.deepEqual(rows.map((r) => r.optimizer), ["gd", "momentum", "adam"]);
  assert.ok(rows.every((r) => r.steps > 0));
  // Long losses (1.6e−14) and long status words stay inside the sidebar's panel, each status under its name.
  const fit = await page.$eval(".race-status", (table) => {
    const panel = table.closest(".panel").getBoundingClientRect();
    const box = table.getBoundingClientRect();
    const row = table.querySelector("tbody tr");
    return {
      overhang: Math.max(0, box.right - (panel.right - 1)),
      status: row.querySelector(".run-status").textContent,
      below: row.querySelector(".run-status").getBoundingClientRect().top >= row.querySelector(".run-name").getBoundingClientRect().bottom - 1,
    };
  });
  // Every run ends in the valley w₁w₂ = 1 of minima, where λ = 0 along the valley.
  assert.deepEqual(rows.map((r) => r.status), ["stalled-flat", "stalled-flat", "stalled-flat"]);
  assert.deepEqual(fit, { overhang: 0, status: "stalled where λ ≈ 0 (test undecided)", below: true });
  await page.screenshot({ path: join(ARTIFACTS, "finished-race.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test("Copy link, then opening it, restores the surface, the point and the optimizers", async () => {
  const { page, context } = await open(shared.browser, shared.server.url);
  await page.fill("#formula", "x^2 - y^2 + 0.1*x*y");
  await clickData(page, [0.5, -0.5]);
  await page.waitForSelector("#inspect-body"); // shown once the next frame has analyzed the point
  await page.check("#optimizer-list input[value=adam]");
  await page.uncheck("#optimizer-list input[value=gd]");
  const before = await text(page, "#inspect-at");
  await page.click("#copy-link");
  const link = await page.$eval("#share-link", (i) => i.value);
  assert.match(link, /#/);

  const reopened = await open(shared.browser, link);
  assert.equal(await reopened.page.$eval("#formula", (i) => i.value), "x^2 - y^2 + 0.1*x*y");
  assert.equal(await text(reopened.page, "#inspect-at"), before);
  const checked = await reopened.page.$$eval("#optimizer-list input:checked", (boxes) => boxes.map((b) => b.value));
  assert.deepEqual(checked, ["momentum", "adam"]);
  assert.deepEqual(reopened.errors, []);
  await reopened.context.close();
  await context.close();
});

/** The 3-D view's pixels once two readings a few frames apart agree (it is drawn frames after the map). */
async function settled3d(page) {
  let previous = "";
  for (;;) {
    await page.waitForTimeout(150);
    const now = await page.$eval("#surface3d", (canvas) => canvas.toDataURL());
    if (now === previous) return now;
    previous = now;
  }
}

test("a turned 3-D view travels in the link and reopens exactly as it was", async () => {
  const { page, context } = await open(shared.browser, shared.server.url);
  const untouched = await settled3d(page);
  // The 3-D view sits under the map at this width: brought into view to be dragged.
  await page.locator("#surface3d").scrollIntoViewIfNeeded();
  const box = await page.$eval("#surface3d", (canvas) => {
    const r = canvas.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  });
  await page.mouse.move(box.x, box.y);
  await page.mouse.down();
  await page.mouse.move(box.x + 40, box.y + 15, { steps: 4 });
  await page.mouse.up();
  const turned = await settled3d(page);
  assert.notEqual(turned, untouched);
  await page.click("#copy-link");
  const link = await page.$eval("#share-link", (i) => i.value);
  // 40 px right turns the yaw back by 0.4 rad, 15 px down tilts it by 0.15 rad: 315.1° − 22.9°, 25.8° + 8.6°.
  assert.match(link, /&turn=292\.\d,34\.\d(&|$)/);

  const reopened = await open(shared.browser, link);
  assert.equal(await settled3d(reopened.page), turned);
  // A double click turns it back to the view it opens with, and the link forgets the turn.
  await reopened.page.dblclick("#surface3d");
  assert.equal(await settled3d(reopened.page), untouched);
  await reopened.page.waitForFunction(() => !location.hash.includes("turn="));
  assert.deepEqual(reopened.errors, []);
  await reopened.context.close();
  await context.close();
});

test("reached with the keyboard, the 3-D view turns with the arrow keys; clicked, → still steps the race", async () => {
  const { page, context, errors } = await open(shared.browser, shared.server.url);
  const untouched = await settled3d(page);
  await page.focus("#surface3d");
  assert.equal(await page.$eval("#surface3d", (canvas) => canvas.matches(":focus-visible")), true);
  await page.keyboard.press("ArrowRight");
  assert.notEqual(await settled3d(page), untouched);
  // One key turns it as a 15 px drag: yaw 5.5 − 0.15 rad = 306.5°, the tilt kept at 25.8°.
  await page.waitForFunction(() => location.hash.includes("turn=306.5,25.8"));
  assert.deepEqual((await raceRows(page)).map((r) => r.steps), [0, 0]);
  await page.click("#surface3d");
  await page.keyboard.press("ArrowRight");
  await afterSteps(page, 1);
  // The step is in the link, the view's turn as it was.
  await page.waitForFunction(() => location.hash.includes("steps=1"));
  assert.match(await page.evaluate(() => location.hash), /&turn=306\.5,25\.8(&|$)/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a hostile fragment stays inert text: no dialog, no injected element", async () => {
  const { page, context, dialogs } = await open(shared.browser, `${shared.server.url}#expr=<img src=x onerror=alert(1)>`);
  assert.equal(await page.$$eval("img", (images) => images.length), 0);
  assert.equal(await page.isVisible("#notices"), true);
  assert.match(await text(page, "#notices"), /<img src=x onerror=alert\(1\)>/);
  assert.equal(await page.$eval("#formula", (i) => i.value), "(1 - x*y)^2", "the lecture's surface instead");
  await page.screenshot({ path: join(ARTIFACTS, "hostile-link.png") });
  assert.deepEqual(dialogs, []);
  await context.close();
});

test("embed mode shows only the map, the point's verdict and the race controls", async () => {
  const { page, context } = await open(shared.browser, `${shared.server.url}#preset=lecture&embed=1`, { width: 900, height: 600 });
  for (const shown of ["#map", "#play", ".inspector"]) {
    assert.equal(await page.isVisible(shown), true, shown);
  }
  for (const hidden of ["header", "#preset", "#surface3d", "#copy-link", "#lesson"]) {
    assert.equal(await page.isVisible(hidden), false, hidden);
  }
  await page.screenshot({ path: join(ARTIFACTS, "embed.png") });
  await context.close();
});

test("on a phone the page reflows into one column", async () => {
  const { page, context, errors } = await open(shared.browser, shared.server.url, { width: 390, height: 844, deviceScaleFactor: 2 });
  const map = await page.$eval("#map", (c) => ({ css: c.clientWidth, backing: c.width }));
  assert.ok(map.css <= 390, JSON.stringify(map));
  assert.equal(map.backing, Math.round(map.css * 2), "the backing store follows devicePixelRatio");
  await page.screenshot({ path: join(ARTIFACTS, "phone.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test("the map is drawn as the app starts, before its first animation frame, as a preview of the full map", async () => {
  const context = await shared.browser.newContext({ viewport: { width: 1440, height: 1000 } });
  // Whether the map had been drawn when the app first asked for an animation frame (it asks once it mounted),
  // at which detail, and its pixels then.
  await context.addInitScript(() => {
    const request = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (callback) => {
      if (window.__mapAtFirstFrame === undefined) {
        const map = document.querySelector("#map");
        window.__mapAtFirstFrame = map?.hasAttribute("data-plot-area") ?? false;
        window.__detailAtFirstFrame = map?.dataset.detail;
        window.__pixelsAtFirstFrame = map?.getContext("2d").getImageData(0, 0, map.width, map.height).data;
      }
      return request(callback);
    };
  });
  const page = await context.newPage();
  await page.goto(shared.server.url);
  await page.waitForSelector("#map[data-plot-area]");
  assert.equal(await page.evaluate(() => window.__mapAtFirstFrame), true);
  assert.equal(await page.evaluate(() => window.__detailAtFirstFrame), "preview");
  // The first settled frame draws it in full (with the critical points): a preview at half the grid's side
  // shows the same map, so few pixels change (the saddle's marker, contours moved by a pixel).
  await page.waitForSelector("#map[data-detail=full]");
  const changed = await page.evaluate(() => {
    const map = document.querySelector("#map");
    const now = map.getContext("2d").getImageData(0, 0, map.width, map.height).data;
    const before = window.__pixelsAtFirstFrame;
    let count = 0;
    for (let i = 0; i < now.length; i += 4) {
      const most = Math.max(...[0, 1, 2].map((c) => Math.abs(now[i + c] - before[i + c])));
      if (most > 48) count++;
    }
    return count / (now.length / 4);
  });
  assert.ok(changed > 0 && changed < 0.02, `${(100 * changed).toFixed(2)}% of the pixels changed`);
  await context.close();
});

test("a resized window redraws the map at its new size", async () => {
  const { page, context, errors } = await open(shared.browser, shared.server.url);
  const size = () => page.$eval("#map", (c) => [c.width, c.height, c.clientWidth, c.clientHeight, c.dataset.plotArea]);
  const [width, height, cssWidth, cssHeight, area] = await size();
  assert.deepEqual([width, height], [cssWidth, cssHeight]);
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.waitForFunction((before) => document.querySelector("#map").width < before, width);
  const [newWidth, newHeight, newCssWidth, newCssHeight, newArea] = await size();
  assert.deepEqual([newWidth, newHeight], [newCssWidth, newCssHeight]);
  assert.ok(newHeight < height, `${newHeight} < ${height}`);
  assert.notEqual(newArea, area, "the plot area follows the canvas");
  // And the frames in between left the size alone: still the same a few frames later.
  await page.waitForTimeout(200);
  assert.deepEqual((await size()).slice(0, 2), [newWidth, newHeight]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a click's θ′ is drawn by the click's own handler, before the next animation frame", async () => {
  const { page, context, errors } = await open(shared.browser, shared.server.url);
  await page.waitForTimeout(300);
  const { x, y } = await pixelOf(page, [0.5, -0.5]);
  const box = await page.$eval("#map", (c) => { const r = c.getBoundingClientRect(); return [r.left, r.top]; });
  // Listens on the window, where the release arrives after the map's own handler has run; what the page
  // shows there, with no animation frame in between, is what that handler drew.
  await page.evaluate(([cx, cy]) => {
    window.__seen = new Promise((resolve) => {
      window.addEventListener("pointerup", () => {
        // The darkest pixel around the click (the canvas pixel under it may be a rounding away).
        const around = document.querySelector("#map").getContext("2d").getImageData(cx - 2, cy - 2, 5, 5).data;
        let centre = [255, 255, 255];
        for (let i = 0; i < around.length; i += 4) {
          const pixel = [...around.slice(i, i + 3)];
          if (Math.max(...pixel) < Math.max(...centre)) centre = pixel;
        }
        resolve({ at: document.querySelector("#inspect-at").textContent, centre });
      }, { once: true });
    });
  }, [Math.round(x - box[0]), Math.round(y - box[1])]);
  await page.mouse.click(x, y);
  const seen = await page.evaluate(() => window.__seen);
  assert.match(seen.at, /^\(0\.\d+, −0\.\d+\)$/);
  // θ′'s centre dot is ink, darker than any colour of the heatmap under it.
  assert.ok(seen.centre.every((channel) => channel < 60), `centre ${seen.centre}`);
  assert.deepEqual(errors, []);
  await context.close();
});
