// End-to-end: mini-batch noise on the lecture's data, and the minimum-ratio experiment run between frames.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ARTIFACTS, open, pixelOf, session } from "./harness.mjs";

const shared = session();

async function raceRows(page) {
  return page.$$eval("#race-status tr", (rows) =>
    rows.map((r) => ({
      optimizer: r.dataset.optimizer,
      status: r.dataset.status,
      steps: Number(r.dataset.steps),
      loss: Number(r.dataset.loss),
    })),
  );
}

test("on lecture-data, SGD with small batches leaves the saddle that GD stalls at", async () => {
  const { page, context, errors } = await open(shared.browser, shared.server.url);
  await page.selectOption("#preset", "lecture-data");
  await page.waitForFunction(() => document.querySelectorAll("#race-status tr").length === 2);
  assert.equal(await page.isVisible("#batch-controls"), true);
  assert.equal(await page.isVisible("label.optimizer[data-needs-data]"), true);
  assert.deepEqual((await raceRows(page)).map((r) => r.optimizer), ["gd", "sgd"]);
  // B = 2 of 64, then 120 steps with the Step button.
  await page.$eval("#batch-size", (slider) => {
    slider.value = "2";
    slider.dispatchEvent(new Event("input", { bubbles: true }));
  });
  assert.match(await page.textContent("#batch-size-value"), /^2 of 64$/);
  for (let i = 0; i < 120; i++) await page.click("#step");
  await page.waitForFunction(() =>
    [...document.querySelectorAll("#race-status tr")].every((r) => Number(r.dataset.steps) >= 100),
  );
  const rows = await raceRows(page);
  const gd = rows.find((r) => r.optimizer === "gd");
  const sgd = rows.find((r) => r.optimizer === "sgd");
  assert.ok(gd.loss > 0.27, `GD should sit at the saddle's loss ≈ 0.2736, not ${gd.loss}`);
  assert.ok(sgd.loss < 0.5 * gd.loss, `SGD ${sgd.loss} should be far below GD ${gd.loss}`);

  await page.screenshot({ path: join(ARTIFACTS, "lecture-data-race.png"), fullPage: true });

  // The link carries the dataset, the batch size and the seed; drop θ′ on the saddle to see the noise cloud.
  // 120 clicks on Step scrolled the page: bring the map back before aiming at its origin.
  await page.$eval("#map", (map) => map.scrollIntoView({ block: "center" }));
  const { x, y } = await pixelOf(page, [0, 0]);
  await page.mouse.click(x, y);
  await page.waitForSelector("#map[data-cloud='40']");
  assert.equal(await page.$eval("#inspect-kind", (e) => e.dataset.kind), "saddle");
  await page.waitForFunction(() => location.hash.includes("batch=2"));
  const hash = await page.evaluate(() => location.hash);
  assert.match(hash, /preset=lecture-data/);
  assert.match(hash, /opt=gd,sgd/);
  await page.screenshot({ path: join(ARTIFACTS, "lecture-data-cloud.png"), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test("a link replays the GD vs SGD race on lecture-data with its batch and seed", async () => {
  const url = `${shared.server.url}#v=1&preset=lecture-data&opt=gd,sgd&lr=0.1&batch=4&seed=3&steps=150`;
  const { page, context, errors } = await open(shared.browser, url);
  await page.waitForFunction(() => document.querySelectorAll("#race-status tr[data-steps='150']").length === 2);
  const rows = await raceRows(page);
  const [gd, sgd] = ["gd", "sgd"].map((name) => rows.find((r) => r.optimizer === name));
  assert.ok(sgd.loss < 0.5 * gd.loss, `SGD ${sgd.loss} vs GD ${gd.loss}`);
  assert.equal(await page.$eval("#preset", (s) => s.value), "lecture-data");
  assert.equal(await page.$eval("#batch-size", (s) => s.value), "4");
  assert.equal(await page.$eval("#batch-seed", (s) => s.value), "3");
  assert.equal(await page.isVisible("#notices"), false);
  assert.equal(await page.isVisible("#formula-error"), false);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the minimum-ratio experiment runs between frames, plots every run and can be cancelled", async () => {
  const { page, context, errors } = await open(shared.browser, shared.server.url);
  await page.click("#high-dimension summary");
  await page.fill("#mr-params", "12");
  await page.fill("#mr-runs", "5");
  await page.click("#mr-run");
  await page.waitForSelector("#min-ratio-chart[data-runs='5']", { timeout: 60_000 });
  await page.waitForSelector("#mr-progress[aria-valuenow='100']");
  assert.equal(await page.$$eval("#mr-table tr", (rows) => rows.length), 5);
  assert.equal(await page.$eval("#mr-cancel", (b) => b.disabled), true);
  const ratios = await page.$$eval("#mr-table tr", (rows) => rows.map((r) => Number(r.children[2].textContent)));
  assert.ok(ratios.every((r) => r >= 0 && r <= 1), `ratios ${ratios}`);
  await page.click("#mr-table tr[data-run='2']");
  await page.waitForSelector("#mr-table tr[data-run='2'][aria-selected='true']");
  assert.equal(await page.isVisible("#eigen-histogram"), true);
  await page.locator("#high-dimension").screenshot({ path: join(ARTIFACTS, "min-ratio.png") });

  // A large experiment: cancel it while it runs; the page stays responsive and no more runs appear.
  await page.fill("#mr-params", "200");
  await page.fill("#mr-runs", "50");
  await page.click("#mr-run");
  await page.waitForSelector("#mr-cancel:not([disabled])");
  await page.click("#mr-cancel");
  await page.waitForSelector("#mr-run:not([disabled])");
  assert.match(await page.textContent("#mr-status"), /Cancelled after \d+ runs/);
  const runs = await page.$eval("#min-ratio-chart", (c) => Number(c.dataset.runs));
  const progress = await page.$eval("#mr-progress", (p) => Number(p.getAttribute("aria-valuenow")));
  await page.waitForTimeout(300);
  assert.equal(await page.$eval("#min-ratio-chart", (c) => Number(c.dataset.runs)), runs);
  assert.equal(await page.$eval("#mr-progress", (p) => Number(p.getAttribute("aria-valuenow"))), progress);
  assert.ok(progress < 100);
  // The status line on screen is re-worded when the language switches, and back.
  const [cancelledAfter] = (await page.textContent("#mr-status")).match(/\d+/);
  await page.click("#language-switch button[data-lang=zh]");
  await page.waitForFunction((n) => document.querySelector("#mr-status").textContent === `已取消，此前完成了 ${n} 次运行。`, cancelledAfter);
  await page.click("#language-switch button[data-lang=en]");
  await page.waitForFunction((n) => document.querySelector("#mr-status").textContent === `Cancelled after ${n} runs.`, cancelledAfter);
  assert.deepEqual(errors, []);
  await context.close();
});
