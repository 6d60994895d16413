//! The rectangle of the plane a scene looks at: the map's box, the critical-point search's box.

use serde::{Deserialize, Serialize};

/// An axis-aligned box [x_min, x_max] × [y_min, y_max] with finite, strictly ordered edges.
///
/// [`Bounds::new`] checks that; the fields are public for reading, and for boxes known to be valid.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Bounds {
    /// Left edge, < `x_max`.
    pub x_min: f64,
    /// Right edge.
    pub x_max: f64,
    /// Bottom edge, < `y_max`.
    pub y_min: f64,
    /// Top edge.
    pub y_max: f64,
}

impl Bounds {
    /// A box from `[x_min, x_max, y_min, y_max]`, or why it is not one.
    pub fn new(x_min: f64, x_max: f64, y_min: f64, y_max: f64) -> Result<Bounds, String> {
        if ![x_min, x_max, y_min, y_max].iter().all(|v| v.is_finite()) {
            return Err("the box edges must be finite numbers".into());
        }
        if x_min >= x_max || y_min >= y_max {
            return Err("the box needs xmin < xmax and ymin < ymax".into());
        }
        Ok(Bounds {
            x_min,
            x_max,
            y_min,
            y_max,
        })
    }

    /// x_max − x_min, > 0.
    pub fn width(&self) -> f64 {
        self.x_max - self.x_min
    }

    /// y_max − y_min, > 0.
    pub fn height(&self) -> f64 {
        self.y_max - self.y_min
    }

    /// The middle of the box.
    pub fn center(&self) -> [f64; 2] {
        [
            self.x_min + 0.5 * self.width(),
            self.y_min + 0.5 * self.height(),
        ]
    }

    /// Whether `p` lies in the box, edges included (a NaN coordinate never does).
    pub fn contains(&self, p: [f64; 2]) -> bool {
        (self.x_min..=self.x_max).contains(&p[0]) && (self.y_min..=self.y_max).contains(&p[1])
    }
}
