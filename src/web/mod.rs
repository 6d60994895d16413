//! The browser app: DOM, canvases, events and the frame loop.
//!
//! This layer only draws and wires: every number it shows (values, derivatives, eigenvalues,
//! grid samples, colours, ticks, optimizer steps, links) comes from the core.

mod app;
mod batch;
#[cfg(test)]
mod batch_tests;
mod bench;
mod canvas;
mod crash;
mod dom;
mod events;
mod frame_loop;
mod inspector;
mod lab_link;
mod language;
mod lesson_panel;
mod map_mode;
mod map_view;
mod overlay;
mod palette;
mod plots;
mod presentation;
mod race_panel;
mod scene_link;
mod slice_panel;
mod surface_panel;
#[cfg(test)]
mod tests;
mod toggles;
mod trails;
mod ui;
mod worker_bridge;

/// Mounts the app on the page that Trunk built from `index.html`.
#[wasm_bindgen::prelude::wasm_bindgen(start)]
pub fn start() {
    crash::install_panic_hook();
    let mounted = app::App::mount().and_then(|app| {
        events::wire(&app)?;
        language::wire_switch(&app)?;
        lesson_panel::wire(&app)?;
        toggles::wire(&app)?;
        slice_panel::wire(&app)?;
        presentation::wire(&app)?;
        scene_link::wire_hashchange(&app)?;
        bench::remember(&app);
        frame_loop::start(app)
    });
    if let Err(error) = mounted {
        crash::show(&dom::describe(&error));
    }
}
