//! Where runs came to rest, grouped into the critical points they found: each isolated critical point once,
//! and a whole curve of critical points once per connected branch.
//!
//! On the lecture's surface (1 − xy)² every point of the valley xy = 1 is a minimum, and gradient descent from
//! each start comes to rest at a different one of them; grouping end points by distance alone would report
//! hundreds of attractors. End points on a continuum are instead joined when they lie on one connected curve:
//! neighbours closer than the linking distance that a short walk along the curve leads from one to the other,
//! and points a long walk along the curve passes.

use std::collections::HashMap;

use super::continuum::{flat_directions, on_continuum, separation, trace_branch, ContinuumShape};
use super::critical::{diagonal, seeded_search};
use super::gradient_root::RootSearch;
use super::{analyze, PointAnalysis, PointKind};
use crate::bounds::Bounds;
use crate::sorting::sort_by_number;
use crate::surface::{LossSurface, Point};

/// Where runs come to rest: a critical point, or one connected branch of a curve of them.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Attractor {
    /// The critical point (refined by Newton from where the runs stopped); for a branch of a continuum, its
    /// point nearest the box centre.
    pub at: Point,
    /// The second-order test at `at`.
    pub kind: PointKind,
    /// `Some` when the attractor is a connected branch of a continuum of critical points: what the
    /// eigenvalue across it says (a curve of minima on the lecture's valley).
    pub continuum: Option<ContinuumShape>,
}

/// How far (fraction of the box diagonal) the continuum test steps along a flat direction, as the
/// critical-point search does.
const RELATIVE_PROBE_DISTANCE: f64 = 1e-3;

/// Work units (about one exact Hessian each) charged for classifying one cluster of end points: Newton
/// onto the critical point, its analysis, and the continuum test's two short Newton walks.
const CLASSIFY_WORK: usize = 24;

/// Work units charged per step of a walk along a continuum (one short Newton solve and an analysis).
const TRACE_STEP_WORK: usize = 4;

/// Branches walked along at most, largest first: bounds the work on a surface with many small pieces of
/// continuum, whose other pieces are then joined only to their neighbours within the link distance.
const MAX_TRACES: usize = 16;

/// Attractors are ordered by their coordinates rounded to this fraction of the box diagonal.
const ORDER_QUANTUM: f64 = 1e-6;

/// Steps of a short walk between two neighbouring points of a continuum at most; each is a quarter of the
/// link distance long.
const MAX_WALK_STEPS: usize = 16;

/// A walk's step must bring it at least this fraction of the step's length closer to its goal: along one
/// curve it does, beside a parallel curve it soon does not.
const WALK_PROGRESS: f64 = 0.5;

/// Steps per sense of one walk at most.
const MAX_TRACE_STEPS: usize = 512;

/// The grouping, resumable: [`advance`](Self::advance) does a bounded amount of work per call, so the page
/// can spread it over frames or a worker.
#[derive(Debug, Clone)]
pub struct AttractorSearch {
    search: RootSearch,
    bounds: Bounds,
    /// End points closer than this lie on one connected piece of a continuum.
    link: f64,
    probe_distance: f64,
    /// For each end point, its cluster: end points within a quarter of `link` of a cluster's first point.
    cluster_of: Vec<usize>,
    /// Each cluster's first end point.
    leaders: Vec<Point>,
    /// Each classified cluster's critical point, in cluster order.
    classified: Vec<Classified>,
    stage: Stage,
}

#[derive(Debug, Clone)]
enum Classified {
    Isolated(PointAnalysis),
    OnContinuum(PointAnalysis),
}

#[derive(Debug, Clone)]
enum Stage {
    Classifying,
    /// Joining each continuum cluster to its neighbours along the continuum; `next` is the cluster to join.
    Linking {
        branches: Branches,
        next: usize,
    },
    /// Walking along the largest branches; `pending` are cluster indices to walk from, the next last.
    Tracing {
        branches: Branches,
        pending: Vec<usize>,
        walks: usize,
    },
    Done {
        attractors: Vec<Attractor>,
        /// The attractor of each end point, in the order given.
        assignment: Vec<usize>,
    },
}

