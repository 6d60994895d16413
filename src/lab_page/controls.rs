//! The lab's inputs: read into [`LabSettings`] and set from them.

use wasm_bindgen::JsValue;
use web_sys::{Element, HtmlInputElement, HtmlOptionElement, HtmlSelectElement};

use super::dom::{self, by_id};
use crate::i18n::{LabWords, Strings};
use crate::network::{Task, TrainingMethod};
use crate::optim::{learning_rate_from_slider, learning_rate_slider};
use crate::share::LabSettings;

pub struct Controls {
    pub task: HtmlSelectElement,
    pub noise: HtmlInputElement,
    noise_value: Element,
    pub width1: HtmlInputElement,
    width1_value: Element,
    pub width2: HtmlInputElement,
    width2_value: Element,
    pub seed: HtmlInputElement,
    pub optimizer: HtmlSelectElement,
    pub learning_rate: HtmlInputElement,
    learning_rate_value: Element,
    pub beta: HtmlInputElement,
    beta_value: Element,
    pub batch: HtmlInputElement,
    batch_value: Element,
    pub runs: HtmlInputElement,
}

impl Controls {
    pub fn find() -> Result<Controls, JsValue> {
        Ok(Controls {
            task: by_id("lab-task")?,
            noise: by_id("lab-noise")?,
            noise_value: by_id("lab-noise-value")?,
            width1: by_id("lab-width1")?,
            width1_value: by_id("lab-width1-value")?,
            width2: by_id("lab-width2")?,
            width2_value: by_id("lab-width2-value")?,
            seed: by_id("lab-seed")?,
            optimizer: by_id("lab-optimizer")?,
            learning_rate: by_id("lab-lr")?,
            learning_rate_value: by_id("lab-lr-value")?,
            beta: by_id("lab-beta")?,
            beta_value: by_id("lab-beta-value")?,
            batch: by_id("lab-batch")?,
            batch_value: by_id("lab-batch-value")?,
            runs: by_id("lab-runs")?,
        })
    }

    /// One option per task and per update rule, named in `lab`'s language (again on a language switch).
    pub fn name_options(&self, lab: &LabWords) -> Result<(), JsValue> {
        fill(&self.task, Task::ALL.map(|t| (t.name(), (lab.task)(t))))?;
        fill(
            &self.optimizer,
            TrainingMethod::ALL.map(|m| (m.name(), (lab.method)(m))),
        )
    }

    /// The settings the inputs show, each checked as the link checks its key: a value the link would refuse
    /// keeps the current one. The η slider is logarithmic and rounded to two significant digits.
    pub fn read(&self, current: &LabSettings) -> LabSettings {
        let text = |input: &HtmlInputElement| input.value().trim().to_string();
        // The second layer's slider at 0 means one hidden layer.
        let widths: Vec<String> = [text(&self.width1), text(&self.width2)]
            .into_iter()
            .filter(|width| width != "0")
            .collect();
        let learning_rate = self
            .learning_rate
            .value()
            .trim()
            .parse::<f64>()
            .map(|position| two_digits(learning_rate_from_slider(position)).to_string())
            .unwrap_or_default();
        let mut settings = current.clone();
        for (key, value) in [
            ("task", self.task.value()),
            ("noise", text(&self.noise)),
            ("hidden", widths.join(",")),
            ("lab-opt", self.optimizer.value()),
            ("lab-lr", learning_rate),
            ("lab-beta", text(&self.beta)),
            ("lab-batch", text(&self.batch)),
            ("lab-seed", text(&self.seed)),
            ("lab-runs", text(&self.runs)),
        ] {
            // The link's own check of each key: a value it would refuse leaves the setting as it was.
            let _ = settings.read(key, &value);
        }
        settings
    }

    /// Sets every input to `settings` and its reading beside it.
    pub fn show(&self, settings: &LabSettings, words: &Strings) {
        self.task.set_value(settings.task.name());
        self.optimizer.set_value(settings.method.name());
        self.noise.set_value(&settings.noise.to_string());
        self.width1
            .set_value(&settings.hidden.first().copied().unwrap_or(1).to_string());
        self.width2
            .set_value(&settings.hidden.get(1).copied().unwrap_or(0).to_string());
        self.learning_rate
            .set_value(&learning_rate_slider(settings.learning_rate).to_string());
        self.beta.set_value(&settings.beta.to_string());
        self.batch.set_value(&settings.batch.to_string());
        self.seed.set_value(&settings.seed.to_string());
        self.runs.set_value(&settings.runs.to_string());
        self.show_readings(settings, words);
    }

    /// The numbers beside the sliders; β shows for momentum only, B for SGD only.
    pub fn show_readings(&self, settings: &LabSettings, words: &Strings) {
        dom::set_text(&self.noise_value, &words.number(settings.noise));
        let widths = |i: usize| settings.hidden.get(i).copied().unwrap_or(0).to_string();
        dom::set_text(&self.width1_value, &widths(0));
        dom::set_text(&self.width2_value, &widths(1));
        dom::set_text(
            &self.learning_rate_value,
            &words.number(settings.learning_rate),
        );
        dom::set_text(&self.beta_value, &words.number(settings.beta));
        dom::set_text(&self.batch_value, &settings.batch.to_string());
        let shown = |input: &HtmlInputElement, shown: bool| {
            if let Some(label) = input.parent_element() {
                dom::report(label.toggle_attribute_with_force("hidden", !shown));
            }
        };
        shown(&self.beta, settings.method == TrainingMethod::Momentum);
        shown(&self.batch, settings.method == TrainingMethod::Sgd);
    }
}

/// η from the slider, to two significant digits (0.3, not 0.30199517204020154).
fn two_digits(value: f64) -> f64 {
    format!("{value:.1e}").parse().unwrap_or(value)
}

/// Replaces `select`'s options with `(value, text)` pairs, keeping its value.
fn fill<'a>(
    select: &HtmlSelectElement,
    options: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<(), JsValue> {
    let chosen = select.value();
    dom::set_text(select, "");
    for (value, text) in options {
        let option: HtmlOptionElement = dom::create("option")?;
        option.set_value(value);
        dom::set_text(&option, text);
        select.append_child(&option)?;
    }
    if !chosen.is_empty() {
        select.set_value(&chosen);
    }
    Ok(())
}
