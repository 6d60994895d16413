//! Any text → `Formula::parse`; formulas that parse are evaluated, differentiated and analyzed at fixed points.
#![no_main]

use libfuzzer_sys::fuzz_target;
use saddle::analysis::{analyze, PointKind};
use saddle::formula::Formula;
use saddle::surface::{LossSurface, Point};

/// The origin, a mixed-sign point, wildly different scales, and a point off every grid.
const PROBES: [Point; 4] = [[0.0, 0.0], [1.0, -1.0], [1e-3, 1e3], [-7.5, 0.25]];

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let formula = match Formula::parse(&text) {
        Ok(formula) => formula,
        Err(error) => {
            let columns = text.chars().count() + 1;
            assert!(
                (1..=columns).contains(&error.column),
                "column {} of {columns}",
                error.column
            );
            assert!(
                error.message().chars().count() <= 400,
                "long message: {}",
                error.message()
            );
            return;
        }
    };
    for at in PROBES {
        let value = formula.value(at[0], at[1]);
        let derivatives = formula.derivatives(at);
        let analysis = analyze(&formula, at);
        assert_eq!(
            analysis.kind == PointKind::Undefined,
            !derivatives.is_finite()
        );
        if derivatives.is_finite() {
            // The heatmap's plain numbers and the analysis' dual numbers must describe one surface. Their powers
            // round differently, by an ulp or so, which an ill-conditioned formula amplifies without bound: a
            // periodic function of a huge argument (tan(9^74.7) = tan(1e71)), or 1 − ε raised to 13^42. So the
            // two are compared only without sin, cos and tan, and where the formula is well-conditioned: where
            // moving the point by one part in 10¹² moves L by less than the tolerance, by either arithmetic: one
            // of them can round onto a value that hides the formula's sensitivity, as 1^(13^42) does.
            let nudged_at = [at[0] * (1.0 + 1e-12), at[1] * (1.0 + 1e-12)];
            let nudged_dual = formula.derivatives(nudged_at).value;
            let nudged_plain = formula.value(nudged_at[0], nudged_at[1]);
            let scale = value.abs().max(derivatives.value.abs()).max(1.0);
            let dual_steady = (nudged_dual - derivatives.value).abs() <= 1e-7 * scale;
            // A NaN plain value is not excused here: the assertion below is what catches it.
            let plain_jumps = (nudged_plain - value).abs() > 1e-7 * scale;
            let conditioned = dual_steady && !plain_jumps;
            let periodic = ["sin", "cos", "tan"]
                .iter()
                .any(|periodic| text.to_ascii_lowercase().contains(periodic));
            if conditioned && !periodic {
                assert!(
                    value.is_finite(),
                    "value {value} but derivatives {derivatives:?} at {at:?}"
                );
                assert!(
                    (value - derivatives.value).abs() <= 1e-6 * scale,
                    "value {value} but derivatives.value {} at {at:?}",
                    derivatives.value
                );
            }
            assert!(
                analysis.eigen.values.iter().all(|v| v.is_finite()),
                "{analysis:?}"
            );
            for vector in analysis.eigen.vectors {
                let length = vector[0].hypot(vector[1]);
                assert!((length - 1.0).abs() < 1e-9, "{analysis:?}");
            }
        }
    }
});
