//! A fuzzed formula on a fuzzed box → `find_critical_points`: every point lies in the box, finite and classified.
//!
//! Input: 3 bytes of box (x shift, y shift, log2 of the half side), then the formula text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use saddle::analysis::{find_critical_points, PointKind};
use saddle::bounds::Bounds;
use saddle::formula::Formula;

/// Longer formulas only make each evaluation slower, not the search different.
const MAX_FORMULA_BYTES: usize = 256;

fuzz_target!(|data: &[u8]| {
    let [shift_x, shift_y, scale, text @ ..] = data else {
        return;
    };
    if text.len() > MAX_FORMULA_BYTES {
        return;
    }
    let Ok(formula) = Formula::parse(&String::from_utf8_lossy(text)) else {
        return;
    };
    // Shifts of ±8 in sixteenths; half sides from 2^-16 to 2^15.
    let (x, y) = (
        f64::from(*shift_x as i8) / 16.0,
        f64::from(*shift_y as i8) / 16.0,
    );
    let half = 2f64.powi(i32::from(*scale as i8) / 8);
    let Ok(bounds) = Bounds::new(x - half, x + half, y - half, y + half) else {
        return;
    };
    let found = find_critical_points(&formula, &bounds);
    let slack = 1e-9 * half;
    let inside = |p: [f64; 2]| {
        (bounds.x_min - slack..=bounds.x_max + slack).contains(&p[0])
            && (bounds.y_min - slack..=bounds.y_max + slack).contains(&p[1])
    };
    for point in &found.points {
        assert!(inside(point.at), "{point:?} outside {bounds:?}");
        assert!(point.value.is_finite(), "{point:?}");
        assert!(point.eigenvalues.iter().all(|v| v.is_finite()), "{point:?}");
        assert!(
            point.eigenvectors.iter().flatten().all(|v| v.is_finite()),
            "{point:?}"
        );
        assert!(
            !matches!(point.kind, PointKind::Regular | PointKind::Undefined),
            "{point:?}"
        );
    }
    if let Some(continuum) = &found.continuum {
        assert!(!continuum.sample.is_empty() && continuum.sample.len() <= 32);
        for &p in &continuum.sample {
            assert!(inside(p), "continuum point {p:?} outside {bounds:?}");
        }
    }
});