impl AttractorSearch {
    /// Starts grouping `ends`, the points where runs came to rest, as seen over `bounds`; `link` is the
    /// distance below which two end points on a continuum count as connected (a grid of starts passes a
    /// few cells' width).
    pub fn new<S: LossSurface + ?Sized>(
        surface: &S,
        bounds: &Bounds,
        ends: &[Point],
        link: f64,
    ) -> AttractorSearch {
        let (search, _) = seeded_search(surface, bounds);
        let diagonal = diagonal(bounds);
        let link = if link.is_finite() && link > 0.0 {
            link
        } else {
            diagonal / 32.0
        };
        let mut leaders = SpatialIndex::new(link / 4.0);
        let mut leader_points = Vec::new();
        let cluster_of = ends
            .iter()
            .map(|&end| match leaders.first_within(end, &leader_points) {
                Some(cluster) => cluster,
                None => {
                    leader_points.push(end);
                    leaders.insert(end, leader_points.len() - 1);
                    leader_points.len() - 1
                }
            })
            .collect();
        AttractorSearch {
            search,
            bounds: *bounds,
            link,
            probe_distance: RELATIVE_PROBE_DISTANCE * diagonal,
            cluster_of,
            leaders: leader_points,
            classified: Vec::new(),
            stage: Stage::Classifying,
        }
    }

    /// Does about `work_budget` units of work (one unit: about one exact Hessian), at least one step; returns
    /// the units spent.
    pub fn advance<S: LossSurface + ?Sized>(&mut self, surface: &S, work_budget: usize) -> usize {
        let mut spent = 0;
        while !self.is_finished() && (spent == 0 || spent < work_budget) {
            spent += self.work(surface);
        }
        spent
    }

    /// Groups everything that is left.
    pub fn run_to_end<S: LossSurface + ?Sized>(&mut self, surface: &S) {
        while !self.is_finished() {
            self.work(surface);
        }
    }

    /// Whether every end point has its attractor: [`result`](Self::result) is then `Some`.
    pub fn is_finished(&self) -> bool {
        matches!(self.stage, Stage::Done { .. })
    }

    /// Rough share of the work done, in [0, 1].
    pub fn fraction(&self) -> f64 {
        let clusters = self.leaders.len().max(1) as f64;
        match &self.stage {
            Stage::Classifying => 0.6 * self.classified.len() as f64 / clusters,
            Stage::Linking { next, .. } => 0.6 + 0.3 * *next as f64 / clusters,
            Stage::Tracing { pending, walks, .. } => {
                0.9 + 0.1 * (1.0 - pending.len() as f64 / (*walks).max(1) as f64)
            }
            Stage::Done { .. } => 1.0,
        }
    }

    /// The attractors sorted by x then y (each to a millionth of the box diagonal), and the index of each end
    /// point's attractor; `None` until finished.
    pub fn result(&self) -> Option<(&[Attractor], &[usize])> {
        match &self.stage {
            Stage::Done {
                attractors,
                assignment,
            } => Some((attractors, assignment)),
            _ => None,
        }
    }

    /// One piece of work: a cluster classified, a cluster joined to its neighbours, a branch walked, or the
    /// result assembled.
    fn work<S: LossSurface + ?Sized>(&mut self, surface: &S) -> usize {
        let stage = std::mem::replace(&mut self.stage, Stage::Classifying);
        let (stage, spent) = match stage {
            Stage::Classifying => match self.leaders.get(self.classified.len()) {
                Some(&leader) => {
                    let classified = self.classify(surface, leader);
                    self.classified.push(classified);
                    (Stage::Classifying, CLASSIFY_WORK)
                }
                None => {
                    let branches = Branches::new(self.link, &self.classified);
                    (Stage::Linking { branches, next: 0 }, 1)
                }
            },
            Stage::Linking { mut branches, next } => match branches.members.get(next).copied() {
                Some(member) => {
                    let spent = match member {
                        Some(member) => self.join_near(surface, &mut branches, next, &member),
                        None => 1,
                    };
                    let next = next + 1;
                    (Stage::Linking { branches, next }, spent)
                }
                None => (self.start_tracing(branches), 1),
            },
            Stage::Tracing {
                mut branches,
                mut pending,
                walks,
            } => match pending.pop() {
                Some(cluster) => {
                    let spent = self.trace(surface, &mut branches, cluster);
                    let stage = Stage::Tracing {
                        branches,
                        pending,
                        walks,
                    };
                    (stage, spent)
                }
                None => (self.assemble(&mut branches), 1),
            },
            done => (done, 0),
        };
        self.stage = stage;
        spent
    }

