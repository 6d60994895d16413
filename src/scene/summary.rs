//! A resolved scene in numbers: the critical points marked and where each race stands. `saddle render`
//! prints it in its JSON and the page publishes it on the map (`data-summary`), so a test can check that a
//! figure and the page opened at one link show the same scene.

use serde::Serialize;

use crate::analysis::{CriticalPoints, PointKind};
use crate::optim::{Run, RunStatus};
use crate::surface::Point;

/// The scene's critical points and races, as numbers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// The isolated critical points, by x then y, as the map marks them.
    pub critical_points: Vec<MarkedPoint>,
    /// A curve or region of critical points reported once instead of point by point: what its points are
    /// (`minima`, `maxima`, `mixed` or `flat`).
    pub continuum: Option<&'static str>,
    /// Every run of the race, in the race's order.
    pub runs: Vec<RunSummary>,
}

/// One marked critical point.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MarkedPoint {
    /// Where it is.
    pub at: Point,
    /// The second-order test's verdict there.
    pub kind: PointKind,
}

/// Where one race stands.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RunSummary {
    /// The optimizer's JSON name, such as `gd`.
    pub optimizer: &'static str,
    /// Steps taken so far.
    pub steps: usize,
    /// Where the run stands.
    pub status: RunStatus,
    /// The run's last point.
    pub at: Point,
}

impl Summary {
    /// The summary of `critical` and `runs`, as a resolved scene holds them.
    pub fn of(critical: &CriticalPoints, runs: &[Run]) -> Summary {
        Summary {
            critical_points: critical
                .points
                .iter()
                .map(|point| MarkedPoint {
                    at: point.at,
                    kind: point.kind,
                })
                .collect(),
            continuum: critical.continuum.as_ref().map(|c| c.shape.name()),
            runs: runs
                .iter()
                .map(|run| RunSummary {
                    optimizer: run.kind().name(),
                    steps: run.steps(),
                    status: run.status(),
                    at: run.position(),
                })
                .collect(),
        }
    }

    /// One line per item, numbers in full precision: `critical saddle 0 0`, `continuum minima`,
    /// `run gd 40 running 0.31 0.12`. The page's `data-summary`; no JSON library is needed in the browser.
    pub fn lines(&self) -> String {
        let mut lines: Vec<String> = self
            .critical_points
            .iter()
            .map(|p| format!("critical {} {} {}", p.kind.name(), p.at[0], p.at[1]))
            .collect();
        lines.extend(self.continuum.map(|shape| format!("continuum {shape}")));
        lines.extend(self.runs.iter().map(|r| {
            format!(
                "run {} {} {} {} {}",
                r.optimizer,
                r.steps,
                r.status.name(),
                r.at[0],
                r.at[1]
            )
        }));
        lines.join("\n")
    }
}
