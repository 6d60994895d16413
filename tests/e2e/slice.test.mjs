// The inspector's slice through θ′: at the lecture's saddle, flat along x, curving down along u₁ and up along
// u₂ — a minimum along one line, a saddle in the plane.
import { test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { ARTIFACTS, open, session } from "./harness.mjs";

const shared = session();

/** The slice chart's direction and dᵀHd, once it shows `direction`. */
async function sliceAfter(page, click, direction) {
  if (click) await page.click(click);
  await page.waitForFunction(
    ([x, y]) => {
      const d = document.querySelector("#slice-chart").dataset.direction?.split(",").map(Number);
      return d && Math.abs(d[0] - x) < 1e-9 && Math.abs(d[1] - y) < 1e-9;
    },
    direction,
  );
  return page.$eval("#slice-chart", (c) => Number(c.dataset.curvature));
}

test("the slice at the lecture's saddle curves down along u₁, up along u₂ and not at all along x", async () => {
  const { page, context, errors } = await open(shared.browser, `${shared.server.url}#v=1&preset=lecture&pt=0,0&lang=en`);
  const s = Math.SQRT1_2;
  assert.ok(Math.abs((await sliceAfter(page, null, [s, s])) + 2) < 1e-9, "u₁ is the default: dᵀHd = −2");
  assert.ok(Math.abs(await sliceAfter(page, 'button[data-slice="x"]', [1, 0])) < 1e-12, "flat along x");
  assert.equal(await page.$eval("#slice-angle-value", (o) => o.textContent), "0°");
  assert.ok(Math.abs((await sliceAfter(page, 'button[data-slice="u2"]', [s, -s])) - 2) < 1e-9, "up along u₂");
  // The slider turns it: 90° is y, flat too.
  await page.$eval("#slice-angle", (input) => {
    input.value = "90";
    input.dispatchEvent(new Event("input"));
  });
  assert.ok(Math.abs(await sliceAfter(page, null, [Math.cos(Math.PI / 2), 1])) < 1e-12);
  await page.locator(".inspector").screenshot({ path: join(ARTIFACTS, "slice-panel.png") });
  assert.deepEqual(errors, []);
  await context.close();
});
