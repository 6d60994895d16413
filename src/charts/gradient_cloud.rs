//! The mini-batch gradients at θ′ on a data-defined loss, drawn as a cloud around the full gradient: how
//! noisy the steps SGD takes from here are, next to the one gradient descent takes.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::map::MapFrame;
use super::palette::{INK, PAPER};
use super::plot_error;
use crate::surface::Point;

/// The longest arrow of the cloud (or the full gradient, if longer), in CSS pixels.
pub const CLOUD_RADIUS: f64 = 70.0;

/// Mini-batch gradients at one point and the full gradient they scatter around.
#[derive(Debug, Clone, PartialEq)]
pub struct GradientCloud {
    /// θ′, where the gradients are taken.
    pub at: Point,
    /// The mini-batch gradients, in data units; a non-finite one is not drawn.
    pub samples: Vec<[f64; 2]>,
    /// ∇L over the whole training set, which the samples scatter around.
    pub full: [f64; 2],
}

/// The cloud's arrows in backend pixels from θ′, on one common scale (so their spread against the full
/// gradient is true; the bold gradient arrow drawn over the map shows only its direction): the samples that
/// are finite, then the full gradient. Empty when every arrow has zero length.
pub fn cloud_arrows(frame: &MapFrame, cloud: &GradientCloud) -> (Vec<[f64; 2]>, [f64; 2]) {
    let origin = frame.transform.to_pixel(cloud.at);
    // The transform is affine, so a gradient maps to the screen as the difference of two points.
    let on_screen = |g: [f64; 2]| {
        let tip = frame
            .transform
            .to_pixel([cloud.at[0] + g[0], cloud.at[1] + g[1]]);
        [tip[0] - origin[0], tip[1] - origin[1]]
    };
    let full = on_screen(cloud.full);
    let samples: Vec<[f64; 2]> = cloud
        .samples
        .iter()
        .map(|&g| on_screen(g))
        .filter(|d| d[0].is_finite() && d[1].is_finite())
        .collect();
    let longest = samples
        .iter()
        .chain([&full])
        .map(|d| d[0].hypot(d[1]))
        .filter(|l| l.is_finite())
        .fold(0.0, f64::max);
    if longest <= 0.0 {
        return (Vec::new(), [0.0; 2]);
    }
    let scale = frame.px(CLOUD_RADIUS) / longest;
    let scaled = |d: [f64; 2]| [d[0] * scale, d[1] * scale];
    (samples.into_iter().map(scaled).collect(), scaled(full))
}

/// Draws the cloud: each mini-batch gradient as a faint arrow from θ′ with a dot at its tip, and a ring at
/// the full gradient's tip. Returns how many mini-batch gradients were drawn.
pub fn draw_gradient_cloud<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    frame: &MapFrame,
    cloud: &GradientCloud,
) -> Result<usize, String> {
    let (samples, full) = cloud_arrows(frame, cloud);
    if samples.is_empty() {
        return Ok(0);
    }
    let origin = frame.transform.to_pixel(cloud.at);
    let tip = |d: [f64; 2]| {
        (
            (origin[0] + d[0]).round() as i32,
            (origin[1] + d[1]).round() as i32,
        )
    };
    let start = (origin[0].round() as i32, origin[1].round() as i32);
    // White with a dark rim: legible on the dark floor of the heat map and on its bright walls alike.
    let line = PAPER.mix(0.55).stroke_width(frame.px(1.0).max(1.0) as u32);
    let rim = INK.mix(0.6).stroke_width(1);
    let dot = frame.px(2.5) as i32;
    for sample in &samples {
        let end = tip(*sample);
        root.draw(&PathElement::new(vec![start, end], line))
            .and_then(|_| root.draw(&Circle::new(end, dot, PAPER.filled())))
            .and_then(|_| root.draw(&Circle::new(end, dot, rim)))
            .map_err(plot_error)?;
    }
    let ring = frame.px(4.5) as i32;
    let full_tip = tip(full);
    root.draw(&Circle::new(full_tip, ring, PAPER.filled()))
        .and_then(|_| {
            root.draw(&Circle::new(
                full_tip,
                ring,
                INK.stroke_width(frame.px(1.5) as u32),
            ))
        })
        .map_err(plot_error)?;
    Ok(samples.len())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bounds::Bounds;

    #[test]
    fn arrows_share_one_scale_and_the_longest_is_the_cloud_radius() {
        let bounds = Bounds::new(-2.0, 2.0, -2.0, 2.0).expect("a box");
        let frame = MapFrame::new(bounds, 600.0, 600.0, 2.0);
        let cloud = GradientCloud {
            at: [0.0, 0.0],
            samples: vec![[1.0, 0.0], [0.0, -2.0], [f64::NAN, 1.0]],
            full: [0.5, 0.5],
        };
        let (samples, full) = cloud_arrows(&frame, &cloud);
        assert_eq!(samples.len(), 2, "the NaN sample is left out");
        let length = |d: [f64; 2]| d[0].hypot(d[1]);
        // Pixels per unit along x and y (the plot area is not square).
        let area = frame.transform.area;
        let (per_x, per_y) = (area.width / 4.0, area.height / 4.0);
        // (0, −2) is the longest on screen: it gets the whole radius, at the frame's scale of 2.
        assert!((length(samples[1]) - 2.0 * CLOUD_RADIUS).abs() < 1e-9);
        let scale = 2.0 * CLOUD_RADIUS / (2.0 * per_y);
        assert!((samples[0][0] - per_x * scale).abs() < 1e-9 && samples[0][1].abs() < 1e-9);
        // Screen y points down: a gradient (0, −2) is an arrow pointing down the screen.
        assert!(samples[1][1] > 0.0);
        assert!((full[0] - 0.5 * per_x * scale).abs() < 1e-9);
        assert!((full[1] + 0.5 * per_y * scale).abs() < 1e-9);
    }
}
