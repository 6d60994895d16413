// End-to-end: the two languages, the guided lesson's step links, and the curvature map.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ARTIFACTS, open, pixelOf, session } from "./harness.mjs";

const shared = session();

const text = (page, selector) => page.$eval(selector, (e) => e.textContent);
const eigenvalues = (page) =>
  page.$$eval("#eig-value-0, #eig-value-1", (cells) => cells.map((c) => Number(c.dataset.value)).sort((a, b) => a - b));

test("the language switch re-words the page and back, keeping the scene and writing lang= into the link", async () => {
  const { page, context, errors } = await open(shared.browser, `${shared.server.url}#preset=lecture&pt=0,0`);
  assert.equal(await text(page, "#copy-link"), "Copy link");
  assert.equal(await text(page, "#inspect-kind"), "saddle point");
  const labTitle = "#lab summary h2";
  assert.equal(await text(page, labTitle), "The network lab: saddles in high dimension");
  assert.match(await text(page, "#preset-description"), /^L\(w1, w2\) = \(1 − w1·w2\)², the loss of the network ŷ = w1·w2·x on the one example/);
  const pressed = () => page.$$eval("#language-switch button", (buttons) => buttons.map((b) => `${b.dataset.lang} ${b.ariaPressed}`));
  assert.deepEqual(await pressed(), ["en true", "zh false"]);
  await page.click("#language-switch button[data-lang=zh]");
  await page.waitForFunction(() => document.querySelector("#copy-link").textContent === "复制链接");
  await page.waitForFunction(() => document.querySelector("#inspect-kind").textContent === "鞍点");
  assert.match(await page.$eval("html", (h) => h.lang), /^zh/);
  assert.equal(await text(page, labTitle), "网络实验室：高维空间中的鞍点");
  assert.equal(await text(page, "#lab-run-experiment"), "运行实验");
  assert.match(await text(page, "#preset-description"), /^L\(w1, w2\) = \(1 − w1·w2\)² 是网络 ŷ = w1·w2·x 在单个样本 \(x, y\) = \(1, 1\) 上的损失：它在原点有一个鞍点/);
  assert.equal(await page.$eval("#preset option[value=lecture]", (o) => o.textContent), "讲义中的单神经元网络");
  assert.equal(await text(page, "#inspect-at"), "(0, 0)", "the scene is kept");
  assert.deepEqual(await pressed(), ["en false", "zh true"]);
  await page.waitForFunction(() => location.hash.includes("lang=zh"));
  await page.click("#lesson summary");
  await page.locator("#lesson").screenshot({ path: join(ARTIFACTS, "lesson-panel-zh.png") });
  await page.click("#language-switch button[data-lang=en]");
  await page.waitForFunction(() => document.querySelector("#copy-link").textContent === "Copy link");
  await page.waitForFunction(() => location.hash.includes("lang=en"));
  assert.equal(await text(page, labTitle), "The network lab: saddles in high dimension");
  assert.match(await text(page, "#preset-description"), /^L\(w1, w2\) = \(1 − w1·w2\)², the loss of the network ŷ = w1·w2·x on the one example/);
  await page.locator("#lesson").screenshot({ path: join(ARTIFACTS, "lesson-panel-en.png") });
  assert.deepEqual(errors, []);
  await context.close();
});