    /// The critical point a cluster's runs found: Newton from where they stopped (kept only if it stays within
    /// the box's diagonal: a run at rest is already near a critical point, on the scale of the picture), and
    /// whether it lies on a continuum.
    fn classify<S: LossSurface + ?Sized>(&self, surface: &S, leader: Point) -> Classified {
        let refined = self
            .search
            .converge_from(surface, leader)
            .map(|root| root.at)
            .filter(|&at| separation(at, leader) <= diagonal(&self.bounds))
            .unwrap_or(leader);
        let analysis = analyze(surface, refined);
        if on_continuum(surface, &self.search, &analysis, self.probe_distance) {
            Classified::OnContinuum(analysis)
        } else {
            Classified::Isolated(analysis)
        }
    }

    /// Lines up the largest pieces of continuum to walk along from.
    fn start_tracing(&self, mut branches: Branches) -> Stage {
        let mut sizes: HashMap<usize, usize> = HashMap::new();
        for &cluster in &self.cluster_of {
            if branches.contains(cluster) {
                *sizes.entry(branches.find(cluster)).or_default() += 1;
            }
        }
        let mut roots: Vec<(usize, usize)> = sizes.into_iter().collect();
        // Largest first, ties by cluster index, so the outcome does not depend on the hash map's order.
        sort_by_number(&mut roots, |&(root, _)| root as f64);
        sort_by_number(&mut roots, |&(_, size)| -(size as f64));
        let mut pending: Vec<usize> = roots
            .into_iter()
            .take(MAX_TRACES)
            .map(|(root, _)| root)
            .collect();
        pending.reverse();
        Stage::Tracing {
            branches,
            walks: pending.len(),
            pending,
        }
    }

    /// Walks along the continuum from `cluster`'s point and joins every continuum cluster the walk passes.
    fn trace<S: LossSurface + ?Sized>(
        &self,
        surface: &S,
        branches: &mut Branches,
        cluster: usize,
    ) -> usize {
        let Some(Classified::OnContinuum(start)) = self.classified.get(cluster) else {
            return 1;
        };
        let reach = self.search.reach;
        let steps = ((diagonal(&reach) / self.link).ceil() as usize).clamp(1, MAX_TRACE_STEPS);
        let path = trace_branch(surface, &self.search, &reach, start, self.link, steps);
        let joining: usize = path
            .iter()
            .map(|point| self.join_near(surface, branches, cluster, point))
            .sum();
        (path.len() + 2) * TRACE_STEP_WORK + joining
    }

    /// Joins `cluster` with every continuum cluster (of another piece) within the link distance of the
    /// critical point `at` to which a short walk along the continuum leads from `at`. Returns the work spent.
    fn join_near<S: LossSurface + ?Sized>(
        &self,
        surface: &S,
        branches: &mut Branches,
        cluster: usize,
        at: &PointAnalysis,
    ) -> usize {
        let near: Vec<(usize, Point)> = branches
            .index
            .near(at.at)
            .filter_map(|other| Some((other, branches.members.get(other).copied().flatten()?.at)))
            .filter(|&(_, p)| separation(p, at.at) <= self.link)
            .collect();
        let mut spent = 1;
        for (other, point) in near {
            if branches.find(cluster) != branches.find(other) {
                let (reached, steps) = self.walk_reaches(surface, at, point);
                spent += steps * TRACE_STEP_WORK;
                if reached {
                    branches.union(cluster, other);
                }
            }
        }
        spent
    }

