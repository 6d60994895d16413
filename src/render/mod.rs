//! The drawing math shared by the browser map and the `saddle render` figures.
//!
//! Pure numbers in, pixels and line segments out: no web types, so every piece is tested natively
//! and the wasm front end only copies the results onto a canvas.

mod basins;
mod colormap;
mod contour;
mod curvature;
mod gesture;
mod grid;
mod keys;
mod map_mode;
mod nice;
mod orientation;
mod taylor;
mod view;

pub use basins::{
    attractor_rgb, basin_rgb, basins_rgba, BASIN_RGB, DIVERGED_RGB, STILL_MOVING_RGB,
};
pub use colormap::{heatmap_rgba, viridis, ColorScale, UNDEFINED_RGB};
pub use contour::{contour_levels, contour_lines, MAX_CONTOUR_LEVELS};
pub use curvature::{
    curvature_class, curvature_grid, curvature_rgb, curvature_rgba, curvature_rows,
    hessian_eigenvalues, shape_ratio, CurvatureClass, FLAT_RATIO, MAX_CURVATURE_SIDE,
};
pub use gesture::{Gesture, GestureEffect, Pointer, PointerKind, CLICK_SLOP, GRAB_RADIUS};
pub use grid::{
    affordable_grid, estimated_grid_seconds, is_long, preview_grid, Grid, GRID_BUDGET_SECONDS,
    MAP_GRID_SIDE, MAX_GRID_SIDE, SECONDS_PER_INSTRUCTION,
};
pub use keys::{key_command, Focus, KeyCommand, Modifiers};
pub use map_mode::MapMode;
pub use nice::{nice_ticks, MAX_TICKS};
pub use orientation::Orientation;
pub use taylor::taylor_grid;
pub use view::{round_to_resolution, MapTransform, PlotArea, MAX_SPAN, MIN_SPAN};
