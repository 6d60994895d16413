//! Curves and regions of critical points: recognized, then summarized as a shape, an example point and a few
//! points to draw (the words for the shape are each language's, in `i18n`).
//!
//! Along the lecture's valley xy = 1 every point is a minimum, so a grid of seeds converges to
//! hundreds of different points; listing them would bury the one saddle that matters.

use super::critical::diagonal;
use super::gradient_root::RootSearch;
use super::{analyze, curvature_signs, Eigen, EigenSign, PointAnalysis, PointKind};
use crate::bounds::Bounds;
use crate::sorting::sort_by_number;
use crate::surface::{LossSurface, Point};

/// How far (fraction of the box diagonal) to step along the flat direction of a degenerate point
/// to see whether another critical point lies there.
const RELATIVE_PROBE_DISTANCE: f64 = 1e-3;

/// Most points handed out to draw a continuum.
const MAX_SAMPLE: usize = 32;

/// Continua with fewer points than this are traced further: Newton on a homogeneous surface such as
/// x²y² runs every seed radially into the origin, so the seeds alone see one point of the two axes.
const TRACE_BELOW: usize = MAX_SAMPLE;

/// Points from which a sparse continuum is traced, and steps per direction: bound the extra work.
const TRACE_STARTS: usize = 4;
const TRACE_STEPS: usize = 32;

/// Sample points tried as the round example.
const EXAMPLE_CANDIDATES: usize = 8;

/// Grid steps (coarsest first) to which an example point is rounded when the rounded point is still on the continuum.
const ROUND_STEPS: [f64; 4] = [1.0, 0.5, 0.25, 0.1];

/// Critical points that are not isolated: a curve (valley floor, ridge) or a whole flat region.
#[derive(Debug, Clone, PartialEq)]
pub struct Continuum {
    /// A few points spread over the detected curve(s) or region, at most 32, nearest to the box centre first.
    pub sample: Vec<Point>,
    /// What the points are: `i18n` words it ("a curve of minima where the gradient vanishes …").
    pub shape: ContinuumShape,
    /// A short, round point of the continuum near the box centre, such as (1, 1) on the lecture's valley.
    pub example: Point,
}

/// Splits critical points into isolated ones and those lying on a continuum ([`on_continuum`]), which it
/// summarizes.
pub(super) fn find_continuum<S: LossSurface + ?Sized>(
    surface: &S,
    search: &RootSearch,
    bounds: &Bounds,
    found: Vec<PointAnalysis>,
) -> (Vec<PointAnalysis>, Option<Continuum>) {
    let probe_distance = RELATIVE_PROBE_DISTANCE * diagonal(bounds);
    let (members, isolated): (Vec<_>, Vec<_>) = found
        .into_iter()
        .partition(|analysis| on_continuum(surface, search, analysis, probe_distance));
    let continuum = (!members.is_empty()).then(|| {
        let mut members = members;
        if members.len() < TRACE_BELOW {
            let traced = trace_from(surface, search, bounds, &members);
            members.extend(traced);
        }
        summarize(surface, bounds, &members)
    });
    (isolated, continuum)
}

/// Whether a critical point lies on a continuum: it is degenerate, and Newton started `probe_distance`
/// along its flat eigenvector settles on a *different* critical point. At an isolated degenerate point
/// (x⁴ + y⁴, the monkey saddle) it comes back.
pub(super) fn on_continuum<S: LossSurface + ?Sized>(
    surface: &S,
    search: &RootSearch,
    analysis: &PointAnalysis,
    probe_distance: f64,
) -> bool {
    analysis.kind == PointKind::Degenerate
        && has_critical_neighbour(surface, search, analysis, probe_distance)
}

/// Walks along the continuum from its first few points, in both senses of every flat direction.
fn trace_from<S: LossSurface + ?Sized>(
    surface: &S,
    search: &RootSearch,
    bounds: &Bounds,
    members: &[PointAnalysis],
) -> Vec<PointAnalysis> {
    let step = diagonal(bounds) / TRACE_STEPS as f64;
    members
        .iter()
        .take(TRACE_STARTS)
        .flat_map(|start| trace_branch(surface, search, bounds, start, step, TRACE_STEPS))
        .collect()
}

