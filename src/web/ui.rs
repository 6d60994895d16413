//! Handles to the page's elements, looked up once at start.

use wasm_bindgen::JsValue;
use web_sys::{
    Element, HtmlButtonElement, HtmlCanvasElement, HtmlElement, HtmlInputElement, HtmlSelectElement,
};

use super::dom::by_id;
use crate::i18n::Language;
use crate::i18n::{strings, Strings};

pub struct Ui {
    /// The language on screen (the link's, else the browser's).
    pub language: Language,
    /// Every word the page shows, in `language`.
    pub words: &'static Strings,
    pub body: HtmlElement,
    pub notices: HtmlElement,
    pub preset: HtmlSelectElement,
    pub preset_description: Element,
    pub formula: HtmlInputElement,
    pub formula_error: HtmlElement,
    pub formula_caret: Element,
    pub formula_message: Element,
    pub reset_view: HtmlButtonElement,
    pub views: HtmlElement,
    pub map: HtmlCanvasElement,
    pub map_legend: Element,
    pub continuum: HtmlElement,
    /// The caption under the map that explains momentum's update arrows.
    pub momentum_update: HtmlElement,
    pub surface3d: HtmlCanvasElement,
    pub loss_chart: HtmlCanvasElement,
    pub inspector: Inspector,
    pub race: RacePanel,
    pub copy_link: HtmlButtonElement,
    pub save_png: HtmlButtonElement,
    pub share_row: HtmlElement,
    pub share_link: HtmlInputElement,
    pub share_status: Element,
    pub present: HtmlButtonElement,
    /// The live region screen readers read out: θ′'s verdict when it is dropped.
    pub announcer: Element,
}

pub struct Inspector {
    pub empty: HtmlElement,
    pub body: HtmlElement,
    pub kind: HtmlElement,
    pub at: Element,
    /// θ′'s coordinates, shown and typed.
    pub point_x: HtmlInputElement,
    pub point_y: HtmlInputElement,
    pub value: Element,
    /// L_test(θ′) and its label, shown on a loss with a test set.
    pub test_value: [HtmlElement; 2],
    pub gradient: Element,
    pub gradient_norm: Element,
    /// Row-major H₁₁, H₁₂, H₂₁, H₂₂.
    pub hessian: [HtmlElement; 4],
    pub eigenvalues: [HtmlElement; 2],
    pub eigenvectors: [Element; 2],
    pub escape: HtmlButtonElement,
    pub escape_result: Element,
}

pub struct RacePanel {
    pub optimizer_list: Element,
    pub learning_rate: HtmlInputElement,
    pub learning_rate_value: Element,
    pub beta: HtmlInputElement,
    pub beta_value: Element,
    pub speed: HtmlInputElement,
    pub speed_value: Element,
    pub play: HtmlButtonElement,
    pub step: HtmlButtonElement,
    pub reset: HtmlButtonElement,
    pub status: Element,
}

impl Ui {
    pub fn find() -> Result<Ui, JsValue> {
        Ok(Ui {
            language: Language::English,
            words: strings(Language::English),
            body: super::dom::document()?
                .body()
                .ok_or_else(|| JsValue::from_str("the page has no body"))?,
            notices: by_id("notices")?,
            preset: by_id("preset")?,
            preset_description: by_id("preset-description")?,
            formula: by_id("formula")?,
            formula_error: by_id("formula-error")?,
            formula_caret: by_id("formula-caret")?,
            formula_message: by_id("formula-message")?,
            reset_view: by_id("reset-view")?,
            views: by_id("views")?,
            map: by_id("map")?,
            map_legend: by_id("map-legend")?,
            continuum: by_id("continuum")?,
            momentum_update: by_id("momentum-update")?,
            surface3d: by_id("surface3d")?,
            loss_chart: by_id("loss-chart")?,
            inspector: Inspector {
                empty: by_id("inspect-empty")?,
                body: by_id("inspect-body")?,
                kind: by_id("inspect-kind")?,
                at: by_id("inspect-at")?,
                point_x: by_id("point-x")?,
                point_y: by_id("point-y")?,
                value: by_id("inspect-value")?,
                test_value: [by_id("inspect-test-label")?, by_id("inspect-test")?],
                gradient: by_id("inspect-gradient")?,
                gradient_norm: by_id("inspect-gradient-norm")?,
                hessian: [by_id("h00")?, by_id("h01")?, by_id("h10")?, by_id("h11")?],
                eigenvalues: [by_id("eig-value-0")?, by_id("eig-value-1")?],
                eigenvectors: [by_id("eig-vector-0")?, by_id("eig-vector-1")?],
                escape: by_id("escape")?,
                escape_result: by_id("escape-result")?,
            },
            race: RacePanel {
                optimizer_list: by_id("optimizer-list")?,
                learning_rate: by_id("learning-rate")?,
                learning_rate_value: by_id("learning-rate-value")?,
                beta: by_id("beta")?,
                beta_value: by_id("beta-value")?,
                speed: by_id("speed")?,
                speed_value: by_id("speed-value")?,
                play: by_id("play")?,
                step: by_id("step")?,
                reset: by_id("reset-race")?,
                status: by_id("race-status")?,
            },
            copy_link: by_id("copy-link")?,
            save_png: by_id("save-png")?,
            share_row: by_id("share-row")?,
            share_link: by_id("share-link")?,
            share_status: by_id("share-status")?,
            present: by_id("present")?,
            announcer: by_id("announcer")?,
        })
    }
}
