//! Adam over a parameter vector of any length, for training the minimum-ratio network.

const BETA1: f64 = 0.9;
const BETA2: f64 = 0.999;
const EPSILON: f64 = 1e-8;

/// Adam with bias correction (Kingma & Ba 2015), PyTorch's defaults.
#[derive(Clone, Debug)]
pub(super) struct VectorAdam {
    learning_rate: f64,
    mean: Vec<f64>,
    square_mean: Vec<f64>,
    /// β1ᵗ and β2ᵗ, kept as running products.
    beta_powers: [f64; 2],
}

impl VectorAdam {
    pub(super) fn new(learning_rate: f64, len: usize) -> Self {
        VectorAdam {
            learning_rate,
            mean: vec![0.0; len],
            square_mean: vec![0.0; len],
            beta_powers: [1.0; 2],
        }
    }

    /// θ ← θ − η·m̂/(√v̂ + ε) after folding `gradient` into the moments.
    pub(super) fn step(&mut self, theta: &mut [f64], gradient: &[f64]) {
        self.beta_powers = [self.beta_powers[0] * BETA1, self.beta_powers[1] * BETA2];
        let mean_correction = 1.0 - self.beta_powers[0];
        let square_correction = 1.0 - self.beta_powers[1];
        let moments = self.mean.iter_mut().zip(self.square_mean.iter_mut());
        for ((t, &g), (m, v)) in theta.iter_mut().zip(gradient).zip(moments) {
            *m = BETA1 * *m + (1.0 - BETA1) * g;
            *v = BETA2 * *v + (1.0 - BETA2) * g * g;
            *t -= self.learning_rate * (*m / mean_correction)
                / ((*v / square_correction).sqrt() + EPSILON);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_step_moves_each_coordinate_by_the_learning_rate_against_its_sign() {
        // m̂ = g and v̂ = g² after one step, so the step is η·g/(|g| + ε).
        let mut adam = VectorAdam::new(0.1, 3);
        let mut theta = [1.0, 2.0, 3.0];
        adam.step(&mut theta, &[4.0, -0.5, 0.0]);
        let expected = [
            1.0 - 0.1 * 4.0 / (4.0 + EPSILON),
            2.0 + 0.1 * 0.5 / (0.5 + EPSILON),
            3.0,
        ];
        for (t, e) in theta.iter().zip(expected) {
            assert!((t - e).abs() < 1e-15, "{theta:?}");
        }
    }
}
