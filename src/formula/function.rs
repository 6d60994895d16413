use num_dual::DualNum;

/// The one-argument functions a formula may call.
///
/// All are smooth where defined except `abs` (a kink at 0, where its derivative
/// is taken as 0) and `relu` (a kink at 0, derivative taken as 0). Outside a
/// function's domain (`log` of a negative, `sqrt` of a negative) the value is
/// NaN, which the rest of Saddle shows as "undefined here".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Function {
    /// sin v, v in radians.
    Sin,
    /// cos v, v in radians.
    Cos,
    /// tan v, v in radians; it grows without bound near odd multiples of π/2.
    Tan,
    /// eᵛ.
    Exp,
    /// The natural logarithm ln v, written `log` or `ln`; undefined for v < 0.
    Log,
    /// √v; undefined for v < 0.
    Sqrt,
    /// tanh v, the classic activation between −1 and 1.
    Tanh,
    /// |v|, with derivative 0 at the kink.
    Abs,
    /// sinh v.
    Sinh,
    /// cosh v.
    Cosh,
    /// arctan v, in radians.
    Atan,
    /// σ(v) = 1/(1 + e⁻ᵛ), the logistic activation.
    Sigmoid,
    /// ln(1 + eᵛ), a smooth ReLU; computed so that a large v does not overflow.
    Softplus,
    /// max(v, 0), with derivative 0 at the kink.
    Relu,
}

impl Function {
    /// Every function with the name it is written with; `ln` is an alias of `log`.
    pub const ALL: [(&'static str, Function); 15] = [
        ("sin", Function::Sin),
        ("cos", Function::Cos),
        ("tan", Function::Tan),
        ("exp", Function::Exp),
        ("log", Function::Log),
        ("ln", Function::Log),
        ("sqrt", Function::Sqrt),
        ("tanh", Function::Tanh),
        ("abs", Function::Abs),
        ("sinh", Function::Sinh),
        ("cosh", Function::Cosh),
        ("atan", Function::Atan),
        ("sigmoid", Function::Sigmoid),
        ("softplus", Function::Softplus),
        ("relu", Function::Relu),
    ];

    /// The function called `name`, if any; `name` in lower case, as the lexer hands names over.
    pub fn from_name(name: &str) -> Option<Function> {
        Self::ALL
            .iter()
            .find(|(known, _)| *known == name)
            .map(|&(_, function)| function)
    }

    /// Applies the function to a plain or dual number.
    pub fn apply<D: DualNum<Primitive = f64>>(self, v: D) -> D {
        match self {
            Function::Sin => v.sin(),
            Function::Cos => v.cos(),
            Function::Tan => v.tan(),
            Function::Exp => v.exp(),
            Function::Log => v.ln(),
            Function::Sqrt => v.sqrt(),
            Function::Tanh => v.tanh(),
            Function::Abs => kinked(v, -1.0),
            Function::Sinh => v.sinh(),
            Function::Cosh => v.cosh(),
            Function::Atan => v.atan(),
            Function::Sigmoid => ((-v).exp() + 1.0).recip(),
            // ln(1 + e^v) overflows for large v; v + ln(1 + e^-v) is the same number there.
            Function::Softplus if v.re() > 0.0 => v.clone() + (-v).exp().ln_1p(),
            Function::Softplus => v.exp().ln_1p(),
            Function::Relu => kinked(v, 0.0),
        }
    }
}

/// `v` for positive `v`, `slope_below·v` below zero: `abs` and `relu`, with slope 0 exactly at the kink.
fn kinked<D: DualNum<Primitive = f64>>(v: D, slope_below: f64) -> D {
    let re = v.re();
    if re > 0.0 {
        v
    } else if re < 0.0 {
        v * slope_below
    } else {
        // At the kink itself the value is 0 and every derivative is taken as 0.
        v * 0.0
    }
}