    /// Whether walking along the critical points from `from` reaches `to` (within a quarter of the link
    /// distance), and the steps taken: each step goes a quarter of the link distance along the flat direction
    /// that heads most towards `to` (in a flat region, straight at it) and lets Newton settle back onto the
    /// critical points. A point of a parallel curve a few cells away is not reached: the walk runs past it.
    fn walk_reaches<S: LossSurface + ?Sized>(
        &self,
        surface: &S,
        from: &PointAnalysis,
        to: Point,
    ) -> (bool, usize) {
        let (step, close) = (self.link / 4.0, self.link / 4.0);
        let mut here = *from;
        let mut remaining = separation(here.at, to);
        for steps in 0..MAX_WALK_STEPS {
            if remaining <= close {
                return (true, steps);
            }
            let towards = [
                (to[0] - here.at[0]) / remaining,
                (to[1] - here.at[1]) / remaining,
            ];
            let flat = flat_directions(&here.eigen);
            let heading = if flat.len() > 1 {
                towards
            } else {
                let along = |d: &[f64; 2]| d[0] * towards[0] + d[1] * towards[1];
                match flat.first() {
                    Some(d) if along(d) < 0.0 => [-d[0], -d[1]],
                    Some(d) => *d,
                    None => towards,
                }
            };
            let length = step.min(remaining);
            let guess = [
                here.at[0] + length * heading[0],
                here.at[1] + length * heading[1],
            ];
            let Some(root) = self.search.converge_from(surface, guess) else {
                return (false, steps + 1);
            };
            let closer = separation(root.at, to);
            if closer > remaining - WALK_PROGRESS * length {
                return (false, steps + 1);
            }
            here = analyze(surface, root.at);
            remaining = closer;
        }
        (remaining <= close, MAX_WALK_STEPS)
    }

    /// One attractor per isolated critical point and per connected branch, sorted by x then y.
    fn assemble(&self, branches: &mut Branches) -> Stage {
        let mut groups: Vec<Group> = Vec::new();
        let mut group_of_cluster = vec![0; self.classified.len()];
        let mut isolated = SpatialIndex::new(self.link / 4.0);
        let mut isolated_points = Vec::new();
        let mut isolated_groups = Vec::new();
        let mut group_of_branch: HashMap<usize, usize> = HashMap::new();
        for (cluster, classified) in self.classified.iter().enumerate() {
            let group = match classified {
                Classified::Isolated(analysis) => {
                    match isolated.first_within(analysis.at, &isolated_points) {
                        Some(known) => isolated_groups[known],
                        None => {
                            isolated.insert(analysis.at, isolated_points.len());
                            isolated_points.push(analysis.at);
                            isolated_groups.push(groups.len());
                            groups.push(Group::Isolated(*analysis));
                            groups.len() - 1
                        }
                    }
                }
                Classified::OnContinuum(analysis) => {
                    let root = branches.find(cluster);
                    let index = *group_of_branch.entry(root).or_insert_with(|| {
                        groups.push(Group::Branch(Vec::new()));
                        groups.len() - 1
                    });
                    if let Some(Group::Branch(members)) = groups.get_mut(index) {
                        members.push(*analysis);
                    }
                    index
                }
            };
            group_of_cluster[cluster] = group;
        }
        let centre = self.bounds.center();
        let attractors: Vec<Attractor> =
            groups.iter().map(|group| group.attractor(centre)).collect();
        // By x, then y, each rounded to a millionth of the box diagonal: points refined to within rounding
        // of the same x keep the order of their y.
        let quantum = ORDER_QUANTUM * diagonal(&self.bounds);
        let rounded = |v: f64| (v / quantum).round();
        let mut order: Vec<usize> = (0..attractors.len()).collect();
        sort_by_number(&mut order, |&i| rounded(attractors[i].at[1]));
        sort_by_number(&mut order, |&i| rounded(attractors[i].at[0]));
        let mut rank = vec![0; attractors.len()];
        for (position, &index) in order.iter().enumerate() {
            rank[index] = position;
        }
        let assignment = self
            .cluster_of
            .iter()
            .map(|&cluster| rank[group_of_cluster[cluster]])
            .collect();
        Stage::Done {
            attractors: order.into_iter().map(|i| attractors[i]).collect(),
            assignment,
        }
    }
}

/// Groups `ends` (the points where runs came to rest) into attractors in one go; see [`AttractorSearch`].
pub fn find_attractors<S: LossSurface + ?Sized>(
    surface: &S,
    bounds: &Bounds,
    ends: &[Point],
    link: f64,
) -> (Vec<Attractor>, Vec<usize>) {
    let mut search = AttractorSearch::new(surface, bounds, ends, link);
    search.run_to_end(surface);
    search
        .result()
        .map(|(attractors, assignment)| (attractors.to_vec(), assignment.to_vec()))
        .unwrap_or_default()
}