/// The critical points met walking from `start` in both senses of every flat direction, at most `steps`
/// steps of length `step` each way, within `bounds`.
pub(super) fn trace_branch<S: LossSurface + ?Sized>(
    surface: &S,
    search: &RootSearch,
    bounds: &Bounds,
    start: &PointAnalysis,
    step: f64,
    steps: usize,
) -> Vec<PointAnalysis> {
    flat_directions(&start.eigen)
        .into_iter()
        .flat_map(|direction| [direction, [-direction[0], -direction[1]]])
        .flat_map(|heading| trace(surface, search, bounds, start, heading, step, steps))
        .collect()
}

/// One predictor–corrector walk: step along the flat direction, let Newton fall back onto the continuum.
/// Stops at the box edge, where the continuum ends, or where it meets a non-degenerate point.
fn trace<S: LossSurface + ?Sized>(
    surface: &S,
    search: &RootSearch,
    bounds: &Bounds,
    start: &PointAnalysis,
    heading: [f64; 2],
    step: f64,
    steps: usize,
) -> Vec<PointAnalysis> {
    let mut path = Vec::new();
    let (mut current, mut heading) = (start.at, heading);
    for _ in 0..steps {
        let guess = [
            current[0] + step * heading[0],
            current[1] + step * heading[1],
        ];
        let Some(root) = search.converge_from(surface, guess) else {
            break;
        };
        let moved = separation(root.at, current);
        if !bounds.contains(root.at) || !(0.5 * step..=2.0 * step).contains(&moved) {
            break;
        }
        let next = analyze(surface, root.at);
        if next.kind != PointKind::Degenerate {
            break;
        }
        let tangent = flattest_direction(&next.eigen);
        heading = if tangent[0] * heading[0] + tangent[1] * heading[1] < 0.0 {
            [-tangent[0], -tangent[1]]
        } else {
            tangent
        };
        current = next.at;
        path.push(next);
    }
    path
}

/// The directions in which L does not curve: the flattest eigenvector, or both where the Hessian vanishes
/// (the crossing of two valleys, a flat region).
pub(super) fn flat_directions(eigen: &Eigen) -> Vec<[f64; 2]> {
    if curvature_signs(eigen) == [EigenSign::NearZero; 2] {
        eigen.vectors.to_vec()
    } else {
        vec![flattest_direction(eigen)]
    }
}

fn has_critical_neighbour<S: LossSurface + ?Sized>(
    surface: &S,
    search: &RootSearch,
    analysis: &PointAnalysis,
    distance: f64,
) -> bool {
    let direction = flattest_direction(&analysis.eigen);
    // Both senses: the end of a half-line of critical points (relu(x)² + y² at the origin) has a neighbour on one side only.
    [distance, -distance].into_iter().any(|signed| {
        let start = [
            analysis.at[0] + signed * direction[0],
            analysis.at[1] + signed * direction[1],
        ];
        search
            .converge_from(surface, start)
            .is_some_and(|root| separation(root.at, analysis.at) >= 0.5 * distance)
    })
}

/// The eigenvector whose eigenvalue is closest to zero: the direction in which L does not curve.
fn flattest_direction(eigen: &Eigen) -> [f64; 2] {
    let [low, high] = eigen.values;
    if low.abs() <= high.abs() {
        eigen.vectors[0]
    } else {
        eigen.vectors[1]
    }
}

/// What the points of a continuum are, read from the eigenvalue across it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContinuumShape {
    /// Both eigenvalues ~0: the surface is flat, not just along a curve.
    Flat,
    /// The eigenvalue across is clearly positive: a valley floor of minima (the lecture's xy = 1).
    Minima,
    /// The eigenvalue across is clearly negative: a ridge of maxima.
    Maxima,
    /// Some points are minima across, others maxima: several continua in the box, or one whose sign changes.
    Mixed,
}

impl ContinuumShape {
    /// Every shape, in a fixed order (a shape's position is how the page's worker sends it).
    pub const ALL: [ContinuumShape; 4] = [
        ContinuumShape::Flat,
        ContinuumShape::Minima,
        ContinuumShape::Maxima,
        ContinuumShape::Mixed,
    ];

