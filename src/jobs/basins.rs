//! A basin map as the worker sends it: which attractor each start ends at, packed into numbers.

use crate::analysis::{Attractor, ContinuumShape, PointKind};
use crate::optim::Basins;

/// A finished basin map as the page draws it.
#[derive(Debug, Clone, PartialEq)]
pub struct BasinsMap {
    /// Cells per side.
    pub grid: usize,
    /// As [`Basins::labels`]: row 0 at the bottom.
    pub labels: Vec<i32>,
    /// Where the runs came to rest, sorted by x then y; a label ≥ 0 is an index into these.
    pub attractors: Vec<Attractor>,
}

impl BasinsMap {
    /// The map `basins` made; complete only once it is finished (attractors come last).
    pub fn of(basins: &Basins) -> BasinsMap {
        BasinsMap {
            grid: basins.config().grid,
            labels: basins.labels().to_vec(),
            attractors: basins.attractors().to_vec(),
        }
    }

    /// `[grid, attractor count, then x, y, kind, continuum for each attractor, then every label]`: kinds and
    /// continuum shapes by their position in `PointKind::ALL` and `ContinuumShape::ALL` (−1: none). Every
    /// value is a small whole number or a coordinate, exact in an f64.
    pub fn pack(&self) -> Vec<f64> {
        let mut packed = Vec::with_capacity(2 + 4 * self.attractors.len() + self.labels.len());
        packed.extend([self.grid as f64, self.attractors.len() as f64]);
        for attractor in &self.attractors {
            let kind = PointKind::ALL.iter().position(|&k| k == attractor.kind);
            let continuum = attractor
                .continuum
                .and_then(|shape| ContinuumShape::ALL.iter().position(|&s| s == shape));
            packed.extend([
                attractor.at[0],
                attractor.at[1],
                kind.map_or(-1.0, |k| k as f64),
                continuum.map_or(-1.0, |c| c as f64),
            ]);
        }
        packed.extend(self.labels.iter().map(|&label| f64::from(label)));
        packed
    }

    /// Reads [`BasinsMap::pack`]'s numbers; `None` if they are not such a map.
    pub fn unpack(packed: &[f64]) -> Option<BasinsMap> {
        let whole = |v: f64| (v.fract() == 0.0 && v.abs() < 1e9).then_some(v as i64);
        let grid = usize::try_from(whole(*packed.first()?)?).ok()?;
        let count = usize::try_from(whole(*packed.get(1)?)?).ok()?;
        let labels_from = count.checked_mul(4)?.checked_add(2)?;
        if packed.len() != labels_from.checked_add(grid.checked_mul(grid)?)? {
            return None;
        }
        let attractors = packed[2..labels_from]
            .chunks_exact(4)
            .map(|a| {
                let kind = *PointKind::ALL.get(usize::try_from(whole(a[2])?).ok()?)?;
                let continuum = match whole(a[3])? {
                    -1 => None,
                    shape => Some(*ContinuumShape::ALL.get(usize::try_from(shape).ok()?)?),
                };
                Some(Attractor {
                    at: [a[0], a[1]],
                    kind,
                    continuum,
                })
            })
            .collect::<Option<Vec<_>>>()?;
        let labels = packed[labels_from..]
            .iter()
            .map(|&v| i32::try_from(whole(v)?).ok())
            .collect::<Option<Vec<_>>>()?;
        Some(BasinsMap {
            grid,
            labels,
            attractors,
        })
    }
}
