// One path from a link to a picture: the page opened at a link and `saddle render --link` of the same link
// resolve the scene through the same core code, so they mark the same critical points, replay the races to
// the same points and word the same notices.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT, open, session } from "./harness.mjs";

const shared = session();

/** The `saddle` binary `cargo test` built (scripts/test runs it before these tests), or $SADDLE. */
const SADDLE = process.env.SADDLE ?? join(ROOT, "target", "debug", "saddle");

const LINKS = [
  "v=1&preset=lecture&pt=0.3,0.2&opt=gd,momentum&lr=0.05&steps=40",
  "v=1&preset=himmelblau&pt=1,1&opt=gd,adam,newton&lr=0.01&steps=120",
  "v=1&preset=lecture-data&pt=0.6,-0.6&opt=gd,sgd&lr=0.1&batch=4&seed=2&steps=80",
  "v=1&expr=x%5E3%20-%203*x*y%5E2&box=-2,2,-2,2&pt=0.5,0.5&opt=gd,nesterov&lr=0.02&steps=30&map=curvature",
  "v=1&preset=no-such-surface&pt=abc&opt=gd,warp&lr=-1&steps=12",
];

/** The page's `data-summary` lines, read into the shape of `saddle render`'s JSON. */
function parseSummary(text) {
  const summary = { critical_points: [], continuum: null, runs: [] };
  for (const line of text.split("\n").filter(Boolean)) {
    const [what, ...rest] = line.split(" ");
    if (what === "critical") {
      summary.critical_points.push({ kind: rest[0], at: [Number(rest[1]), Number(rest[2])] });
    } else if (what === "continuum") {
      summary.continuum = rest[0];
    } else if (what === "run") {
      const [optimizer, steps, status, x, y] = rest;
      summary.runs.push({ optimizer, steps: Number(steps), status, at: [Number(x), Number(y)] });
    }
  }
  return summary;
}

/** Equal up to the last bits: the browser's `sin` and `exp` are not glibc's. */
function assertNear(actual, expected, what) {
  for (const i of [0, 1]) {
    const scale = Math.max(1, Math.abs(expected[i]));
    assert.ok(Math.abs(actual[i] - expected[i]) <= 1e-9 * scale, `${what}: ${actual} vs ${expected}`);
  }
}

test("the page and saddle render show the same scene for each link", async () => {
  assert.ok(existsSync(SADDLE), `no saddle binary at ${SADDLE}: run cargo build first, or set SADDLE`);
  const folder = mkdtempSync(join(tmpdir(), "saddle-scene-"));
  try {
    for (const link of LINKS) {
      const figure = JSON.parse(
        execFileSync(SADDLE, ["render", "--link", link, "--out", join(folder, "figure.svg")], {
          encoding: "utf8",
          stdio: ["ignore", "pipe", "ignore"],
        }),
      );
      const { page, context } = await open(shared.browser, `${shared.server.url}#${link}&lang=en`);
      // The summary is published in the frame that found the critical points (and after every race step).
      await page.waitForSelector("#map[data-critical][data-summary]");
      const shown = parseSummary(await page.$eval("#map", (c) => c.dataset.summary));
      const notices = await page.$$eval("#notices li", (items) => items.map((i) => i.textContent));
      await context.close();

      assert.deepEqual(notices, figure.notices, `${link}: notices`);
      assert.equal(shown.continuum, figure.continuum, `${link}: continuum`);
      assert.deepEqual(
        shown.critical_points.map((p) => p.kind),
        figure.critical_points.map((p) => p.kind),
        `${link}: critical points`,
      );
      shown.critical_points.forEach((p, i) => assertNear(p.at, figure.critical_points[i].at, `${link}: point ${i}`));
      assert.deepEqual(
        shown.runs.map(({ optimizer, steps, status }) => ({ optimizer, steps, status })),
        figure.runs.map(({ optimizer, steps, status }) => ({ optimizer, steps, status })),
        `${link}: runs`,
      );
      shown.runs.forEach((r, i) => assertNear(r.at, figure.runs[i].at, `${link}: run ${r.optimizer}`));
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
