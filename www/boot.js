// Loads the wasm app from a file, not inline, so the page works under a CSP of 'self' + 'wasm-unsafe-eval'.
import init, * as saddle from "./saddle.js";

await init({ module_or_path: new URL("./saddle_bg.wasm", import.meta.url) });

// scripts/bench opens the page with ?bench=1 and calls the timing hooks of src/web/bench.rs from here.
// They ship in every build (the bench measures the binary people load) but are reachable only then.
const bench = new URLSearchParams(location.search).has("bench");
if (bench) {
  window.saddleBench = saddle;
}

// The network lab's panel (src/lab_page) is a wasm of its own, fetched when #lab first opens: by a link with
// lab=network (the app opens it while starting, before this line runs) or by hand. Its bench hooks go on
// window.saddleLabBench.
const lab = document.getElementById("lab");
let labLoaded = false;
const loadLab = async () => {
  if (labLoaded || !lab.open) return;
  labLoaded = true;
  const module = await import("./saddle-lab.js");
  await module.default({ module_or_path: new URL("./saddle-lab_bg.wasm", import.meta.url) });
  if (bench) window.saddleLabBench = module;
};
lab?.addEventListener("toggle", loadLab);
if (lab) loadLab();

// Offline once visited: sw.js (www/sw.js) keeps the app's files. Registered once the app has started and the
// browser is idle, so the worker's download of those files does not compete with the first frames; from this
// file's folder, so its scope is wherever the app is served. Browsers without service workers, or pages not
// served over HTTPS or from localhost, simply stay online-only.
if ("serviceWorker" in navigator) {
  const register = () =>
    navigator.serviceWorker
      .register(new URL("./sw.js", import.meta.url))
      .catch((error) => console.warn(`Saddle will not work offline: ${error.message}`));
  if ("requestIdleCallback" in window) {
    requestIdleCallback(register, { timeout: 2000 });
  } else {
    setTimeout(register, 500);
  }
}
