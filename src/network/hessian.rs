//! The exact P×P Hessian of L(θ), assembled from its two parts:
//!
//! ∇²L = Σᵢ qᵢ·∇ŷᵢ∇ŷᵢᵀ + Σᵢ rᵢ·∇²ŷᵢ + weight_decay·I, with rᵢ = ℓ′(ŷᵢ)/N and qᵢ = ℓ″(ŷᵢ)/N ≥ 0.
//!
//! The first (Gauss–Newton) part is one matrix product J·Jᵀ of the P×N matrix of √qᵢ·∇ŷᵢ, done by nalgebra's
//! cache-blocked gemm. The second is forward-over-reverse differentiation done by hand: the tangent of
//! backpropagation (the derivative of ∇ŷ along a direction), seeded not along each of the P parameters but
//! along each hidden unit's pre-activation z. A weight W[j, m] of layer k moves ŷ only through z_k[j] (by
//! a_k[m] per unit of weight) and through the backward pass, so by symmetry of the Hessian the rows of
//! layers ≥ k in its column are a_k[m] times the seed's tangent: one tangent pass per hidden unit instead
//! of one per parameter, and the rows of earlier layers are filled from the transpose. For the last hidden
//! layer the tangent has only two non-zero pieces and is written out directly.
//!
//! The activations' derivatives are exact: tanh′ = 1 − t² and tanh″ = −2t(1 − t²) with t = tanh z. Tests
//! check the result against num-dual's second-order dual numbers and against finite differences of ∇L.

use nalgebra::DMatrix;

use super::architecture::Network;
use super::linear::dot;
use super::objective::{layer_parameters, NetworkLoss, Trace};

impl NetworkLoss {
    /// ∇²L(θ), exactly symmetric (all NaN when θ does not have P entries).
    pub fn hessian(&self, theta: &[f64]) -> DMatrix<f64> {
        let network = self.network();
        let train = &self.data().train;
        let (p, n) = (network.parameter_count(), train.len());
        if !self.fits(theta) {
            return DMatrix::from_element(p, p, f64::NAN);
        }
        let mut hessian = DMatrix::zeros(p, p);
        let mut scaled_jacobian = DMatrix::zeros(p, n);
        let mut trace = Trace::new(network);
        let mut adjoints = Adjoints::new(network);
        let mut tangents = Tangents::new(network);
        let inverse_n = 1.0 / n.max(1) as f64;
        for i in 0..n {
            let prediction = trace.forward(network, theta, train.x(i));
            let loss = network.loss().of(prediction, train.y(i));
            adjoints.backpropagate(network, theta, &trace);
            adjoints.write_output_gradient(
                network,
                &trace,
                (loss.curvature * inverse_n).sqrt(),
                scaled_jacobian.column_mut(i).as_mut_slice(),
            );
            let weight = loss.slope * inverse_n;
            if weight == 0.0 {
                continue;
            }
            let last_hidden = network.layers() - 2;
            for layer in 0..last_hidden {
                for unit in 0..network.widths()[layer + 1] {
                    tangents.add_unit_columns(
                        network,
                        theta,
                        &trace,
                        &adjoints,
                        layer,
                        unit,
                        weight,
                        &mut hessian,
                    );
                }
            }
            add_last_hidden_columns(network, &trace, &adjoints, weight, &mut hessian);
        }
        mirror_lower_blocks(network, &mut hessian);
        let transposed = scaled_jacobian.transpose();
        hessian.gemm(1.0, &scaled_jacobian, &transposed, 1.0);
        for k in 0..p {
            hessian[(k, k)] += network.weight_decay();
        }
        symmetrize(&mut hessian);
        hessian
    }
}

/// One example's backpropagated adjoints of ŷ: δ = ∂ŷ/∂z for every layer's output and η = ∂ŷ/∂a for
/// every hidden activation (before the tanh′ factor).
struct Adjoints {
    /// δ of layer l at `delta[delta_starts[l]..]`, widths[l + 1] long.
    delta: Vec<f64>,
    delta_starts: Vec<usize>,
    /// η of layer l's input (l ≥ 1) at `eta[eta_starts[l]..]`, widths[l] long.
    eta: Vec<f64>,
    eta_starts: Vec<usize>,
}

