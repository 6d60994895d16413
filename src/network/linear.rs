//! The few vector loops every pass is made of, written so they vectorize, each adding in one fixed order
//! (the same on every target).

/// Σ aᵢbᵢ over the shorter length, in four interleaved partial sums: a single running sum waits on every
/// addition, four keep the adder busy.
pub(super) fn dot(a: &[f64], b: &[f64]) -> f64 {
    let length = a.len().min(b.len());
    let (a, b) = (&a[..length], &b[..length]);
    let mut sums = [0.0; 4];
    let (a_chunks, b_chunks) = (a.chunks_exact(4), b.chunks_exact(4));
    let (a_rest, b_rest) = (a_chunks.remainder(), b_chunks.remainder());
    for (x, y) in a_chunks.zip(b_chunks) {
        for k in 0..4 {
            sums[k] += x[k] * y[k];
        }
    }
    let rest: f64 = a_rest.iter().zip(b_rest).map(|(x, y)| x * y).sum();
    (sums[0] + sums[1]) + (sums[2] + sums[3]) + rest
}

/// out[j] = biases[j] + Σₘ W[j, m]·input[m] for the row-major W (out.len() × input.len()).
///
/// One and two inputs (the tasks' first layer) get loops of their own: a row of one or two weights is
/// too short for a loop, and written out the loop runs over the outputs, which vectorizes.
pub(super) fn affine(weights: &[f64], biases: &[f64], input: &[f64], out: &mut [f64]) {
    match *input {
        [x] => {
            for ((o, &w), &b) in out.iter_mut().zip(weights).zip(biases) {
                *o = b + w * x;
            }
        }
        [x, y] => {
            for ((o, w), &b) in out.iter_mut().zip(weights.chunks_exact(2)).zip(biases) {
                *o = b + (w[0] * x + w[1] * y);
            }
        }
        _ => {
            let fan_in = input.len();
            for ((o, row), &b) in out.iter_mut().zip(weights.chunks_exact(fan_in)).zip(biases) {
                *o = b + dot(row, input);
            }
        }
    }
}

/// rows[j, m] += scale[j]·input[m] for the row-major `rows` (scale.len() × input.len()): a layer's weight
/// gradient δ ⊗ a, one example at a time. One and two inputs get loops of their own, as in [`affine`].
pub(super) fn add_outer(rows: &mut [f64], scale: &[f64], input: &[f64]) {
    match *input {
        [x] => {
            for (r, &s) in rows.iter_mut().zip(scale) {
                *r += s * x;
            }
        }
        [x, y] => {
            for (r, &s) in rows.chunks_exact_mut(2).zip(scale) {
                r[0] += s * x;
                r[1] += s * y;
            }
        }
        _ => {
            for (row, &s) in rows.chunks_exact_mut(input.len()).zip(scale) {
                for (r, &a) in row.iter_mut().zip(input) {
                    *r += s * a;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_loops_compute_their_formulas() {
        assert_eq!(
            dot(
                &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
                &[1.0, 1.0, 1.0, 1.0, 1.0, 2.0]
            ),
            27.0
        );
        assert_eq!(dot(&[2.0, 3.0], &[4.0]), 8.0);
        for input in [vec![2.0], vec![2.0, -1.0], vec![2.0, -1.0, 0.5]] {
            let k = input.len();
            let weights: Vec<f64> = (0..3 * k).map(|i| i as f64 + 1.0).collect();
            let biases = [0.5, -0.5, 1.0];
            let mut out = [0.0; 3];
            affine(&weights, &biases, &input, &mut out);
            for j in 0..3 {
                let expected: f64 =
                    biases[j] + (0..k).map(|m| weights[j * k + m] * input[m]).sum::<f64>();
                assert_eq!(out[j], expected, "{k} inputs, output {j}");
            }
            let mut rows = weights.clone();
            add_outer(&mut rows, &[1.0, 2.0, -1.0], &input);
            for j in 0..3 {
                for m in 0..k {
                    let scale = [1.0, 2.0, -1.0][j];
                    assert_eq!(rows[j * k + m], weights[j * k + m] + scale * input[m]);
                }
            }
        }
    }
}
