//! The map's pixel ↔ data transform: drawing, clicking, zooming and panning all go through it.

use crate::bounds::Bounds;
use crate::surface::Point;

/// Narrowest box side zooming allows: below it f64 runs out of digits for the ticks.
pub const MIN_SPAN: f64 = 1e-9;
/// Widest box side zooming allows.
pub const MAX_SPAN: f64 = 1e9;

/// The rectangle inside the canvas where the map is drawn, in CSS pixels (y grows downwards).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PlotArea {
    pub left: f64,
    pub top: f64,
    pub width: f64,
    pub height: f64,
}

/// Maps the data box onto the plot area: `x_min` at the left edge, `y_max` at the top.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapTransform {
    pub bounds: Bounds,
    pub area: PlotArea,
}

impl MapTransform {
    /// The pixel a data point is drawn at.
    pub fn to_pixel(&self, p: Point) -> [f64; 2] {
        let fx = (p[0] - self.bounds.x_min) / self.bounds.width();
        let fy = (self.bounds.y_max - p[1]) / self.bounds.height();
        [
            self.area.left + fx * self.area.width,
            self.area.top + fy * self.area.height,
        ]
    }

    /// The data point under a pixel; a degenerate (zero-size) plot area maps everything to the box centre.
    pub fn to_data(&self, pixel: [f64; 2]) -> Point {
        let [fx, fy] = self.fractions(pixel);
        [
            self.bounds.x_min + fx * self.bounds.width(),
            self.bounds.y_max - fy * self.bounds.height(),
        ]
    }

    /// The box after magnifying by `factor` (> 1 zooms in, < 1 out) about `pixel`, which keeps its data point.
    ///
    /// Each side is clamped to `[MIN_SPAN, MAX_SPAN]`; the current box comes back unchanged for a
    /// non-positive or non-finite factor, or when the new box would not be a valid [`Bounds`]
    /// (f64 cannot resolve it so far from the origin).
    pub fn zoomed(&self, pixel: [f64; 2], factor: f64) -> Bounds {
        if !(factor.is_finite() && factor > 0.0) {
            return self.bounds;
        }
        let [fx, fy] = self.fractions(pixel);
        let [x, y] = self.to_data(pixel);
        let width = (self.bounds.width() / factor).clamp(MIN_SPAN, MAX_SPAN);
        let height = (self.bounds.height() / factor).clamp(MIN_SPAN, MAX_SPAN);
        let x_min = x - fx * width;
        let y_max = y + fy * height;
        self.valid_or_current(x_min, x_min + width, y_max - height, y_max)
    }

    /// The box after dragging the map by `delta_pixels`: the content follows the pointer.
    pub fn panned(&self, delta_pixels: [f64; 2]) -> Bounds {
        let [fx, fy] = [
            delta_pixels[0] / self.area.width,
            delta_pixels[1] / self.area.height,
        ];
        if !(fx.is_finite() && fy.is_finite()) {
            return self.bounds;
        }
        let dx = fx * self.bounds.width();
        let dy = fy * self.bounds.height();
        let b = self.bounds;
        self.valid_or_current(b.x_min - dx, b.x_max - dx, b.y_min + dy, b.y_max + dy)
    }

    /// How far across (from the left) and down (from the top) of the plot area a pixel lies.
    fn fractions(&self, pixel: [f64; 2]) -> [f64; 2] {
        let fraction = |offset: f64, size: f64| {
            let f = offset / size;
            if f.is_finite() {
                f
            } else {
                0.5
            }
        };
        [
            fraction(pixel[0] - self.area.left, self.area.width),
            fraction(pixel[1] - self.area.top, self.area.height),
        ]
    }

    fn valid_or_current(&self, x_min: f64, x_max: f64, y_min: f64, y_max: f64) -> Bounds {
        Bounds::new(x_min, x_max, y_min, y_max).unwrap_or(self.bounds)
    }
}