/// Start offsets of consecutive blocks of the given sizes, with the total at the end.
fn starts(sizes: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut starts = vec![0];
    for size in sizes {
        starts.push(starts.last().copied().unwrap_or(0) + size);
    }
    starts
}

impl Adjoints {
    fn new(network: &Network) -> Adjoints {
        let widths = network.widths();
        let delta_starts = starts(widths[1..].iter().copied());
        let eta_starts = starts(widths[..widths.len() - 1].iter().copied());
        Adjoints {
            delta: vec![0.0; delta_starts.last().copied().unwrap_or(0)],
            delta_starts,
            eta: vec![0.0; eta_starts.last().copied().unwrap_or(0)],
            eta_starts,
        }
    }

    fn delta(&self, layer: usize) -> &[f64] {
        &self.delta[self.delta_starts[layer]..self.delta_starts[layer + 1]]
    }

    fn eta(&self, layer: usize) -> &[f64] {
        &self.eta[self.eta_starts[layer]..self.eta_starts[layer + 1]]
    }

    fn backpropagate(&mut self, network: &Network, theta: &[f64], trace: &Trace) {
        let widths = network.widths();
        let last = network.layers() - 1;
        self.delta[self.delta_starts[last]] = 1.0;
        for layer in (1..=last).rev() {
            let (outputs, fan_in) = (widths[layer + 1], widths[layer]);
            let (weights, _) = layer_parameters(network, theta, layer);
            let (early, late) = self.delta.split_at_mut(self.delta_starts[layer]);
            let delta = &late[..outputs];
            let eta = &mut self.eta[self.eta_starts[layer]..self.eta_starts[layer + 1]];
            eta.fill(0.0);
            for (j, &d) in delta.iter().enumerate() {
                for (e, &w) in eta.iter_mut().zip(&weights[j * fan_in..(j + 1) * fan_in]) {
                    *e += w * d;
                }
            }
            let below = &mut early[self.delta_starts[layer - 1]..];
            for ((d, &e), &a) in below.iter_mut().zip(eta.iter()).zip(trace.input(layer)) {
                *d = e * (1.0 - a * a);
            }
        }
    }

    /// `column` = `scale`·∇θ ŷ: per layer δ ⊗ a for the weights, δ for the biases.
    fn write_output_gradient(
        &self,
        network: &Network,
        trace: &Trace,
        scale: f64,
        column: &mut [f64],
    ) {
        for layer in 0..network.layers() {
            let input = trace.input(layer);
            let delta = self.delta(layer);
            let block = &mut column[network.offset(layer)..network.offset(layer + 1)];
            let (weights, biases) = block.split_at_mut(delta.len() * input.len());
            for (j, &d) in delta.iter().enumerate() {
                let row = &mut weights[j * input.len()..(j + 1) * input.len()];
                for (w, &a) in row.iter_mut().zip(input) {
                    *w = scale * d * a;
                }
                biases[j] = scale * d;
            }
        }
    }
}

/// The columns of layer k (unit j's weights and bias), rows of layers ≥ k, of `weight`·∇²ŷ for the last
/// hidden layer k = L − 2. Its seed reaches only z_k[j] and ŷ, so the tangent of ∇ŷ has two pieces:
/// ∂/∂(W_k[j, ·], b_k[j]) gets tanh″·η_j·(a, 1) and the output weight of unit j gets tanh′.
fn add_last_hidden_columns(
    network: &Network,
    trace: &Trace,
    adjoints: &Adjoints,
    weight: f64,
    hessian: &mut DMatrix<f64>,
) {
    let widths = network.widths();
    let layer = network.layers() - 2;
    let (fan_in, units) = (widths[layer], widths[layer + 1]);
    let start = network.offset(layer);
    let output_weights = network.offset(layer + 1);
    let input = trace.input(layer);
    let activation = trace.input(layer + 1);
    let eta = adjoints.eta(layer + 1);
    let p = network.parameter_count();
    let data = hessian.as_mut_slice();
    for j in 0..units {
        let t = activation[j];
        let first = 1.0 - t * t;
        let second = -2.0 * t * first;
        // Unit j's rows and columns: its weights (contiguous), then its bias (input 1).
        let weight_rows = start + j * fan_in..start + (j + 1) * fan_in;
        let bias_row = start + units * fan_in + j;
        let columns = weight_rows
            .clone()
            .zip(input)
            .map(|(column, &a)| (column, a))
            .chain(std::iter::once((bias_row, 1.0)));
        for (column, extended) in columns {
            let alpha = weight * extended;
            let own = alpha * second * eta[j];
            let target = &mut data[column * p..(column + 1) * p];
            for (h, &a) in target[weight_rows.clone()].iter_mut().zip(input) {
                *h += own * a;
            }
            target[bias_row] += own;
            target[output_weights + j] += alpha * first;
        }
    }
}

