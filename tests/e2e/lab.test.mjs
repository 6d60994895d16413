// The network lab (lab=network): its panel and its network live in wasm of their own, loaded only when it
// opens. A link opens it; training stalls on XOR's plateau, the Hessian there decides nothing yet, the solve
// reaches a saddle of index 3, the slices show it, and the escape along u_min lets the loss fall (the same
// story tests/lab.rs tells natively). The experiment runs in workers of its own, with progress and cancel.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ARTIFACTS, open, session } from "./harness.mjs";

const shared = session();

const state = (page) => page.$eval("#lab-status", (s) => ({ state: s.dataset.state, step: Number(s.dataset.step) }));
const shot = (page, name) => page.locator("#lab").screenshot({ path: join(ARTIFACTS, name) });
/** The lab's network is set up: its status line speaks (it is empty until the panel's wasm has loaded and the
 *  worker has answered). */
const ready = (page) =>
  page.waitForFunction(() => document.querySelector("#lab-status").textContent !== "", null, { timeout: 60_000 });

test("a page without the lab never fetches its wasm or starts a worker", async () => {
  const { page, context, errors } = await open(shared.browser, shared.server.url);
  const fetched = [];
  page.on("request", (request) => fetched.push(request.url()));
  await page.waitForTimeout(500);
  assert.equal(await page.$eval("#lab", (lab) => lab.open), false);
  assert.ok(!fetched.some((url) => /saddle-(lab|worker)/.test(url)), fetched.join("\n"));
  assert.ok(!(await page.evaluate(() => location.hash)).includes("lab="));
  // Opening it by hand loads it, and the link says so.
  await page.click("#lab summary");
  await ready(page);
  await page.waitForFunction(() => location.hash.includes("lab=network"));
  assert.ok(fetched.some((url) => url.endsWith("saddle-lab_bg.wasm")));
  // A wider layer: more parameters than training examples, said beside P, and the link follows.
  await page.$eval("#lab-width1", (input) => {
    input.value = "80";
    input.dispatchEvent(new Event("change"));
  });
  await page.waitForFunction(() => location.hash.includes("hidden=80"));
  await page.waitForFunction(() => document.querySelector("#lab-size").textContent.startsWith("P = 321"));
  assert.match(await page.textContent("#lab-size"), /^P = 321 parameters, N = 300 training examples\. More parameters than training examples \(P > N\)/);
  // The inputs are checked as the link checks its keys: 0 runs is refused and the setting keeps its value.
  // The width changed after it shows that the panel has read both inputs.
  const set = (selector, value) =>
    page.$eval(selector, (input, value) => {
      input.value = value;
      input.dispatchEvent(new Event("change"));
    }, value);
  await set("#lab-runs", "0");
  await set("#lab-width1", "81");
  await page.waitForFunction(() => location.hash.includes("hidden=81"));
  assert.ok(!(await page.evaluate(() => location.hash)).includes("lab-runs="));
  await set("#lab-runs", "12");
  await page.waitForFunction(() => location.hash.includes("lab-runs=12"));
  assert.deepEqual(errors, []);
  await context.close();
});

test("a network over the lab's limit stops the one that was training", async () => {
  const { page, context, errors } = await open(shared.browser, `${shared.server.url}#v=1&lab=network`);
  await ready(page);
  await page.click("#lab-play");
  await page.waitForFunction(() => Number(document.querySelector("#lab-status").dataset.step) > 20);
  // Two inputs and 250 hidden units: P = 2·250 + 250 + 250 + 1 = 1001, over the limit of 1000.
  await page.$eval("#lab-width1", (input) => {
    input.value = "250";
    input.dispatchEvent(new Event("change"));
  });
  await page.waitForFunction(() => document.querySelector("#lab-size").textContent.startsWith("This network has 1001 parameters"));
  await page.waitForTimeout(600);
  assert.deepEqual(await state(page), { state: "paused", step: 0 }, "no report of the old network arrives");
  assert.deepEqual(errors, []);
  await context.close();
});

