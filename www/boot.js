// Loads the wasm app from a file, not inline, so the page works under a CSP of 'self' + 'wasm-unsafe-eval'.
import init, * as saddle from "./saddle.js";

await init({ module_or_path: new URL("./saddle_bg.wasm", import.meta.url) });

// scripts/bench opens the page with ?bench=1 and calls the timing hooks of src/web/bench.rs from here.
// They ship in every build (the bench measures the binary people load) but are reachable only then.
if (new URLSearchParams(location.search).has("bench")) {
  window.saddleBench = saddle;
}