/// Buffers for the tangent of backpropagation seeded at one hidden unit's pre-activation.
struct Tangents {
    /// dz of every layer's output and da of every layer's input, laid out like the adjoints.
    dz: Vec<f64>,
    da: Vec<f64>,
    /// dδ of every layer's output.
    d_delta: Vec<f64>,
    /// The tangent of ∇ŷ over the rows of layers ≥ k.
    rows: Vec<f64>,
    /// Wᵀ·dδ of the layer being visited.
    back: Vec<f64>,
    output_starts: Vec<usize>,
    input_starts: Vec<usize>,
}

impl Tangents {
    fn new(network: &Network) -> Tangents {
        let widths = network.widths();
        let output_starts = starts(widths[1..].iter().copied());
        let input_starts = starts(widths[..widths.len() - 1].iter().copied());
        let outputs = output_starts.last().copied().unwrap_or(0);
        Tangents {
            dz: vec![0.0; outputs],
            da: vec![0.0; input_starts.last().copied().unwrap_or(0)],
            d_delta: vec![0.0; outputs],
            rows: vec![0.0; network.parameter_count()],
            back: vec![0.0; widths.iter().copied().max().unwrap_or(1)],
            output_starts,
            input_starts,
        }
    }

    /// Adds `weight`·∇²ŷ's columns of unit `unit` in hidden layer `layer` (< L − 2), rows of layers ≥ it.
    #[allow(clippy::too_many_arguments)]
    fn add_unit_columns(
        &mut self,
        network: &Network,
        theta: &[f64],
        trace: &Trace,
        adjoints: &Adjoints,
        layer: usize,
        unit: usize,
        weight: f64,
        hessian: &mut DMatrix<f64>,
    ) {
        let widths = network.widths();
        let last = network.layers() - 1;
        let (os, is) = (&self.output_starts, &self.input_starts);
        // Forward: dz_k = e_unit, then da⁽ˡ⁾ = tanh′ ⊙ dz_{l−1} and dz_l = W_l·da⁽ˡ⁾ up to the last hidden layer.
        self.dz[os[layer]..os[layer + 1]].fill(0.0);
        self.dz[os[layer] + unit] = 1.0;
        for l in layer + 1..=last {
            let below = &self.dz[os[l - 1]..os[l]];
            let a = trace.input(l);
            let da = &mut self.da[is[l]..is[l + 1]];
            for ((d, &z), &t) in da.iter_mut().zip(below).zip(a) {
                *d = (1.0 - t * t) * z;
            }
            if l < last {
                let (weights, _) = layer_parameters(network, theta, l);
                let fan_in = widths[l];
                let da = &self.da[is[l]..is[l + 1]];
                for (j, dz) in self.dz[os[l]..os[l + 1]].iter_mut().enumerate() {
                    *dz = dot(&weights[j * fan_in..(j + 1) * fan_in], da);
                }
            }
        }
        // Backward: dδ_{L−1} = 0 (the ℓ″ part is the Gauss–Newton term), then
        // dδ_{l−1} = tanh″ ⊙ dz_{l−1} ⊙ η⁽ˡ⁾ + tanh′ ⊙ W_lᵀ·dδ_l.
        self.d_delta[os[last]..os[last + 1]].fill(0.0);
        for l in (layer + 1..=last).rev() {
            let (weights, _) = layer_parameters(network, theta, l);
            let fan_in = widths[l];
            let (early, late) = self.d_delta.split_at_mut(os[l]);
            let above = &late[..widths[l + 1]];
            let below = &mut early[os[l - 1]..];
            let a = trace.input(l);
            let eta = adjoints.eta(l);
            let dz = &self.dz[os[l - 1]..os[l]];
            // Wᵀ·dδ, row by row of W so the loop runs over contiguous weights.
            let back = &mut self.back[..fan_in];
            back.fill(0.0);
            for (row, &d) in weights.chunks_exact(fan_in).zip(above) {
                for (b, &w) in back.iter_mut().zip(row) {
                    *b += w * d;
                }
            }
            for m in 0..fan_in {
                let t = a[m];
                let first = 1.0 - t * t;
                below[m] = -2.0 * t * first * dz[m] * eta[m] + first * back[m];
            }
        }
        // The tangent of ∇ŷ on the rows of layers ≥ k: dδ ⊗ a + δ ⊗ da (da of layer k's input is 0).
        let start = network.offset(layer);
        let rows = &mut self.rows[start..];
        for l in layer..=last {
            let (fan_in, outputs) = (widths[l], widths[l + 1]);
            let block = &mut rows[network.offset(l) - start..network.offset(l + 1) - start];
            let (weights, biases) = block.split_at_mut(outputs * fan_in);
            let a = trace.input(l);
            let d_delta = &self.d_delta[os[l]..os[l + 1]];
            let delta = adjoints.delta(l);
            let da = &self.da[is[l]..is[l + 1]];
            for j in 0..outputs {
                let row = &mut weights[j * fan_in..(j + 1) * fan_in];
                for m in 0..fan_in {
                    let moved = if l > layer { delta[j] * da[m] } else { 0.0 };
                    row[m] = d_delta[j] * a[m] + moved;
                }
                biases[j] = d_delta[j];
            }
        }
        // Column (k, unit, m) gets weight·a_k[m] times it; the bias column weight·1.
        let (fan_in, units) = (widths[layer], widths[layer + 1]);
        let input = trace.input(layer);
        let p = network.parameter_count();
        let data = hessian.as_mut_slice();
        let columns = input
            .iter()
            .enumerate()
            .map(|(m, &a)| (start + unit * fan_in + m, weight * a))
            .chain(std::iter::once((start + units * fan_in + unit, weight)));
        for (column, alpha) in columns {
            let target = &mut data[column * p + start..(column + 1) * p];
            for (h, &r) in target.iter_mut().zip(rows.iter()) {
                *h += alpha * r;
            }
        }
    }
}

