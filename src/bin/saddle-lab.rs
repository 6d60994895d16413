//! The network lab's panel (see `saddle::lab_page`): loaded by the page only when the lab opens. Built for
//! the browser only, by Trunk (`index.html`), with the `lab` feature.

fn main() {
    #[cfg(target_arch = "wasm32")]
    if let Err(error) = saddle::lab_page::start() {
        web_sys::console::error_1(&error);
    }
}
