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
    /// Left edge, from the canvas's left.
    pub left: f64,
    /// Top edge, from the canvas's top.
    pub top: f64,
    /// Width; a zero-size area maps every pixel to the box centre.
    pub width: f64,
    /// Height.
    pub height: f64,
}

/// Maps the data box onto the plot area: `x_min` at the left edge, `y_max` at the top.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapTransform {
    /// The data box shown.
    pub bounds: Bounds,
    /// Where on the canvas it is shown.
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

    /// A data point rounded to the digits this view resolves: to a power of ten no larger than one pixel
    /// along each axis. A link then says `pt=0.352,-0.1` for a click, not 17 digits the eye never chose, and
    /// the point stays within half a pixel of where it was put.
    pub fn resolved(&self, p: Point) -> Point {
        let [x, y] = self.pixel_size(&self.bounds);
        [round_to_resolution(p[0], x), round_to_resolution(p[1], y)]
    }

    /// `bounds` (a pan or zoom of this view) with its edges rounded as [`MapTransform::resolved`] rounds a
    /// point, at the pixel size `bounds` itself has on this plot area; `bounds` as it is if rounding would
    /// make it invalid.
    pub fn resolved_bounds(&self, bounds: Bounds) -> Bounds {
        let [x, y] = self.pixel_size(&bounds);
        Bounds::new(
            round_to_resolution(bounds.x_min, x),
            round_to_resolution(bounds.x_max, x),
            round_to_resolution(bounds.y_min, y),
            round_to_resolution(bounds.y_max, y),
        )
        .unwrap_or(bounds)
    }

    /// `p` moved by `delta` pixels (y down, as on screen), kept inside the box and rounded as
    /// [`MapTransform::resolved`] rounds it: a keyboard's step of θ′.
    pub fn nudged(&self, p: Point, delta: [f64; 2]) -> Point {
        let [x, y] = self.pixel_size(&self.bounds);
        let b = self.bounds;
        self.resolved([
            (p[0] + delta[0] * x).clamp(b.x_min, b.x_max),
            (p[1] - delta[1] * y).clamp(b.y_min, b.y_max),
        ])
    }

    /// Data units per pixel of the plot area along x and y, for a box shown on it; a plot area with no width
    /// or height (a hidden canvas) counts as one pixel, so nothing becomes 0·∞ = NaN.
    fn pixel_size(&self, bounds: &Bounds) -> [f64; 2] {
        [
            bounds.width() / self.area.width.max(1.0),
            bounds.height() / self.area.height.max(1.0),
        ]
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

/// `value` rounded to a multiple of the largest power of ten not above `resolution` (itself when either is
/// not a finite positive number). The result is the double nearest that decimal, so the link's shortest
/// round-trip formatting writes exactly those digits.
pub fn round_to_resolution(value: f64, resolution: f64) -> f64 {
    if !(value.is_finite() && resolution.is_finite() && resolution > 0.0) {
        return value;
    }
    let exponent = resolution.log10().floor() as i32;
    let rounded = if exponent < 0 {
        // Dividing by an exact power of ten (up to 10²²) rounds once, to the nearest double.
        let scale = 10f64.powi(-exponent);
        (value * scale).round() / scale
    } else {
        let unit = 10f64.powi(exponent);
        (value / unit).round() * unit
    };
    if rounded.is_finite() {
        rounded
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [−2, 2]² on a 500 × 400 px plot area: 0.008 units per pixel across, 0.01 down.
    fn view() -> MapTransform {
        MapTransform {
            bounds: Bounds::new(-2.0, 2.0, -2.0, 2.0).expect("a box"),
            area: PlotArea {
                left: 50.0,
                top: 10.0,
                width: 500.0,
                height: 400.0,
            },
        }
    }

    #[test]
    fn a_clicked_point_keeps_the_digits_a_pixel_resolves() {
        let clicked = view().to_data([50.0 + 293.0, 10.0 + 171.0]);
        assert_eq!(clicked, [0.34399999999999986, 0.29000000000000004]);
        // x to 0.001 (a pixel is 0.008 wide), y to 0.01 (a pixel is exactly 0.01 tall).
        assert_eq!(view().resolved(clicked), [0.344, 0.29]);
        assert_eq!(format!("{}", view().resolved(clicked)[0]), "0.344");
        let [x, y] = view().resolved([0.352_173_913_043_478, -0.1234]);
        assert_eq!((x, y), (0.352, -0.12));
    }

    #[test]
    fn rounding_stays_within_half_a_pixel() {
        for (value, resolution) in [
            (1.23456789, 0.0037),
            (-987.654, 3.2),
            (0.5e-7, 2.5e-9),
            (1234.5, 250.0),
        ] {
            let rounded = round_to_resolution(value, resolution);
            assert!(
                (rounded - value).abs() <= 0.5 * resolution,
                "{value} → {rounded}"
            );
        }
        assert_eq!(round_to_resolution(1234.5, 250.0), 1200.0);
        assert_eq!(round_to_resolution(-987.654, 3.2), -988.0);
        assert_eq!(round_to_resolution(1.23456789, 0.0037), 1.235);
        // Nothing to round by: the value as it is.
        assert_eq!(round_to_resolution(0.1 + 0.2, 0.0), 0.1 + 0.2);
        assert_eq!(round_to_resolution(0.1 + 0.2, f64::NAN), 0.1 + 0.2);
    }

    #[test]
    fn a_panned_box_is_rounded_at_its_own_pixel_size() {
        let panned = view().panned([13.0, -7.0]);
        assert_eq!(
            view().resolved_bounds(panned),
            Bounds::new(-2.104, 1.896, -2.07, 1.93).expect("a box")
        );
        // Zoomed in 1000×, the same pixel resolves 1000× finer.
        let zoomed = view().zoomed([300.0, 210.0], 1000.0);
        let rounded = view().resolved_bounds(zoomed);
        assert!((rounded.width() - zoomed.width()).abs() <= 1e-5);
        assert!(format!("{}", rounded.x_min).len() <= 9, "{rounded:?}");
    }

    #[test]
    fn a_nudge_moves_by_pixels_and_stays_in_the_box() {
        // 10 px right and 10 px up (screen y grows down).
        assert_eq!(view().nudged([0.3, 0.2], [10.0, -10.0]), [0.38, 0.3]);
        // Fine steps: one pixel.
        assert_eq!(view().nudged([0.3, 0.2], [1.0, 0.0]), [0.308, 0.2]);
        assert_eq!(view().nudged([1.99, -1.95], [10.0, 10.0]), [2.0, -2.0]);
        // On a plot area with no size (a hidden canvas) the other coordinate stays a number.
        let hidden = MapTransform {
            area: PlotArea {
                width: 0.0,
                height: 0.0,
                ..view().area
            },
            ..view()
        };
        let moved = hidden.nudged([0.3, 0.2], [1.0, 0.0]);
        assert!(moved.iter().all(|c| c.is_finite()), "{moved:?}");
    }
}
