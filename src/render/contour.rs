//! Level curves by marching squares over a sampled grid.

use super::colormap::ColorScale;
use super::grid::Grid;
use crate::sorting::sort_by_number;
use crate::surface::Point;

/// Most levels `contour_levels` returns, whatever is asked.
pub const MAX_CONTOUR_LEVELS: usize = 1000;

/// `count` levels splitting the scale into equal parts (equal ratios when logarithmic), ends excluded.
///
/// Following the colour scale means each contour band spans the same share of the colour map.
pub fn contour_levels(scale: &ColorScale, count: usize) -> Vec<f64> {
    let count = count.min(MAX_CONTOUR_LEVELS);
    let parts = (count + 1) as f64;
    (1..=count)
        .map(|index| scale.value_at(index as f64 / parts))
        .filter(|level| level.is_finite())
        .collect()
}

/// The level curves where the surface crosses each of `levels`, in data coordinates, each one polyline;
/// all the curves of the first level, then all of the second, and so on.
///
/// Marching squares gives a segment per cell; the segments are joined end to end through the grid
/// edges they share, so a backend strokes a whole curve as one path (thousands of one-segment paths
/// cost a canvas far more) and a dash pattern runs on along the curve. A closed curve ends on its
/// first point.
pub fn contour_lines(grid: &Grid, levels: &[f64]) -> Vec<Vec<Point>> {
    let mut at_edge = EdgeIndex::for_grid(grid);
    crossing_segments(grid, levels)
        .into_iter()
        .flat_map(|segments| stitch(segments, &mut at_edge))
        .collect()
}

/// The (at most two) segments that touch each grid edge, by edge key: a flat table over the grid's edges,
/// filled for one level and emptied again after it, so a level costs its segments and no hashing.
struct EdgeIndex {
    slots: Vec<[u32; 2]>,
}

/// An empty slot of [`EdgeIndex`].
const NO_SEGMENT: u32 = u32::MAX;

impl EdgeIndex {
    fn for_grid(grid: &Grid) -> EdgeIndex {
        // Every key of [`EdgeKeys::of_cell`] is below two per sample.
        EdgeIndex {
            slots: vec![[NO_SEGMENT; 2]; 2 * grid.values.len()],
        }
    }

    fn add(&mut self, edge: u64, segment: usize) {
        if let Some(slot) = self.slots.get_mut(edge as usize) {
            let free = usize::from(slot[0] != NO_SEGMENT);
            slot[free] = segment as u32;
        }
    }

    fn segments(&self, edge: u64) -> impl Iterator<Item = usize> + '_ {
        self.slots
            .get(edge as usize)
            .into_iter()
            .flatten()
            .filter(|&&index| index != NO_SEGMENT)
            .map(|&index| index as usize)
    }

    fn clear(&mut self, edge: u64) {
        if let Some(slot) = self.slots.get_mut(edge as usize) {
            *slot = [NO_SEGMENT; 2];
        }
    }
}

/// A crossing of a cell side: the grid edge it lies on (shared by the two cells on either side of it,
/// so the key is what joins segments) and the point.
type Crossing = (u64, Point);

/// For each level, one segment per crossed cell side pair, in the grid's cell order.
///
/// Cells join four neighbouring sample points (cell centres of `grid`); a crossing is placed by
/// linear interpolation along the cell edge. When a cell's diagonal corners disagree (a saddle
/// cell), the average of its corners decides which pair the curve keeps connected. Cells with an
/// undefined corner are skipped, so curves stop at the border of the surface's domain.
///
/// One pass over the cells serves every level: a cell is crossed exactly by the levels from its lowest
/// corner (inclusive) to its highest (exclusive), which for most cells is none.
fn crossing_segments(grid: &Grid, levels: &[f64]) -> Vec<Vec<[Crossing; 2]>> {
    let mut segments = vec![Vec::new(); levels.len()];
    // Finite levels in ascending order, each with its place in `levels`.
    let mut ascending: Vec<(f64, usize)> = levels
        .iter()
        .enumerate()
        .filter(|(_, level)| level.is_finite())
        .map(|(index, &level)| (level, index))
        .collect();
    sort_by_number(&mut ascending, |&(level, _)| level);
    let rows: Vec<&[f64]> = grid.rows().collect();
    // A grid whose fields disagree has no rows, and no columns either.
    let columns = rows.first().map_or(0, |row| row.len());
    let xs: Vec<f64> = (0..columns).map(|c| grid.cell_center(c, 0)[0]).collect();
    for (row, pair) in rows.windows(2).enumerate() {
        let (upper, lower) = (pair[0], pair[1]);
        let y = [grid.cell_center(0, row)[1], grid.cell_center(0, row + 1)[1]];
        let cells = upper.windows(2).zip(lower.windows(2)).zip(xs.windows(2));
        for (column, ((t, b), x)) in cells.enumerate() {
            let values = [t[0], t[1], b[1], b[0]];
            let Some([low, high]) = corner_range(values) else {
                continue;
            };
            let first = ascending.partition_point(|&(level, _)| level < low);
            for &(level, index) in ascending[first..]
                .iter()
                .take_while(|(level, _)| *level < high)
            {
                // Which corners (TL, TR, BR, BL) lie above the level, as bits 8, 4, 2, 1.
                let above = values.map(|v| u8::from(v > level));
                let case = above[0] << 3 | above[1] << 2 | above[2] << 1 | above[3];
                let cell = Cell {
                    corners: [[x[0], y[0]], [x[1], y[0]], [x[1], y[1]], [x[0], y[1]]],
                    values,
                    edges: EdgeKeys::of_cell(grid.width, row, column),
                };
                if let Some(level_segments) = segments.get_mut(index) {
                    cell.add_segments(case, level, level_segments);
                }
            }
        }
    }
    segments
}