enum Group {
    Isolated(PointAnalysis),
    Branch(Vec<PointAnalysis>),
}

impl Group {
    fn attractor(&self, centre: Point) -> Attractor {
        match self {
            Group::Isolated(analysis) => Attractor {
                at: analysis.at,
                kind: analysis.kind,
                continuum: None,
            },
            Group::Branch(members) => {
                let nearest = members
                    .iter()
                    .min_by(|a, b| separation(a.at, centre).total_cmp(&separation(b.at, centre)));
                // A branch has at least its first member; the fallback is never taken.
                let (at, kind) =
                    nearest.map_or((centre, PointKind::Degenerate), |m| (m.at, m.kind));
                Attractor {
                    at,
                    kind,
                    continuum: Some(ContinuumShape::of(members)),
                }
            }
        }
    }
}

/// The continuum clusters and which of them are connected (union–find over cluster indices).
#[derive(Debug, Clone)]
struct Branches {
    parent: Vec<usize>,
    /// The continuum clusters' critical points, and an index of them by position.
    members: Vec<Option<PointAnalysis>>,
    index: SpatialIndex,
}

impl Branches {
    fn new(link: f64, classified: &[Classified]) -> Branches {
        let members: Vec<Option<PointAnalysis>> = classified
            .iter()
            .map(|c| match c {
                Classified::OnContinuum(analysis) => Some(*analysis),
                Classified::Isolated(_) => None,
            })
            .collect();
        let mut index = SpatialIndex::new(link);
        for (cluster, member) in members.iter().enumerate() {
            if let Some(member) = member {
                index.insert(member.at, cluster);
            }
        }
        Branches {
            parent: (0..classified.len()).collect(),
            members,
            index,
        }
    }

    fn contains(&self, cluster: usize) -> bool {
        self.members.get(cluster).is_some_and(Option::is_some)
    }

    fn find(&mut self, mut cluster: usize) -> usize {
        while let Some(&parent) = self.parent.get(cluster) {
            if parent == cluster {
                break;
            }
            let grandparent = self.parent.get(parent).copied().unwrap_or(parent);
            self.parent[cluster] = grandparent;
            cluster = grandparent;
        }
        cluster
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            // The smaller index stays the root, so the grouping does not depend on the order of joins.
            let (root, child) = (a.min(b), a.max(b));
            self.parent[child] = root;
        }
    }
}

/// Points bucketed by a square grid of side `cell`, for finding those within `cell` of a point.
#[derive(Debug, Clone)]
struct SpatialIndex {
    cell: f64,
    buckets: HashMap<(i64, i64), Vec<usize>>,
}

impl SpatialIndex {
    fn new(cell: f64) -> SpatialIndex {
        SpatialIndex {
            cell,
            buckets: HashMap::new(),
        }
    }

    fn key(&self, at: Point) -> (i64, i64) {
        // Run end points are finite and within ±1e6; the cast saturates for anything else.
        (
            (at[0] / self.cell).floor() as i64,
            (at[1] / self.cell).floor() as i64,
        )
    }

    fn insert(&mut self, at: Point, item: usize) {
        self.buckets.entry(self.key(at)).or_default().push(item);
    }

    /// Items in the 3 × 3 buckets around `at`: every item within `cell` of it, and a few more.
    fn near(&self, at: Point) -> impl Iterator<Item = usize> + '_ {
        let (column, row) = self.key(at);
        (-1..=1)
            .flat_map(move |dx| {
                (-1..=1).map(move |dy| (column.saturating_add(dx), row.saturating_add(dy)))
            })
            .filter_map(|key| self.buckets.get(&key))
            .flatten()
            .copied()
    }

    /// The first-inserted item whose point (looked up in `points`) is within `cell` of `at`.
    fn first_within(&self, at: Point, points: &[Point]) -> Option<usize> {
        self.near(at)
            .filter(|&item| {
                points
                    .get(item)
                    .is_some_and(|&p| separation(p, at) <= self.cell)
            })
            .min()
    }
}
