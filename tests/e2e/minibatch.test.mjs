// End-to-end: mini-batch noise on the lecture's data.
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
