use super::percent::encode_component;
use super::{Scene, ViewMode, FORMAT_VERSION};
use crate::optim::Hyperparameters;
use crate::render::MapMode;

/// The fragment for a scene, without the leading `#`; keys in a fixed, readable order.
pub fn encode(scene: &Scene) -> String {
    let mut pairs = vec![format!("v={FORMAT_VERSION}")];
    let (key, value) = scene.surface.link_pair();
    pairs.push(format!("{key}={}", encode_component(value)));
    if let Some(b) = scene.bounds {
        pairs.push(format!(
            "box={}",
            numbers(&[b.x_min, b.x_max, b.y_min, b.y_max])
        ));
    }
    if let Some(p) = scene.point {
        pairs.push(format!("pt={}", numbers(&p)));
    }
    let names: Vec<&str> = scene.optimizers.iter().map(|k| k.name()).collect();
    pairs.push(format!("opt={}", names.join(",")));
    pairs.push(format!("lr={}", number(scene.learning_rate)));
    pairs.push(format!("beta={}", number(scene.beta)));
    let defaults = Hyperparameters::default();
    if scene.batch != defaults.batch {
        pairs.push(format!("batch={}", scene.batch));
    }
    if scene.seed != defaults.seed {
        pairs.push(format!("seed={}", scene.seed));
    }
    if scene.steps > 0 {
        pairs.push(format!("steps={}", scene.steps));
    }
    if scene.view != ViewMode::Both {
        pairs.push(format!("view={}", scene.view.name()));
    }
    if let Some(turn) = scene.turn {
        pairs.push(format!("turn={}", numbers(&turn)));
    }
    if scene.map != MapMode::Loss {
        pairs.push(format!("map={}", scene.map.name()));
    }
    if let Some(step) = scene.lesson {
        pairs.push(format!("lesson={}", step.slug()));
    }
    if let Some(language) = scene.language {
        pairs.push(format!("lang={}", language.code()));
    }
    if scene.embed {
        pairs.push("embed=1".into());
    }
    if scene.present {
        pairs.push("present=1".into());
    }
    if let Some(lab) = &scene.lab {
        pairs.extend(lab.link_pairs());
    }
    pairs.join("&")
}

fn numbers(values: &[f64]) -> String {
    values
        .iter()
        .map(|&v| number(v))
        .collect::<Vec<_>>()
        .join(",")
}

/// The shortest text that reads back as exactly `value`: plain digits in the everyday range, exponent form outside it.
pub(crate) fn number(value: f64) -> String {
    let magnitude = value.abs();
    if magnitude == 0.0 || (1e-4..1e15).contains(&magnitude) {
        format!("{value}")
    } else {
        format!("{value:e}")
    }
}
