// Small batches, fairly: on the lecture's data the extra input is a visible choice, and the worker measures
// how long full-batch descent and SGD take to leave the saddle from θ′, side by side.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ARTIFACTS, open, session } from "./harness.mjs";

const shared = session();

const rows = (page) =>
  page.$$eval("#escape-rows tr", (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));

test("a hair off the line, small batches leave the saddle sooner only with the extra input", async () => {
  const link = "v=1&preset=lecture-data&pt=0.6,-0.599&opt=gd,sgd&lr=0.1&lang=en";
  const { page, context, errors } = await open(shared.browser, `${shared.server.url}#${link}`);
  assert.equal(await page.$eval("#extra-input", (c) => c.checked), true);
  await page.click("#escape-times");
  await page.waitForSelector("#escape-table:not([hidden])", { timeout: 60_000 });
  // The README's measurements: full batch 158 steps; SGD's medians 66, 76, 98 at B = 1, 4, 16; B = 64 is GD.
  assert.deepEqual(await rows(page), [
    ["full batch (gradient descent)", "158"],
    ["B = 1", "66"],
    ["B = 4", "76"],
    ["B = 16", "98"],
    ["B = 64", "158"],
  ]);
  await page.screenshot({ path: join(ARTIFACTS, "escape-times-en.png"), fullPage: true });
  // Without the extra input every batch size takes about as long as the full batch.
  await page.click("#extra-input");
  await page.waitForFunction(() => document.querySelector("#preset").value === "lecture-data-plain");
  assert.match(await page.evaluate(() => location.hash), /pt=0\.6,-0\.599/, "θ′ stays");
  assert.equal(await page.$eval("#escape-table", (t) => t.hidden), true, "the old times go");
  await page.click("#escape-times");
  await page.waitForSelector("#escape-table:not([hidden])", { timeout: 60_000 });
  const plain = await rows(page);
  const full = Number(plain[0][1]);
  for (const [, steps] of plain.slice(1)) {
    assert.ok(Math.abs(Number(steps) - full) <= 0.1 * full, `${steps} against ${full}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});