test("on a phone the open lab fits the screen's width, its longest task name included", async () => {
  const { page, context, errors } = await open(shared.browser, `${shared.server.url}#v=1&lab=network&task=sine`, {
    width: 390,
    height: 844,
    touch: true,
  });
  await ready(page);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390);
  const task = await page.locator("#lab-task").boundingBox();
  assert.ok(task.x >= 0 && task.x + task.width <= 390, JSON.stringify(task));
  assert.deepEqual(errors, []);
  await context.close();
});

test("a link opens the lab: train to a stall, inspect, solve to a saddle, slice, escape", async () => {
  const url = `${shared.server.url}#v=1&preset=lecture&lab=network&lang=en`;
  const { page, context, errors } = await open(shared.browser, url);
  assert.equal(await page.$eval("#lab", (lab) => lab.open), true);
  await ready(page);
  assert.equal((await state(page)).state, "paused");
  assert.match(await page.textContent("#lab-size"), /^P = 17 parameters, N = 300 training examples\.$/);
  assert.equal(await page.isVisible("#lab-spectrum"), false, "no spectrum before an inspection");
  assert.equal(await page.$eval("#lab-task", (s) => s.value), "xor");
  assert.equal(await page.$eval("#lab-optimizer", (s) => s.value), "gd");

  // Training streams its losses and stops by itself where the loss stalls.
  await page.click("#lab-play");
  await page.waitForSelector("#lab-status[data-state=stalled]", { timeout: 60_000 });
  assert.deepEqual(await state(page), { state: "stalled", step: 539 });
  assert.match(await page.textContent("#lab-status"), /Stalled at step 539: over the last 200 steps/);
  await page.waitForFunction(() => document.querySelector("#lab-loss-chart").dataset.step === "539");
  const plateau = await page.$eval("#lab-loss-chart", (c) => Number(c.dataset.loss));
  assert.ok(Math.abs(plateau - 0.691) < 1e-3, `${plateau}`);

  // The Hessian where training stalled: the gradient is small but not zero, so no verdict.
  await page.click("#lab-inspect");
  await page.waitForSelector("#lab-verdict[data-kind=regular]");
  assert.match(await page.textContent("#lab-verdict"), /Not a critical point: ‖∇L‖ = .* is above/);
  await page.waitForSelector("#lab-spectrum[data-eigenvalues='17']");
  assert.equal(await page.isDisabled("#lab-escape"), true);

  // Newton-MR to the critical point nearby: a saddle of index 3.
  await page.click("#lab-solve");
  await page.waitForSelector("#lab-solve-status[data-status=converged]", { timeout: 30_000 });
  await page.waitForSelector("#lab-verdict[data-kind=saddle]");
  assert.equal(await page.$eval("#lab-verdict", (v) => v.dataset.index), "3");
  assert.match(await page.textContent("#lab-verdict"), /saddle point of index 3 \(3 negative eigenvalues\)/);
  assert.match(await page.textContent("#lab-ratio"), /minimum ratio 0\.8235/);
  assert.match(await page.textContent("#lab-solve-summary"), /θ moved 0\.2296 /);

  // The slices: a saddle along u_min and u_max, curvatures of both signs; the random plane curves up.
  await page.click("#lab-slices");
  await page.waitForFunction(() => document.querySelector("#lab-eigen-slice").dataset.curvatures, null, { timeout: 60_000 });
  const [lowest, highest] = (await page.$eval("#lab-eigen-slice", (c) => c.dataset.curvatures)).split(",").map(Number);
  assert.ok(lowest < 0 && highest > 0, `${lowest}, ${highest}`);
  const random = (await page.$eval("#lab-random-slice", (c) => c.dataset.curvatures)).split(",").map(Number);
  assert.ok(random.every((c) => c > 0), `${random}`);
  await page.waitForTimeout(300);
  await shot(page, "lab-saddle-en.png");

  // Escape along u_min: the loss drops below the plateau and training goes on from there.
  assert.equal(await page.isDisabled("#lab-escape"), false);
  await page.click("#lab-escape");
  await page.waitForSelector("#lab-escape-result:has-text('Stepped along u_min')");
  await page.waitForSelector("#lab-status[data-state=stalled]", { timeout: 60_000 });
  await page.waitForFunction(
    (plateau) => Number(document.querySelector("#lab-loss-chart").dataset.loss) < plateau - 0.1,
    plateau,
    { timeout: 10_000 },
  );
  const after = await page.$eval("#lab-loss-chart", (c) => Number(c.dataset.loss));
  assert.ok(after < 0.52, `${after}`);
  await page.waitForTimeout(300);
  await shot(page, "lab-escaped-en.png");

  // The same page in 中文.
  await page.click("#language-switch button[data-lang=zh]");
  await page.waitForFunction(() => document.querySelector("#lab-status").textContent.includes("停滞"));
  assert.match(await page.textContent("#lab summary"), /网络实验室/);
  await page.waitForTimeout(300);
  await shot(page, "lab-escaped-zh.png");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the experiment runs in workers with progress, lists its runs, and can be cancelled", async () => {
  const url = `${shared.server.url}#v=1&preset=lecture&lab=network&task=sine&hidden=3&lab-runs=6&lang=en`;
  const { page, context, errors } = await open(shared.browser, url);
  await ready(page);
  await page.click("#lab-run-experiment");
  await page.waitForSelector("#lab-cancel:not([disabled])");
  await page.waitForSelector("#lab-progress[aria-valuenow='100']", { timeout: 120_000 });
  await page.waitForSelector("#lab-experiment-status[data-done='6']");
  assert.match(await page.textContent("#lab-experiment-status"), /^Done: 6 runs; \d reached a critical point/);
  const plotted = await page.$eval("#lab-scatter", (c) => Number(c.dataset.runs));
  const listed = await page.$$eval("#lab-not-converged tr", (rows) => rows.length);
  assert.equal(plotted + listed, 6, `${plotted} plotted, ${listed} listed`);
  // A click on a dot names its run and what it reached.
  const [x, y] = (await page.$eval("#lab-scatter", (c) => c.dataset.dots)).split(" ")[0].split(",").map(Number);
  const box = await page.locator("#lab-scatter").boundingBox();
  await page.mouse.click(box.x + x, box.y + y);
  await page.waitForFunction(() => /^Run \d \(P = 10\): L = /.test(document.querySelector("#lab-picked").textContent));
  await page.waitForTimeout(300);
  await shot(page, "lab-experiment-en.png");

  // A sweep over P: cancel it while it runs; no more runs arrive after that.
  await page.click("#lab-run-sweep");
  await page.waitForSelector("#lab-cancel:not([disabled])");
  await page.waitForFunction(() => Number(document.querySelector("#lab-progress").getAttribute("aria-valuenow")) > 0, null, {
    timeout: 60_000,
  });
  await page.click("#lab-cancel");
  await page.waitForSelector("#lab-run-sweep:not([disabled])");
  assert.match(await page.textContent("#lab-experiment-status"), /Cancelled after \d+ of 40 runs/);
  const done = await page.$eval("#lab-experiment-status", (s) => s.dataset.done);
  await page.waitForTimeout(1000);
  assert.equal(await page.$eval("#lab-experiment-status", (s) => s.dataset.done), done);
  await page.click("#language-switch button[data-lang=zh]");
  await page.waitForFunction(() => document.querySelector("#lab-experiment-status").textContent.startsWith("已取消"));
  await page.waitForTimeout(300);
  await shot(page, "lab-experiment-zh.png");
  assert.deepEqual(errors, []);
  await context.close();
});
