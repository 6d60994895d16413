// Loads the wasm app from a file, not inline, so the page works under a CSP of 'self' + 'wasm-unsafe-eval'.
import init, * as saddle from "./saddle.js";

try {
  await init({ module_or_path: new URL("./saddle_bg.wasm", import.meta.url) });
} catch (error) {
  // A panic while starting has shown its own banner; a module that does not compile never ran.
  if (error instanceof WebAssembly.CompileError) showCompileFailure();
  throw error;
}

/** The browser cannot compile the wasm, most likely for want of WebAssembly SIMD: the crash banner says so, in
 *  the link's language or else the browser's (the app, which would translate the page, never ran). */
function showCompileFailure() {
  const crash = document.getElementById("crash");
  if (!crash) return;
  const chinese = /(^|[#&])lang=zh/.test(location.hash) || (!/(^|[#&])lang=/.test(location.hash) && navigator.language.startsWith("zh"));
  const [title, message] = chinese
    ? ["Saddle 无法启动：", "这个浏览器运行不了它的 WebAssembly（需要 WebAssembly SIMD：Chrome 91、Firefox 89、Safari 16.4 或更新的版本）。"]
    : ["Saddle could not start:", "this browser cannot run its WebAssembly (it needs WebAssembly SIMD: Chrome 91, Firefox 89, Safari 16.4 or later)."];
  crash.querySelector("strong").textContent = title;
  document.getElementById("crash-message").textContent = message;
  // Resetting the scene would not help here.
  crash.querySelector("a").hidden = true;
  crash.hidden = false;
}

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