/// The lowest and highest of a cell's corners, or `None` when one is undefined (the cell crosses nothing).
fn corner_range(values: [f64; 4]) -> Option<[f64; 2]> {
    if !values.iter().all(|v| v.is_finite()) {
        return None;
    }
    let [a, b, c, d] = values;
    let (low_ab, high_ab) = if a < b { (a, b) } else { (b, a) };
    let (low_cd, high_cd) = if c < d { (c, d) } else { (d, c) };
    Some([
        if low_ab < low_cd { low_ab } else { low_cd },
        if high_ab > high_cd { high_ab } else { high_cd },
    ])
}

/// Joins segments that share a grid edge into polylines, with `at_edge` as scratch (left empty).
///
/// A grid edge is crossed at most once per level, so it is shared by at most two segments: each walk
/// from a segment's end finds at most one way on.
fn stitch(segments: Vec<[Crossing; 2]>, at_edge: &mut EdgeIndex) -> Vec<Vec<Point>> {
    for (index, segment) in segments.iter().enumerate() {
        for (edge, _) in segment {
            at_edge.add(*edge, index);
        }
    }
    let mut used = vec![false; segments.len()];
    // An unused segment touching `edge`, entered there: its far end is where the walk goes next.
    let next = |edge: u64, used: &mut [bool]| -> Option<Crossing> {
        let found = at_edge.segments(edge).find(|&index| !used[index])?;
        used[found] = true;
        let [a, b] = segments[found];
        Some(if a.0 == edge { b } else { a })
    };
    let mut lines = Vec::new();
    for start in 0..segments.len() {
        if used[start] {
            continue;
        }
        used[start] = true;
        let [(tail_edge, tail), (head_edge, head)] = segments[start];
        let mut forward = vec![tail, head];
        let mut edge = head_edge;
        while let Some((far_edge, point)) = next(edge, &mut used) {
            forward.push(point);
            edge = far_edge;
        }
        let mut backward = Vec::new();
        let mut edge = tail_edge;
        while let Some((far_edge, point)) = next(edge, &mut used) {
            backward.push(point);
            edge = far_edge;
        }
        backward.reverse();
        backward.extend(forward);
        lines.push(backward);
    }
    for (edge, _) in segments.iter().flatten() {
        at_edge.clear(*edge);
    }
    lines
}

/// The keys of a cell's four sides: horizontal edges are even, vertical ones odd, both numbered by the
/// sample they start from, so neighbouring cells name their shared side alike.
struct EdgeKeys {
    top: u64,
    right: u64,
    bottom: u64,
    left: u64,
}

impl EdgeKeys {
    fn of_cell(width: usize, row: usize, column: usize) -> EdgeKeys {
        let sample = |row: usize, column: usize| (row as u64 * width as u64 + column as u64) * 2;
        EdgeKeys {
            top: sample(row, column),
            bottom: sample(row + 1, column),
            left: sample(row, column) + 1,
            right: sample(row, column + 1) + 1,
        }
    }
}

/// One marching-squares cell, corners clockwise from the top left: TL, TR, BR, BL.
struct Cell {
    corners: [Point; 4],
    values: [f64; 4],
    edges: EdgeKeys,
}

/// A side of a cell, where a level curve enters or leaves it.
#[derive(Clone, Copy)]
enum Side {
    Top,
    Right,
    Bottom,
    Left,
}

impl Cell {
    // Out of the cell loop: most cells cross no level, and the loop stays small enough for the browser to
    // optimize quickly during a cold start.
    #[inline(never)]
    fn add_segments(&self, case: u8, level: f64, segments: &mut Vec<[Crossing; 2]>) {
        use Side::*;
        let pairs: &[[Side; 2]] = match case {
            0 | 15 => &[],
            1 | 14 => &[[Left, Bottom]],
            2 | 13 => &[[Bottom, Right]],
            3 | 12 => &[[Left, Right]],
            4 | 11 => &[[Top, Right]],
            6 | 9 => &[[Top, Bottom]],
            7 | 8 => &[[Left, Top]],
            // Saddle cells: 5 has TR and BL above the level, 10 has TL and BR above.
            _ => {
                let centre_above = self.values.iter().sum::<f64>() / 4.0 > level;
                if (case == 5) == centre_above {
                    // The centre sides with TR and BL, so the curve cuts off TL and BR.
                    &[[Left, Top], [Bottom, Right]]
                } else {
                    &[[Top, Right], [Left, Bottom]]
                }
            }
        };
        segments.extend(
            pairs
                .iter()
                .map(|[from, to]| [self.crossing(*from, level), self.crossing(*to, level)]),
        );
    }

    /// Where the level crosses a side whose ends lie on opposite sides of it.
    fn crossing(&self, side: Side, level: f64) -> Crossing {
        let (a, b, edge) = match side {
            Side::Top => (0, 1, self.edges.top),
            Side::Right => (1, 2, self.edges.right),
            Side::Bottom => (3, 2, self.edges.bottom),
            Side::Left => (0, 3, self.edges.left),
        };
        let (p, q) = (self.corners[a], self.corners[b]);
        let t = (level - self.values[a]) / (self.values[b] - self.values[a]);
        (edge, [p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])])
    }
}
