//! Every isolated critical point of a box: Newton on ∇L = 0 from a grid of seeds, de-duplicated and classified.

use super::continuum::{find_continuum, Continuum};
use super::gradient_root::{Root, RootSearch};
use super::{analyze, PointAnalysis, PointKind, LENGTH_TOLERANCE};
use crate::bounds::Bounds;
use crate::sorting::sort_by_number;
use crate::surface::{Derivatives, LossSurface, Point};

/// Seeds per side of the grid: enough for the camel's 15 points, cheap enough to rerun on every keystroke.
const SEEDS_PER_SIDE: usize = 24;

/// A seed's walk has arrived when ‖∇L‖ is below this fraction of the largest gradient seen on the seed
/// grid, so that the search does not depend on the units of L. Whether the point it reached is critical
/// is then the second-order test's call, like anywhere else.
const RELATIVE_GRADIENT_TOLERANCE: f64 = 1e-10;

/// Newton stops once its next step is shorter than this fraction of the box diagonal (and than a tenth of
/// [`LENGTH_TOLERANCE`], so the point it stops at is close enough to be judged critical).
const RELATIVE_STEP_TOLERANCE: f64 = 1e-9;

/// Two converged seeds closer than this fraction of the box diagonal found the same point.
const RELATIVE_DUPLICATE_DISTANCE: f64 = 1e-5;

/// A point this far outside the box (as a fraction of its sides) is rounding, not outside: it is moved onto the edge.
const RELATIVE_EDGE_SLACK: f64 = 1e-9;

/// One critical point with the Hessian's verdict.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CriticalPoint {
    /// Where it is, inside the box.
    pub at: Point,
    /// L there.
    pub value: f64,
    /// λ₁ ≤ λ₂ of the Hessian.
    pub eigenvalues: [f64; 2],
    /// `eigenvectors[i]` is the unit eigenvector of `eigenvalues[i]`.
    pub eigenvectors: [[f64; 2]; 2],
    /// The second-order test's verdict: never [`PointKind::Regular`] or [`PointKind::Undefined`].
    pub kind: PointKind,
    /// The second-order test proves it is not a local minimum: an eigenvalue is clearly negative (true
    /// for every saddle and maximum, and for a degenerate point with λ₁ < −ε·Λ).
    pub not_a_minimum: bool,
}

/// The critical points of a box, sorted by x then y, and any curve or region of them that cannot be listed.
#[derive(Debug, Clone, PartialEq)]
pub struct CriticalPoints {
    /// The isolated critical points, by x then y.
    pub points: Vec<CriticalPoint>,
    /// The critical points that lie on a curve or region rather than alone, summarized; `None` if there are none.
    pub continuum: Option<Continuum>,
}

/// Finds the critical points of `surface` inside `bounds`.
///
/// Isolated points are listed; where the gradient vanishes along a whole curve (the lecture's valley
/// xy = 1) or region (a constant), those points are summarized as a [`Continuum`] instead of flooding
/// the list. Undefined regions simply contribute nothing.
pub fn find_critical_points<S: LossSurface + ?Sized>(
    surface: &S,
    bounds: &Bounds,
) -> CriticalPoints {
    let (search, seeds) = seeded_search(surface, bounds);
    let roots = seeds
        .into_iter()
        .filter_map(|(seed, derivatives)| {
            search.converge_from_evaluated(surface, seed, derivatives)
        })
        .filter_map(|root| onto_box(root, bounds));
    let found: Vec<PointAnalysis> = deduplicate(roots, diagonal(bounds))
        .into_iter()
        .map(|root| analyze(surface, root.at))
        .filter(|analysis| analysis.kind.is_critical())
        .collect();
    let (isolated, continuum) = find_continuum(surface, &search, bounds, found);
    let mut points: Vec<CriticalPoint> = isolated.iter().map(CriticalPoint::from).collect();
    // By x, then y: sorted by y first, the stable sort by x keeps that order among equal x.
    sort_by_number(&mut points, |point| point.at[1]);
    sort_by_number(&mut points, |point| point.at[0]);
    CriticalPoints { points, continuum }
}

/// The critical point that Newton on ∇L = 0 reaches from `near`, when it lies within `reach` of it and the
/// second-order test calls it critical; tolerances as for [`find_critical_points`] on `bounds`.
///
/// A click on a whole curve of critical points (the lecture's valley w₁w₂ = 1, which is not marked point
/// by point) lands a hair off it, where ∇L ≠ 0 and the verdict would be "regular point"; this puts it on
/// the curve, as a click near a marked point snaps onto that point.
pub fn critical_point_near<S: LossSurface + ?Sized>(
    surface: &S,
    bounds: &Bounds,
    near: Point,
    reach: f64,
) -> Option<PointAnalysis> {
    let (search, _) = seeded_search(surface, bounds);
    let root = search.converge_from(surface, near)?;
    let distance = (root.at[0] - near[0]).hypot(root.at[1] - near[1]);
    let analysis = analyze(surface, root.at);
    (distance <= reach && analysis.kind.is_critical()).then_some(analysis)
}

