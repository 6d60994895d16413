//! Curvature at a glance: each cell of the box coloured by which way the surface bends there.
//!
//! The class comes from the signs of the exact Hessian's eigenvalues at the cell centre: both
//! positive bends up like a bowl, both negative down like a cap, mixed signs like a saddle. This is
//! the second-order test applied everywhere, not only where ∇L = 0, so a student sees the regions a
//! critical point would be a minimum, maximum or saddle in, and the curves between them where an
//! eigenvalue crosses zero.
//!
//! Shading uses the shape ratio min|λ| / max|λ| ∈ [0, 1], not |λ| itself: the ratio is scale-free, so
//! one cell's colour never depends on the steepest spot elsewhere in the box (a Rosenbrock wall would
//! wash out everything else), and it fades exactly where the class is about to change. Full colour:
//! equally curved both ways; pale: nearly flat in one direction (a valley floor, a ridge line).

use std::ops::Range;

use super::grid::{clamp_side, column_x, row_y};
use super::UNDEFINED_RGB;
use crate::bounds::Bounds;
use crate::surface::LossSurface;

/// Which way the surface bends at a point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CurvatureClass {
    /// Both eigenvalues ≥ 0 (one may be ~0): curves up in every direction.
    Bowl,
    /// Both eigenvalues ≤ 0 (one may be ~0): curves down in every direction.
    Cap,
    /// One eigenvalue < 0 < the other: up one way, down the other.
    SaddleLike,
    /// Both eigenvalues are 0: a plane, no curvature at all.
    Flat,
    /// L or its Hessian is not finite here.
    Undefined,
}

impl CurvatureClass {
    /// In legend order.
    pub const ALL: [CurvatureClass; 5] = [
        CurvatureClass::Bowl,
        CurvatureClass::Cap,
        CurvatureClass::SaddleLike,
        CurvatureClass::Flat,
        CurvatureClass::Undefined,
    ];

    /// Stable kebab-case name, for CSS classes and tests.
    pub fn name(self) -> &'static str {
        match self {
            CurvatureClass::Bowl => "bowl",
            CurvatureClass::Cap => "cap",
            CurvatureClass::SaddleLike => "saddle-like",
            CurvatureClass::Flat => "flat",
            CurvatureClass::Undefined => "undefined",
        }
    }

    /// The legend colour, at full strength.
    ///
    /// Bowl, cap and saddle take blue, orange and reddish purple from the Okabe–Ito palette, chosen to
    /// stay apart under protanopia, deuteranopia and tritanopia; none of them is read as "high" or "low"
    /// the way the viridis heat map is. Flat is near-white (the limit of the paling), undefined the
    /// heat map's own grey.
    pub fn rgb(self) -> [u8; 3] {
        match self {
            CurvatureClass::Bowl => [0, 114, 178],
            CurvatureClass::Cap => [230, 159, 0],
            CurvatureClass::SaddleLike => [204, 121, 167],
            CurvatureClass::Flat => [245, 245, 245],
            CurvatureClass::Undefined => UNDEFINED_RGB,
        }
    }
}

/// An eigenvalue counts as zero when |λ| ≤ this · max|λ|.
///
/// Relative, because a loss's scale is arbitrary; tiny, because it only has to absorb rounding, such as
/// the ±1e-16 that the exactly-zero eigenvalue on (1 − xy)²'s valley of minima comes out as.
pub const FLAT_RATIO: f64 = 1e-9;

/// The palest a bowl, cap or saddle cell gets (its share of class colour over white), so the class
/// stays recognisable even where one direction is nearly flat.
const MIN_STRENGTH: f64 = 0.35;

/// The eigenvalues of a symmetric 2×2 matrix, ascending, in closed form; `None` if any entry is not finite.
///
/// The map needs no eigenvectors, and this is several times cheaper than a general decomposition.
pub fn hessian_eigenvalues(hessian: [[f64; 2]; 2]) -> Option<[f64; 2]> {
    let [[a, b], [_, d]] = hessian;
    let mean = 0.5 * (a + d);
    let radius = (0.5 * (a - d)).hypot(b);
    let values = [mean - radius, mean + radius];
    values.iter().all(|v| v.is_finite()).then_some(values)
}

