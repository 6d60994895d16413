//! Browser units of the data-defined loss and its mini-batch controls.

use wasm_bindgen_test::*;
use web_sys::HtmlElement;

use super::tests::mount;
use super::{batch, dom};
use crate::analysis::PointKind;
use crate::optim::OptimizerKind;

fn hidden(id: &str) -> bool {
    dom::by_id::<HtmlElement>(id).unwrap().hidden()
}

#[wasm_bindgen_test]
fn choosing_the_lecture_data_races_gd_against_sgd_with_batch_controls() {
    let app = mount();
    let mut app = app.borrow_mut();
    assert!(hidden("batch-controls"));
    app.choose_preset("lecture-data");
    batch::adopt_race_defaults(&mut app);
    assert!(app.surface.loss.data().is_some());
    assert!(!hidden("batch-controls"));
    assert_eq!(app.race.kinds, [OptimizerKind::Gd, OptimizerKind::Sgd]);
    assert_eq!(app.race.hyper.learning_rate, 0.1);
    assert_eq!(app.ui.formula.value(), "");
    // The full-batch saddle is the lecture's, at the origin, and the map marks it (a frame after drawing).
    app.frame(0.0, 0.0).unwrap();
    app.frame(20.0, 0.0).unwrap();
    assert!(app
        .critical
        .points
        .iter()
        .any(|p| p.kind == PointKind::Saddle && p.at[0].hypot(p.at[1]) < 1e-6));
    app.place_point([0.0, 0.0]);
    app.frame(1000.0, 0.0).unwrap();
    assert_eq!(
        app.map.canvas.get_attribute("data-cloud").as_deref(),
        Some("40")
    );

    // Back on a formula, SGD leaves the race and its controls hide.
    app.choose_preset("lecture");
    batch::adopt_race_defaults(&mut app);
    assert!(hidden("batch-controls"));
    assert_eq!(app.race.kinds, [OptimizerKind::Gd]);
    app.frame(2000.0, 0.0).unwrap();
    app.place_point([0.5, 0.5]);
    app.frame(3000.0, 0.0).unwrap();
    assert_eq!(app.map.canvas.get_attribute("data-cloud"), None);
}
