//! What the map's colours show: L, the curvature class, or the basins of attraction.

/// What the map's colours show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapMode {
    /// The loss L as a heat map.
    Loss,
    /// The curvature class of the Hessian at each cell (bowl, cap, saddle…).
    Curvature,
    /// Each start coloured by where the race's first optimizer ends from it: its basin of attraction
    /// ([`crate::optim::Basins`]).
    Basins,
}

impl MapMode {
    /// Every mode: a link's `map=` is looked up among their [`name`](Self::name)s.
    pub const ALL: [MapMode; 3] = [MapMode::Loss, MapMode::Curvature, MapMode::Basins];

    /// The name used in links (`map=curvature`).
    pub fn name(self) -> &'static str {
        match self {
            MapMode::Loss => "loss",
            MapMode::Curvature => "curvature",
            MapMode::Basins => "basins",
        }
    }
}
