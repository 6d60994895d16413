//! The drawing math shared by the browser map and the `saddle render` figures.
//!
//! Pure numbers in, pixels and line segments out: no web types, so every piece is tested natively
//! and the wasm front end only copies the results onto a canvas.

mod basins;
mod colormap;
mod contour;
mod curvature;
mod grid;
mod nice;
mod taylor;
mod view;

pub use basins::{
    attractor_rgb, basin_rgb, basins_rgba, BASIN_RGB, DIVERGED_RGB, STILL_MOVING_RGB,
};
pub use colormap::{heatmap_rgba, viridis, ColorScale, UNDEFINED_RGB};
pub use contour::{contour_levels, contour_lines, MAX_CONTOUR_LEVELS};
pub use curvature::{
    curvature_class, curvature_rgb, curvature_rgba, curvature_rows, hessian_eigenvalues,
    shape_ratio, CurvatureClass, FLAT_RATIO,
};
pub use grid::{estimated_grid_seconds, Grid, MAX_GRID_SIDE, SECONDS_PER_INSTRUCTION};
pub use nice::{format_tick, nice_ticks, MAX_TICKS};
pub use taylor::taylor_grid;
pub use view::{MapTransform, PlotArea, MAX_SPAN, MIN_SPAN};
