//! The page's Web Worker: heavy work off the page's main thread (see `saddle::worker`). Built for the browser
//! only, by Trunk (`index.html`), with the `worker` feature.

fn main() {
    #[cfg(target_arch = "wasm32")]
    if let Err(error) = saddle::worker::run() {
        web_sys::console::error_1(&error);
    }
}
