// The lecture's demonstrations on the page: momentum's update drawn as the lecture draws it while the race
// waits, and sharp vs flat minima with the test loss beside the training loss.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ARTIFACTS, open, session } from "./harness.mjs";

const shared = session();

const rows = (page) =>
  page.$$eval("#race-status tr", (trs) =>
    trs.map((r) => ({ optimizer: r.dataset.optimizer, status: r.dataset.status, loss: r.children[2].textContent })),
  );

test("momentum's next update is drawn while the race waits, and its caption goes while it plays", async () => {
  const link = "v=1&preset=narrow-valley&pt=-9,1.5&opt=gd,momentum,gd-matched&lr=0.09&beta=0.9&steps=12&lang=en";
  const { page, context, errors } = await open(shared.browser, `${shared.server.url}#${link}`);
  await page.waitForSelector("#momentum-update:not([hidden])");
  assert.match(await page.$eval("#momentum-update", (p) => p.textContent), /β·m − η·g/);
  const byOptimizer = Object.fromEntries((await rows(page)).map((r) => [r.optimizer, r.status]));
  assert.equal(byOptimizer["gd-matched"], "diverged", "gradient descent at momentum's long step flies off");
  await page.screenshot({ path: join(ARTIFACTS, "momentum-update.png") });
  await page.click("#play");
  await page.waitForSelector("#momentum-update[hidden]", { state: "attached" });
  assert.deepEqual(errors, []);
  await context.close();
});

test("on sharp-and-flat the test loss is shown beside the training loss, far higher at the sharp minimum", async () => {
  const link = "v=1&preset=sharp-and-flat&pt=-0.9,-0.1&opt=gd,sgd&lr=0.045&beta=0.9&batch=2&seed=3&steps=200";
  for (const lang of ["en", "zh"]) {
    const { page, context, errors } = await open(shared.browser, `${shared.server.url}#${link}&lang=${lang}`);
    await page.waitForSelector("#inspect-test:not([hidden])");
    const [gd, sgd] = await rows(page);
    // Gradient descent settles in the sharp minimum (training L 0.0067, test L 0.53), SGD with batches of 2
    // in the flat one (0.108, 0.16): the race table shows both losses of each.
    const numbers = (text) => [...text.matchAll(/[−-]?\d+(?:\.\d+)?(?:e[−-]?\d+)?/g)].map((m) => Number(m[0].replace("−", "-")));
    const [gdTrain, gdTest] = numbers(gd.loss);
    const [sgdTrain, sgdTest] = numbers(sgd.loss);
    assert.equal(gd.status, "converged");
    assert.ok(gdTrain < 0.01 && gdTest > 0.4, gd.loss);
    assert.ok(sgdTrain > 0.09 && sgdTrain < 0.13 && sgdTest < 0.2, sgd.loss);
    assert.match(gd.loss, lang === "en" ? /\(test / : /（测试 /);
    await page.screenshot({ path: join(ARTIFACTS, `sharp-and-flat-${lang}.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  }
});
