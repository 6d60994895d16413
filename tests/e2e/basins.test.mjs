// The map's basins mode: the page's Web Worker maps where the first racer ends from each start, the legend
// names each basin, and a click lands on its cell's centre, where that cell's run started.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ARTIFACTS, open, pixelOf, session } from "./harness.mjs";

const shared = session();

const basinNames = (page) =>
  page.$$eval("#basins-classes .legend-entry", (entries) => entries.map((e) => e.textContent));

test("the worker maps Himmelblau's four basins, named in the legend, in both languages", async () => {
  const link = "v=1&preset=himmelblau&opt=gd&lr=0.01&map=basins";
  const { page, context, errors } = await open(shared.browser, `${shared.server.url}#${link}&lang=en`);
  assert.equal(await page.$eval("#basins-toggle", (t) => t.checked), true);
  await page.waitForFunction(() => document.querySelectorAll("#basins-classes .legend-entry").length > 0, null, {
    timeout: 60_000,
  });
  assert.deepEqual(await basinNames(page), [
    "basin of the local minimum (−3.779, −3.283)",
    "basin of the local minimum (−2.805, 3.131)",
    "basin of the local minimum (3, 2)",
    "basin of the local minimum (3.584, −1.848)",
  ]);
  assert.equal(await page.$eval("#basins-progress", (p) => p.hidden), true, "the progress bar goes once drawn");
  await page.screenshot({ path: join(ARTIFACTS, "basins-en.png"), fullPage: true });

  // A click lands on its cell's centre: [−5, 5] in 128 cells of 0.078125.
  const { x, y } = await pixelOf(page, [1.9, 1.1]);
  await page.mouse.click(x, y);
  await page.waitForFunction(() => /[#&]pt=/.test(location.hash));
  const [px, py] = (await page.evaluate(() => location.hash.match(/[#&]pt=([^&]*)/)[1])).split(",").map(Number);
  assert.ok(Math.abs(px - 1.9140625) < 1e-3 && Math.abs(py - 1.1328125) < 1e-3, `${px},${py}`);

  await page.click("#language-switch button:last-child");
  await page.waitForFunction(() => document.documentElement.lang.startsWith("zh"));
  assert.match((await basinNames(page))[2], /局部极小值.*\(3, 2\).*吸引域/);
  await page.screenshot({ path: join(ARTIFACTS, "basins-zh.png"), fullPage: true });
  // Unticking returns to L's colours and drops the mode from the link.
  await page.click("#basins-toggle");
  await page.waitForFunction(() => !location.hash.includes("map=basins"));
  assert.equal(await page.$eval("#basins-legend", (l) => l.hidden), true);
  assert.deepEqual(errors, []);
  await context.close();
});
