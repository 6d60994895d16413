//! Values to colours: the viridis map, the colour scale that spreads a surface over it, and heatmap pixels.

use super::grid::Grid;
use super::nice::{nice_ticks, power_of_ten};

/// Every 5th entry of matplotlib's 256-entry viridis table (van der Walt & Smith, CC0), in sRGB bytes.
///
/// 52 anchors with linear interpolation stay within one byte of the full table everywhere.
#[rustfmt::skip]
const VIRIDIS: [[u8; 3]; 52] = [
    [68, 1, 84], [70, 8, 92], [71, 16, 99], [72, 23, 105], [72, 29, 111], [72, 36, 117],
    [71, 42, 122], [70, 48, 126], [69, 55, 129], [67, 61, 132], [65, 66, 135], [63, 72, 137],
    [61, 78, 138], [58, 83, 139], [56, 89, 140], [53, 94, 141], [51, 99, 141], [49, 104, 142],
    [46, 109, 142], [44, 113, 142], [42, 118, 142], [41, 123, 142], [39, 128, 142], [37, 132, 142],
    [35, 137, 142], [33, 142, 141], [32, 146, 140], [31, 151, 139], [30, 156, 137], [31, 161, 136],
    [33, 165, 133], [36, 170, 131], [40, 174, 128], [46, 179, 124], [53, 183, 121], [61, 188, 116],
    [70, 192, 111], [80, 196, 106], [90, 200, 100], [101, 203, 94], [112, 207, 87], [124, 210, 80],
    [137, 213, 72], [149, 216, 64], [162, 218, 55], [176, 221, 47], [189, 223, 38], [202, 225, 31],
    [216, 226, 25], [229, 228, 25], [241, 229, 29], [253, 231, 37],
];

/// Viridis at `t ∈ [0, 1]` (clamped; NaN counts as 0): dark purple (low) through teal to yellow (high).
///
/// Perceptually uniform and monotone in lightness, so equal value steps look equal and the map
/// still reads in greyscale and for the common colour-vision deficiencies.
pub fn viridis(t: f64) -> [u8; 3] {
    let t = if t.is_nan() { 0.0 } else { t.clamp(0.0, 1.0) };
    let scaled = t * (VIRIDIS.len() - 1) as f64;
    let lower = (scaled as usize).min(VIRIDIS.len() - 2);
    let fraction = scaled - lower as f64;
    let (from, to) = (VIRIDIS[lower], VIRIDIS[lower + 1]);
    std::array::from_fn(|channel| {
        let (a, b) = (f64::from(from[channel]), f64::from(to[channel]));
        (a + (b - a) * fraction).round() as u8
    })
}

/// Where the surface is undefined: a light neutral grey.
///
/// Viridis never goes grey (its chroma stays high from end to end), and this grey is lighter than
/// viridis' dark-to-middle range and lacks the yellow of its light end, so it stays distinct under
/// protanopia, deuteranopia and tritanopia alike.
pub const UNDEFINED_RGB: [u8; 3] = [200, 200, 200];

/// Below these percentiles and above their mirror, values are clamped to the ends of the map,
/// so a single spike (Rosenbrock's corners, 1/x near 0) does not wash the rest out.
const LOW_PERCENTILE: f64 = 0.02;
const HIGH_PERCENTILE: f64 = 0.98;

/// Percentiles are taken over at most about this many evenly strided values: plenty to place the
/// 2nd and 98th percentiles, and it keeps the scale of a 512² grid cheap enough to redo every frame.
const PERCENTILE_SAMPLES: usize = 65_536;

/// A scale goes logarithmic when its values are ≥ 0 and span at least this ratio (three decades).
const LOGARITHMIC_RATIO: f64 = 1e3;

/// How values map onto the colour map: `low` → 0, `high` → 1, linearly or in log space.
///
/// A valid scale has `low < high`, and `low > 0` when logarithmic; [`ColorScale::for_grid`] makes only those.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ColorScale {
    /// The value shown as viridis' dark end; lower values are clamped to it.
    pub low: f64,
    /// The value shown as viridis' light end; higher values are clamped to it.
    pub high: f64,
    /// Whether values are spread by log L, so several decades of a positive loss each get their share of colour.
    pub logarithmic: bool,
}