/// Copies each layer's columns' later-layer rows into the matching rows of the upper triangle.
fn mirror_lower_blocks(network: &Network, hessian: &mut DMatrix<f64>) {
    for layer in 0..network.layers() {
        for column in network.offset(layer)..network.offset(layer + 1) {
            for row in network.offset(layer + 1)..network.parameter_count() {
                hessian[(column, row)] = hessian[(row, column)];
            }
        }
    }
}

/// (H + Hᵀ)/2 in place: the products summed in different orders leave the halves a rounding apart.
fn symmetrize(matrix: &mut DMatrix<f64>) {
    let n = matrix.nrows();
    for column in 0..n {
        for row in column + 1..n {
            let mean = 0.5 * (matrix[(row, column)] + matrix[(column, row)]);
            matrix[(row, column)] = mean;
            matrix[(column, row)] = mean;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::network::objective::tests::sample;
    use crate::network::Task;

    #[test]
    fn the_hessian_matches_central_differences_of_the_gradient() {
        for (task, hidden, decay) in [
            (Task::Sine, vec![5], 0.0),
            (Task::Xor, vec![3, 4], 0.01),
            (Task::Gauss, vec![2, 3], 0.0),
            (Task::Sine, vec![4, 3], 0.0),
            (Task::Spiral, vec![4], 0.1),
        ] {
            let (loss, theta) = sample(task, &hidden, decay, 9);
            let hessian = loss.hessian(&theta);
            assert_eq!(hessian, hessian.transpose());
            let h = 1e-5;
            for k in 0..theta.len() {
                let at = |by: f64| {
                    let mut t = theta.clone();
                    t[k] += by;
                    loss.gradient(&t).1
                };
                let (plus, minus) = (at(h), at(-h));
                for row in 0..theta.len() {
                    let numeric = (plus[row] - minus[row]) / (2.0 * h);
                    assert!(
                        (hessian[(row, k)] - numeric).abs() < 1e-7,
                        "{task:?} {hidden:?}: H[{row},{k}] = {} vs {numeric}",
                        hessian[(row, k)]
                    );
                }
            }
        }
    }
}
