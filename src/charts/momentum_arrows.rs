//! Momentum's update drawn as the lecture draws it: at a momentum run's current point θ_t, the carried
//! movement β·m, the gradient step −η·g, and their sum m_new = β·m − η·g, which lands on θ_{t+1}.
//!
//! The arrows keep their true directions and their true lengths relative to each other, so the picture is
//! a real vector sum; a real update is often a pixel or less, so all three are magnified together until the
//! longest is [`MOMENTUM_ARROW_MIN`] CSS pixels long, and the magnification is returned for the page to say.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::map::MapFrame;
use super::map_overlay::draw_arrow_between;
use super::palette::{optimizer_colour, INK, PAPER};
use super::plot_error;
use crate::optim::{MomentumUpdate, OptimizerKind};

/// The longest of the three arrows is drawn at least this long, in CSS pixels.
pub const MOMENTUM_ARROW_MIN: f64 = 56.0;
/// Arrows shorter than this many CSS pixels (after magnification) are left out: too short to read.
const SHORTEST_ARROW: f64 = 3.0;

/// The label beside the carried movement's tip: the lecture's symbols, the same in every language.
pub const CARRIED_LABEL: &str = "β·m";
/// The label beside the gradient step's tip.
pub const GRADIENT_STEP_LABEL: &str = "−η·g";
/// The label beside their sum's tip, m_new.
pub const VELOCITY_LABEL: &str = "β·m − η·g";

/// The update on screen, in backend pixels: where the arrows start, each arrow's displacement, and how
/// much they were magnified (1 when drawn to scale).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MomentumArrows {
    /// θ_t's pixel, where all three arrows start.
    pub start: [f64; 2],
    /// β·m on screen.
    pub carried: [f64; 2],
    /// −η·g on screen.
    pub gradient_step: [f64; 2],
    /// m_new = β·m − η·g on screen, the sum of the other two.
    pub velocity: [f64; 2],
    /// How many times longer than to scale the arrows are drawn, ≥ 1.
    pub magnification: f64,
}

/// Where the arrows of `update` go on `frame`; `None` if every arrow has zero or non-finite length.
pub fn momentum_arrows(frame: &MapFrame, update: &MomentumUpdate) -> Option<MomentumArrows> {
    let transform = frame.transform;
    let start = transform.to_pixel(update.at);
    // The transform is affine, so a displacement maps to the difference of two points' pixels.
    let on_screen = |d: [f64; 2]| {
        let tip = transform.to_pixel([update.at[0] + d[0], update.at[1] + d[1]]);
        [tip[0] - start[0], tip[1] - start[1]]
    };
    let vectors = [update.carried, update.gradient_step, update.velocity].map(on_screen);
    let lengths = vectors.map(|v| v[0].hypot(v[1]));
    if !lengths.iter().all(|l| l.is_finite()) {
        return None;
    }
    let longest = lengths.iter().copied().fold(0.0, f64::max);
    if longest <= 0.0 {
        return None;
    }
    let magnification = (frame.px(MOMENTUM_ARROW_MIN) / longest).max(1.0);
    let [carried, gradient_step, velocity] = vectors.map(|v| v.map(|c| c * magnification));
    Some(MomentumArrows {
        start,
        carried,
        gradient_step,
        velocity,
        magnification,
    })
}

