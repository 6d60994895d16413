// Loads the wasm app from a file, not inline, so the page works under a CSP of 'self' + 'wasm-unsafe-eval'.
import init from "./saddle.js";

init({ module_or_path: new URL("./saddle_bg.wasm", import.meta.url) });