impl From<&PointAnalysis> for CriticalPoint {
    fn from(analysis: &PointAnalysis) -> CriticalPoint {
        CriticalPoint {
            at: analysis.at,
            value: analysis.derivatives.value,
            eigenvalues: analysis.eigen.values,
            eigenvectors: analysis.eigen.vectors,
            kind: analysis.kind,
            not_a_minimum: analysis.not_a_minimum() == Some(true),
        }
    }
}

pub(super) fn diagonal(bounds: &Bounds) -> f64 {
    bounds.width().hypot(bounds.height())
}

/// The root search for `bounds`, with the seed grid's points and derivatives it was scaled by.
pub(super) fn seeded_search<S: LossSurface + ?Sized>(
    surface: &S,
    bounds: &Bounds,
) -> (RootSearch, Vec<(Point, Derivatives)>) {
    let seeds: Vec<(Point, Derivatives)> = seed_grid(bounds)
        .map(|seed| (seed, surface.derivatives(seed)))
        .collect();
    let largest_gradient = seeds
        .iter()
        .filter(|(_, derivatives)| derivatives.is_finite())
        .map(|(_, derivatives)| derivatives.gradient_norm())
        .fold(0.0, f64::max);
    (root_search(bounds, largest_gradient), seeds)
}

/// Tolerances scaled to the box and to how steep the surface is on it.
fn root_search(bounds: &Bounds, largest_gradient: f64) -> RootSearch {
    let diagonal = diagonal(bounds);
    RootSearch {
        accept: RELATIVE_GRADIENT_TOLERANCE * largest_gradient,
        step_tolerance: (RELATIVE_STEP_TOLERANCE * diagonal).min(0.1 * LENGTH_TOLERANCE),
        max_step: 0.5 * diagonal,
        // Newton may detour outside the box on its way to a point inside; one box-size of margin allows that.
        reach: Bounds {
            x_min: bounds.x_min - bounds.width(),
            x_max: bounds.x_max + bounds.width(),
            y_min: bounds.y_min - bounds.height(),
            y_max: bounds.y_max + bounds.height(),
        },
    }
}

/// Cell centres of an even grid, plus the box centre, where a symmetric surface tends to keep its most interesting point.
fn seed_grid(bounds: &Bounds) -> impl Iterator<Item = Point> + '_ {
    let cell =
        |min: f64, size: f64, i: usize| min + size * (i as f64 + 0.5) / SEEDS_PER_SIDE as f64;
    std::iter::once(bounds.center()).chain((0..SEEDS_PER_SIDE).flat_map(move |i| {
        (0..SEEDS_PER_SIDE).map(move |j| {
            [
                cell(bounds.x_min, bounds.width(), i),
                cell(bounds.y_min, bounds.height(), j),
            ]
        })
    }))
}

/// Keeps a root inside the box, snapping one that missed an edge by rounding onto it.
fn onto_box(root: Root, bounds: &Bounds) -> Option<Root> {
    let slack_x = RELATIVE_EDGE_SLACK * bounds.width();
    let slack_y = RELATIVE_EDGE_SLACK * bounds.height();
    let [x, y] = root.at;
    let inside = (bounds.x_min - slack_x..=bounds.x_max + slack_x).contains(&x)
        && (bounds.y_min - slack_y..=bounds.y_max + slack_y).contains(&y);
    inside.then(|| Root {
        at: [
            x.clamp(bounds.x_min, bounds.x_max),
            y.clamp(bounds.y_min, bounds.y_max),
        ],
        ..root
    })
}

/// One root per point: among seeds that converged to the same place, the one with the smallest gradient.
fn deduplicate(roots: impl Iterator<Item = Root>, diagonal: f64) -> Vec<Root> {
    let radius = RELATIVE_DUPLICATE_DISTANCE * diagonal;
    let mut distinct: Vec<Root> = Vec::new();
    for root in roots {
        let same = distinct
            .iter_mut()
            .find(|known| (known.at[0] - root.at[0]).hypot(known.at[1] - root.at[1]) <= radius);
        match same {
            Some(known) if root.gradient_norm < known.gradient_norm => *known = root,
            Some(_) => {}
            None => distinct.push(root),
        }
    }
    distinct
}