/// Draws the three arrows of `update` and the dashed sides that close their parallelogram; returns the
/// magnification used, or `None` when there was nothing to draw.
///
/// Colours say where each part comes from: β·m grey (the past), −η·g in gradient descent's colour (it is
/// gradient descent's step), their sum in momentum's.
pub fn draw_momentum_update<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &MapFrame,
    update: &MomentumUpdate,
) -> Result<Option<f64>, String> {
    let Some(arrows) = momentum_arrows(frame, update) else {
        return Ok(None);
    };
    let at = |d: [f64; 2]| [arrows.start[0] + d[0], arrows.start[1] + d[1]];
    let pixel = |p: [f64; 2]| (p[0].round() as i32, p[1].round() as i32);
    let guide = INK.mix(0.5).stroke_width(frame.px(1.0).max(1.0) as u32);
    let (dash, gap) = (frame.px(4.0) as u32, frame.px(3.0) as u32);
    for (from, to) in [
        (arrows.carried, arrows.velocity),
        (arrows.gradient_step, arrows.velocity),
    ] {
        root.draw(&plotters::element::DashedPathElement::new(
            vec![pixel(at(from)), pixel(at(to))],
            dash.max(1),
            gap.max(1),
            guide,
        ))
        .map_err(plot_error)?;
    }
    let grey = RGBColor(0x99, 0x99, 0x99);
    let parts = [
        (arrows.carried, grey, CARRIED_LABEL),
        (
            arrows.gradient_step,
            optimizer_colour(OptimizerKind::Gd),
            GRADIENT_STEP_LABEL,
        ),
        (
            arrows.velocity,
            optimizer_colour(OptimizerKind::Momentum),
            VELOCITY_LABEL,
        ),
    ];
    let font = frame.font(12.0);
    let sides = label_sides(&arrows);
    for ((vector, colour, label), side) in parts.into_iter().zip(sides) {
        let length = vector[0].hypot(vector[1]);
        if length < frame.px(SHORTEST_ARROW) {
            continue;
        }
        let unit = [vector[0] / length, vector[1] / length];
        draw_arrow_between(root, frame, arrows.start, unit, length, colour)?;
        let gap = frame.px(7.0);
        let place = at([vector[0] + side[0] * gap, vector[1] + side[1] * gap]);
        draw_label(root, frame, label, place, side, &font)?;
    }
    Ok(Some(arrows.magnification))
}

/// Which way from each arrow's tip its label goes (unit screen vectors, in the order β·m, −η·g, sum).
///
/// β·m and the sum are often nearly parallel (a small gradient turns the carried movement only a little),
/// so their labels go to opposite sides: the sum's towards the gradient step it leans to, β·m's away from
/// it. −η·g's label goes on past its tip.
fn label_sides(arrows: &MomentumArrows) -> [[f64; 2]; 3] {
    let unit = |v: [f64; 2]| {
        let length = v[0].hypot(v[1]);
        if length > 0.0 {
            [v[0] / length, v[1] / length]
        } else {
            [0.0, -1.0]
        }
    };
    let normal_towards = |v: [f64; 2], towards: [f64; 2]| {
        let [ux, uy] = unit(v);
        let normal = [-uy, ux];
        if normal[0] * towards[0] + normal[1] * towards[1] >= 0.0 {
            normal
        } else {
            [uy, -ux]
        }
    };
    let sum_side = normal_towards(arrows.velocity, arrows.gradient_step);
    let carried_side = normal_towards(arrows.carried, [-sum_side[0], -sum_side[1]]);
    [carried_side, unit(arrows.gradient_step), sum_side]
}

/// `label` on a pale box placed on the `side` of `at` (a label to the right starts there), so it reads on
/// the heat map's dark floor and bright walls alike.
fn draw_label<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &MapFrame,
    label: &str,
    at: [f64; 2],
    side: [f64; 2],
    font: &TextStyle,
) -> Result<(), String> {
    // How far the box reaches back from `at`, as a fraction of its size: 0 starts there, 1 ends there.
    let reach = |component: f64| {
        if component < -0.3 {
            1.0
        } else if component > 0.3 {
            0.0
        } else {
            0.5
        }
    };
    let (width, height) = root.estimate_text_size(label, font).map_err(plot_error)?;
    let pad = frame.px(2.0);
    let left = at[0] - reach(side[0]) * f64::from(width);
    let top = at[1] - reach(side[1]) * f64::from(height);
    let corner = |x: f64, y: f64| (x.round() as i32, y.round() as i32);
    root.draw(&Rectangle::new(
        [
            corner(left - pad, top - pad),
            corner(left + f64::from(width) + pad, top + f64::from(height) + pad),
        ],
        PAPER.mix(0.85).filled(),
    ))
    .and_then(|_| {
        root.draw(&Text::new(
            label,
            corner(left, top),
            font.clone().pos(Pos::new(HPos::Left, VPos::Top)),
        ))
    })
    .map_err(plot_error)
}