/// The class of a point whose Hessian has these eigenvalues (in any order).
pub fn curvature_class(eigenvalues: [f64; 2]) -> CurvatureClass {
    if !eigenvalues.iter().all(|v| v.is_finite()) {
        return CurvatureClass::Undefined;
    }
    let scale = eigenvalues[0].abs().max(eigenvalues[1].abs());
    let [low, high] = sorted(eigenvalues).map(|v| {
        if v.abs() <= FLAT_RATIO * scale {
            0.0
        } else {
            v
        }
    });
    if low == 0.0 && high == 0.0 {
        CurvatureClass::Flat
    } else if low >= 0.0 {
        CurvatureClass::Bowl
    } else if high <= 0.0 {
        CurvatureClass::Cap
    } else {
        CurvatureClass::SaddleLike
    }
}

/// min|λ| / max|λ|: 1 when both directions bend equally, 0 when one is flat; 0 for a plane.
pub fn shape_ratio(eigenvalues: [f64; 2]) -> f64 {
    let [a, b] = eigenvalues.map(f64::abs);
    let ratio = a.min(b) / a.max(b);
    if ratio.is_finite() {
        ratio
    } else {
        0.0
    }
}

/// The colour of a point with these eigenvalues: its class colour, paled towards white as the shape
/// ratio falls (the square root spreads the common small ratios over more of the range).
pub fn curvature_rgb(eigenvalues: [f64; 2]) -> [u8; 3] {
    let class = curvature_class(eigenvalues);
    let colour = class.rgb();
    if matches!(class, CurvatureClass::Flat | CurvatureClass::Undefined) {
        return colour;
    }
    let strength = MIN_STRENGTH + (1.0 - MIN_STRENGTH) * shape_ratio(eigenvalues).sqrt();
    colour.map(|channel| {
        let channel = f64::from(channel);
        (255.0 + (channel - 255.0) * strength).round() as u8
    })
}

/// Most cells along a side of the curvature map: each cell is its own exact Hessian, so ~25k of them (tens of
/// milliseconds in the browser) per redraw at this size.
pub const MAX_CURVATURE_SIDE: usize = 160;

/// The curvature map's cells for a map whose heatmap of L has `(columns, rows)` cells: the same, at most
/// [`MAX_CURVATURE_SIDE`] a side. The page and `saddle render` both size it so.
pub fn curvature_grid((columns, rows): (usize, usize)) -> (usize, usize) {
    (
        columns.min(MAX_CURVATURE_SIDE),
        rows.min(MAX_CURVATURE_SIDE),
    )
}

/// RGBA pixels of the curvature map over `bounds`: `width × height` cells (each clamped to
/// `2..=MAX_GRID_SIDE`, like [`Grid`](super::Grid)), row 0 at the top, fully opaque.
///
/// One exact Hessian per cell centre: ~5 ms natively for a 128² map of the lecture's surface, ~20 ms for
/// Beale's; [`curvature_rows`] spreads a map over several frames.
pub fn curvature_rgba<S: LossSurface + ?Sized>(
    surface: &S,
    bounds: Bounds,
    width: usize,
    height: usize,
) -> Vec<u8> {
    curvature_rows(surface, bounds, width, height, 0..clamp_side(height))
}

/// The pixels of rows `rows` (clipped to the clamped height) of the map [`curvature_rgba`] draws, so the
/// page can fill the map a band at a time and stay responsive while the Hessians are computed.
pub fn curvature_rows<S: LossSurface + ?Sized>(
    surface: &S,
    bounds: Bounds,
    width: usize,
    height: usize,
    rows: Range<usize>,
) -> Vec<u8> {
    let (width, height) = (clamp_side(width), clamp_side(height));
    let rows = rows.start.min(height)..rows.end.min(height);
    let xs: Vec<f64> = (0..width)
        .map(|column| column_x(&bounds, width, column))
        .collect();
    let mut pixels = Vec::with_capacity(width * rows.len() * 4);
    for row in rows {
        let y = row_y(&bounds, height, row);
        for &x in &xs {
            let derivatives = surface.derivatives([x, y]);
            let rgb = if derivatives.value.is_finite() {
                hessian_eigenvalues(derivatives.hessian)
                    .map_or(CurvatureClass::Undefined.rgb(), curvature_rgb)
            } else {
                CurvatureClass::Undefined.rgb()
            };
            pixels.extend_from_slice(&[rgb[0], rgb[1], rgb[2], 255]);
        }
    }
    pixels
}

fn sorted([a, b]: [f64; 2]) -> [f64; 2] {
    if a <= b {
        [a, b]
    } else {
        [b, a]
    }
}