impl ColorScale {
    /// The scale that shows a grid best.
    ///
    /// Spans the 2nd to 98th percentile of the finite values (the full range if that is flat,
    /// `value ± max(|value|, 1)/2` if the surface is constant, `0..1` if nothing is finite).
    /// Logarithmic when no value is negative, the 2nd percentile is positive and the 98th is at least
    /// 1000× it: loss surfaces like Rosenbrock's spread their interesting valley over the low decades.
    pub fn for_grid(grid: &Grid) -> ColorScale {
        let stride = (grid.values.len() / PERCENTILE_SAMPLES).max(1);
        let mut finite = Vec::with_capacity(grid.values.len().div_ceil(stride));
        finite.extend(
            grid.values
                .iter()
                .step_by(stride)
                .copied()
                .filter(|v| v.is_finite()),
        );
        let Some((minimum, maximum)) = grid.value_range() else {
            return ColorScale::linear(0.0, 1.0);
        };
        let (low, high) = percentiles(&mut finite).unwrap_or((minimum, maximum));
        if minimum >= 0.0 && low > 0.0 && high >= LOGARITHMIC_RATIO * low {
            return ColorScale {
                low,
                high,
                logarithmic: true,
            };
        }
        if low < high {
            ColorScale::linear(low, high)
        } else if minimum < maximum {
            ColorScale::linear(minimum, maximum)
        } else {
            let pad = 0.5 * minimum.abs().max(1.0);
            ColorScale::linear(minimum - pad, minimum + pad)
        }
    }

    fn linear(low: f64, high: f64) -> ColorScale {
        ColorScale {
            low,
            high,
            logarithmic: false,
        }
    }

    /// Where a value sits on the colour map, in `[0, 1]`; values beyond the scale clamp to its ends.
    ///
    /// NaN gives 0 (callers colour undefined values with [`UNDEFINED_RGB`] before asking), and even
    /// a hand-built invalid scale answers inside `[0, 1]`.
    pub fn position(&self, value: f64) -> f64 {
        Normalization::of(self).position(value)
    }

    /// The value at a position of the colour map: the inverse of [`ColorScale::position`] inside the scale.
    pub fn value_at(&self, position: f64) -> f64 {
        if self.uses_logarithm() {
            self.low * (self.high / self.low).powf(position)
        } else {
            self.low + (self.high - self.low) * position
        }
    }

    /// Round values inside the scale for a colour bar, about `count` of them.
    ///
    /// Logarithmic scales get powers of ten (every k-th decade when there are many), or plain
    /// round values when fewer than two powers of ten fall inside.
    pub fn ticks(&self, count: usize) -> Vec<f64> {
        if self.uses_logarithm() && count > 0 {
            let decades = self.powers_of_ten_inside();
            if decades.len() >= 2 {
                let stride = decades.len().div_ceil(count);
                return decades.into_iter().step_by(stride).collect();
            }
        }
        nice_ticks(self.low, self.high, count)
    }

    fn uses_logarithm(&self) -> bool {
        self.logarithmic && self.low > 0.0 && self.high > self.low
    }

    fn powers_of_ten_inside(&self) -> Vec<f64> {
        let first = self.low.log10().floor() as i32;
        let last = self.high.log10().ceil() as i32;
        let slack = 1e-12;
        (first..=last)
            .map(power_of_ten)
            .filter(|&v| v >= self.low * (1.0 - slack) && v <= self.high * (1.0 + slack))
            .collect()
    }
}

/// The [`LOW_PERCENTILE`] and [`HIGH_PERCENTILE`] values (nearest rank) in O(n); `finite` is reordered.
///
/// The high one is selected first; the low one lies among the values left below it, so the second
/// selection only reorders that part.
fn percentiles(finite: &mut [f64]) -> Option<(f64, f64)> {
    let last = finite.len().checked_sub(1)?;
    let rank = |p: f64| (((last as f64) * p).round() as usize).min(last);
    let (below, &mut high, _) =
        finite.select_nth_unstable_by(rank(HIGH_PERCENTILE), f64::total_cmp);
    let low_rank = rank(LOW_PERCENTILE);
    let low = if low_rank < below.len() {
        *below.select_nth_unstable_by(low_rank, f64::total_cmp).1
    } else {
        high
    };
    Some((low, high))
}