test("lesson step links set their scene and open the panel at the step", async () => {
  const steps = {
    taylor: "v=1&preset=lecture&pt=0,0&opt=gd&lr=0.1&beta=0.9&lesson=taylor",
    lecture: "v=1&preset=lecture&pt=0,0&opt=gd,eigen-escape&lr=0.1&beta=0.9&lesson=lecture-network&lang=zh",
    momentum: "v=1&preset=narrow-valley&pt=-9,1.5&opt=gd,momentum,gd-matched&lr=0.09&beta=0.9&lesson=momentum",
  };
  {
    const { page, context, errors } = await open(shared.browser, `${shared.server.url}#${steps.taylor}`);
    assert.equal(await page.$eval("#lesson", (d) => [d.open, d.dataset.step].join()), "true,taylor");
    assert.equal(await text(page, "#lesson-progress"), "Step 2 of 9");
    assert.equal(await text(page, "#inspect-at"), "(0, 0)");
    assert.ok(await page.$eval("#taylor-toggle", (c) => c.checked), "the Taylor step shows the model");
    assert.deepEqual(errors, []);
    await context.close();
  }
  {
    const { page, context, errors } = await open(shared.browser, `${shared.server.url}#${steps.lecture}`);
    assert.equal(await page.$eval("#lesson", (d) => d.dataset.step), "lecture-network");
    assert.equal(await text(page, "#lesson-progress"), "第 4 步，共 9 步");
    assert.equal(await text(page, "#inspect-kind"), "鞍点");
    assert.deepEqual(await eigenvalues(page), [-2, 2]);
    assert.ok(await page.$eval("#escape", (b) => b.classList.contains("lesson-highlight")));
    assert.ok(await page.$eval("#curvature-toggle", (c) => c.checked), "the step shows the curvature map");
    await page.screenshot({ path: join(ARTIFACTS, "lesson-step-4-zh.png"), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  }
  {
    const { page, context, errors } = await open(shared.browser, `${shared.server.url}#${steps.momentum}`);
    assert.equal(await page.$eval("#lesson", (d) => d.dataset.step), "momentum");
    // play_race: the race starts by itself (gradient descent at momentum's step diverges within five steps).
    await page.waitForFunction(() =>
      [...document.querySelectorAll("#race-status tr")].every(
        (r) => Number(r.dataset.steps) >= 5 || r.dataset.status === "diverged",
      ),
    );
    const optimizers = await page.$$eval("#race-status tr", (rows) => rows.map((r) => r.dataset.optimizer));
    assert.deepEqual(optimizers, ["gd", "momentum", "gd-matched"]);
    assert.equal(await page.$eval("#taylor-toggle", (c) => c.checked), false, "the momentum step hides it");
    assert.deepEqual(errors, []);
    await context.close();
  }
});

/** The majority curvature class (nearest legend colour) of a 7×7 block of map pixels around a data point. */
async function classAt(page, point) {
  const { x, y } = await pixelOf(page, point);
  return page.$eval(
    "#map",
    (canvas, [x, y]) => {
      const rect = canvas.getBoundingClientRect();
      const scale = canvas.width / rect.width;
      const [cx, cy] = [Math.round((x - rect.left) * scale), Math.round((y - rect.top) * scale)];
      const data = canvas.getContext("2d").getImageData(cx - 3, cy - 3, 7, 7).data;
      const classes = [...document.querySelectorAll("#curvature-classes [data-class]")].map((e) => {
        const [r, g, b] = getComputedStyle(e.querySelector(".swatch")).backgroundColor.match(/\d+/g).map(Number);
        return { name: e.dataset.class, rgb: [r, g, b] };
      });
      const votes = {};
      for (let i = 0; i < data.length; i += 4) {
        const nearest = classes
          .map((c) => ({ c, d: c.rgb.reduce((s, v, k) => s + (v - data[i + k]) ** 2, 0) }))
          .sort((a, b) => a.d - b.d)[0].c.name;
        votes[nearest] = (votes[nearest] ?? 0) + 1;
      }
      const first = [data[0], data[1], data[2]];
      return { winner: Object.entries(votes).sort((a, b) => b[1] - a[1])[0][0], first };
    },
    [x, y],
  );
}

test("the curvature toggle recolours the map by curvature class: saddle-like near the lecture's origin", async () => {
  const { page, context, errors } = await open(shared.browser, `${shared.server.url}#preset=lecture&pt=1,1`);
  const loss = await classAt(page, [-0.5, 0.5]);
  await page.click("#curvature-toggle");
  await page.waitForFunction(() => location.hash.includes("map=curvature"));
  const curvature = await classAt(page, [-0.5, 0.5]);
  assert.notDeepEqual(curvature.first, loss.first, "the pixels change");
  assert.equal(curvature.winner, "saddle-like");
  assert.equal(await page.$eval("#curvature-legend", (l) => l.hidden), false);
  await page.screenshot({ path: join(ARTIFACTS, "curvature-map.png"), fullPage: true });
  await page.click("#curvature-toggle");
  await page.waitForFunction(() => !location.hash.includes("map=curvature"));
  assert.deepEqual((await classAt(page, [-0.5, 0.5])).first, loss.first, "back to the loss colours");
  assert.deepEqual(errors, []);
  await context.close();
});