    /// A stable name for scripts and tests: `flat`, `minima`, `maxima` or `mixed`.
    pub fn name(self) -> &'static str {
        match self {
            ContinuumShape::Flat => "flat",
            ContinuumShape::Minima => "minima",
            ContinuumShape::Maxima => "maxima",
            ContinuumShape::Mixed => "mixed",
        }
    }

    /// What the eigenvalue across the continuum says at these members.
    pub(super) fn of(members: &[PointAnalysis]) -> ContinuumShape {
        let (mut minima, mut maxima) = (false, false);
        for member in members {
            let [low, high] = member.signs;
            // Across the continuum is the eigenvalue that is not ≈ 0, if either is.
            minima |= low == EigenSign::Positive || high == EigenSign::Positive;
            maxima |= low == EigenSign::Negative || high == EigenSign::Negative;
        }
        match (minima, maxima) {
            (false, false) => ContinuumShape::Flat,
            (true, false) => ContinuumShape::Minima,
            (false, true) => ContinuumShape::Maxima,
            (true, true) => ContinuumShape::Mixed,
        }
    }
}

fn summarize<S: LossSurface + ?Sized>(
    surface: &S,
    bounds: &Bounds,
    members: &[PointAnalysis],
) -> Continuum {
    let center = bounds.center();
    let points: Vec<Point> = members.iter().map(|member| member.at).collect();
    let sample = spread_sample(&points, center);
    let example = round_example(surface, bounds, &sample, center);
    Continuum {
        shape: ContinuumShape::of(members),
        example,
        sample,
    }
}

/// Farthest-point sampling from the point nearest `center`: a few points covering the whole continuum.
fn spread_sample(points: &[Point], center: Point) -> Vec<Point> {
    let Some(&first) = points
        .iter()
        .min_by(|a, b| separation(**a, center).total_cmp(&separation(**b, center)))
    else {
        return Vec::new();
    };
    let mut sample = vec![first];
    let mut gaps: Vec<f64> = points.iter().map(|&p| separation(p, first)).collect();
    while sample.len() < MAX_SAMPLE {
        let farthest = gaps
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.total_cmp(b.1))
            .filter(|(_, gap)| **gap > 0.0);
        let Some((index, _)) = farthest else { break };
        let Some(&next) = points.get(index) else {
            break;
        };
        sample.push(next);
        for (gap, &p) in gaps.iter_mut().zip(points) {
            *gap = gap.min(separation(p, next));
        }
    }
    sample
}

/// A point of the continuum near the centre for the description, rounded to a short grid point
/// such as (1, 1) when that is still a degenerate critical point, so the sentence reads like the lecture.
/// Whether the rounded point lies on the *same* continuum is not checked: any degenerate critical point
/// near one of the continuum's points is an honest example.
fn round_example<S: LossSurface + ?Sized>(
    surface: &S,
    bounds: &Bounds,
    sample: &[Point],
    center: Point,
) -> Point {
    let mut candidates = sample.to_vec();
    sort_by_number(&mut candidates, |&candidate| separation(candidate, center));
    candidates.truncate(EXAMPLE_CANDIDATES);
    let diagonal = diagonal(bounds);
    let on_continuum =
        |p: &Point| bounds.contains(*p) && analyze(surface, *p).kind == PointKind::Degenerate;
    for step in ROUND_STEPS
        .into_iter()
        .filter(|&step| step <= diagonal / 8.0)
    {
        let round = |v: f64| (v / step).round() * step;
        let both: Vec<Point> = candidates
            .iter()
            .map(|&[x, y]| [round(x), round(y)])
            .collect();
        // Else one coordinate: the line x = π/2 has no round point, but (1.571, 0) is still short.
        let one: Vec<Point> = candidates
            .iter()
            .flat_map(|&[x, y]| [[x, round(y)], [round(x), y]])
            .collect();
        for rounded in [both, one] {
            let valid: Vec<Point> = rounded.into_iter().filter(on_continuum).collect();
            if let Some(best) = nearest(&valid, center) {
                return best;
            }
        }
    }
    nearest(&candidates, center).unwrap_or(center)
}

/// The point nearest `center`; ties (the lecture's (1, 1) and (−1, −1)) go to the larger x, then y.
fn nearest(points: &[Point], center: Point) -> Option<Point> {
    points.iter().copied().min_by(|a, b| {
        separation(*a, center)
            .total_cmp(&separation(*b, center))
            .then(b[0].total_cmp(&a[0]))
            .then(b[1].total_cmp(&a[1]))
    })
}

pub(super) fn separation(a: Point, b: Point) -> f64 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}