/// [`ColorScale::position`] with its logarithms and division done once, for per-pixel use.
struct Normalization {
    logarithmic: bool,
    offset: f64,
    inverse_span: f64,
}

impl Normalization {
    fn of(scale: &ColorScale) -> Normalization {
        let logarithmic = scale.uses_logarithm();
        let (low, high) = if logarithmic {
            (scale.low.ln(), scale.high.ln())
        } else {
            (scale.low, scale.high)
        };
        Normalization {
            logarithmic,
            offset: low,
            inverse_span: 1.0 / (high - low),
        }
    }

    fn position(&self, value: f64) -> f64 {
        let value = if self.logarithmic { value.ln() } else { value };
        let t = (value - self.offset) * self.inverse_span;
        if t.is_nan() {
            0.0
        } else {
            t.clamp(0.0, 1.0)
        }
    }
}

/// Colours a heatmap is quantized to, as in matplotlib's viridis: finer steps are invisible.
const PALETTE_SIZE: usize = 256;

/// RGBA bytes for one canvas `ImageData`: 4 per grid value in the grid's row order, alpha 255,
/// [`UNDEFINED_RGB`] where the surface is undefined.
///
/// Colours come from a 256-entry viridis palette built once per call. On a linear scale a pixel costs one
/// normalization and one lookup; on a logarithmic one, a binary search among the 255 values where the colour
/// steps (a logarithm per pixel is a software routine in wasm, and the heatmap has ~70 000 of them).
pub fn heatmap_rgba(grid: &Grid, scale: &ColorScale) -> Vec<u8> {
    let top = (PALETTE_SIZE - 1) as f64;
    let palette: [[u8; 3]; PALETTE_SIZE] = std::array::from_fn(|i| viridis(i as f64 / top));
    let normalization = Normalization::of(scale);
    // Entry k starts where the position, rounded to the nearest of 256 steps, reaches k.
    let steps: Vec<f64> = if normalization.logarithmic {
        (1..PALETTE_SIZE)
            .map(|k| scale.value_at((k as f64 - 0.5) / top))
            .collect()
    } else {
        Vec::new()
    };
    let mut rgba = Vec::with_capacity(grid.values.len() * 4);
    for &value in &grid.values {
        let [r, g, b] = if !value.is_finite() {
            UNDEFINED_RGB
        } else if normalization.logarithmic {
            palette[steps.partition_point(|&step| step <= value)]
        } else {
            // Rounds the non-negative position by adding ½: `f64::round` is a libm call in wasm.
            let index = (normalization.position(value) * top + 0.5) as usize;
            palette[index.min(PALETTE_SIZE - 1)]
        };
        rgba.extend_from_slice(&[r, g, b, 255]);
    }
    rgba
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_are_the_nearest_ranks_of_the_sorted_values() {
        // 0, 7, 14, … mod 101: every value 0..=100 once, shuffled.
        let mut values: Vec<f64> = (0..101).map(|i| f64::from((i * 7) % 101)).collect();
        assert_eq!(percentiles(&mut values), Some((2.0, 98.0)));
        assert_eq!(percentiles(&mut [5.0]), Some((5.0, 5.0)));
        assert_eq!(percentiles(&mut [3.0, 1.0]), Some((1.0, 3.0)));
        assert_eq!(percentiles(&mut []), None);
    }

    #[test]
    fn a_log_scale_colours_each_value_by_its_rounded_position() {
        // Eight decades of values, none of them on a colour step; the ends clamp.
        let bounds = crate::bounds::Bounds::new(0.0, 1.0, 0.0, 1.0).expect("a box");
        let grid = Grid::from_fn(bounds, 97, 13, |[x, y]| {
            10f64.powf(8.0 * x - 4.0 + 0.01 * y)
        });
        let scale = ColorScale {
            low: 1e-3,
            high: 1e3,
            logarithmic: true,
        };
        let rgba = heatmap_rgba(&grid, &scale);
        for (value, pixel) in grid.values.iter().zip(rgba.chunks(4)) {
            let index = (scale.position(*value) * 255.0).round();
            assert_eq!(pixel[..3], viridis(index / 255.0), "at {value}");
        }
        assert_eq!(rgba[..3], viridis(0.0));
    }
}
