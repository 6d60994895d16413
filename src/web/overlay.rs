//! The map's overlay, redrawn whenever it changes: Taylor model, trajectories, the point and its arrows.

use plotters::prelude::*;

use super::app::App;
use super::map_view::{context_2d, drawing_area, Area, MapView};
use super::palette::{eigen_colour, optimizer_colour, INK, PAPER};
use crate::render::{contour_segments, taylor_grid};
use crate::surface::Point;

/// Arrow lengths in CSS pixels: directions are what the lecture shows, magnitudes are in the inspector.
const GRADIENT_ARROW: f64 = 56.0;
const EIGEN_ARROW: f64 = 60.0;
/// The Taylor model is drawn over this fraction of the view around θ′, where it is meant to be trusted.
const TAYLOR_EXTENT: f64 = 0.6;
const TAYLOR_GRID: usize = 40;

pub fn draw(app: &App) -> Result<(), String> {
    let map = &app.map;
    map.present_base()?;
    let root = drawing_area(&map.canvas)?;
    let context = context_2d(&map.canvas)?;
    let area = map.transform.area;
    context.save();
    context.begin_path();
    context.rect(area.left, area.top, area.width, area.height);
    context.clip();
    let drawn = draw_clipped(app, &root);
    context.restore();
    drawn
}

fn draw_clipped(app: &App, root: &Area) -> Result<(), String> {
    let map = &app.map;
    if let Some(point) = &app.point {
        if point.derivatives.is_finite() && app.escape.is_none() {
            draw_taylor(map, root, point)?;
        }
    }
    for run in &app.race.runs {
        let colour = optimizer_colour(run.kind());
        let path: Vec<(i32, i32)> = run.trajectory().iter().map(|p| map.pixel(*p)).collect();
        root.draw(&PathElement::new(
            path.clone(),
            INK.mix(0.55).stroke_width(map.px(4.0) as u32),
        ))
        .map_err(|e| e.to_string())?;
        root.draw(&PathElement::new(
            path,
            colour.stroke_width(map.px(2.0) as u32),
        ))
        .map_err(|e| e.to_string())?;
        let head = map.pixel(run.position());
        root.draw(&Circle::new(head, map.px(4.0) as i32, colour.filled()))
            .map_err(|e| e.to_string())?;
        root.draw(&Circle::new(head, map.px(4.0) as i32, INK.stroke_width(1)))
            .map_err(|e| e.to_string())?;
    }
    if let Some(escape) = &app.escape {
        draw_point(map, root, escape.position())?;
        return Ok(());
    }
    let Some(point) = &app.point else {
        return Ok(());
    };
    super::batch::draw_gradient_cloud(app, root, point)?;
    if point.derivatives.is_finite() {
        for i in 0..2 {
            let lambda = point.eigen.values[i];
            arrow(
                map,
                root,
                point.at,
                point.eigen.vectors[i],
                EIGEN_ARROW,
                eigen_colour(lambda),
            )?;
        }
        if point.derivatives.gradient_norm() > crate::analysis::GRADIENT_TOLERANCE {
            arrow(
                map,
                root,
                point.at,
                point.derivatives.gradient,
                GRADIENT_ARROW,
                INK,
            )?;
        }
    }
    draw_point(map, root, point.at)
}

fn draw_point(map: &MapView, root: &Area, at: Point) -> Result<(), String> {
    let centre = map.pixel(at);
    root.draw(&Circle::new(centre, map.px(7.0) as i32, PAPER.filled()))
        .and_then(|_| {
            root.draw(&Circle::new(
                centre,
                map.px(7.0) as i32,
                INK.stroke_width(map.px(2.0) as u32),
            ))
        })
        .and_then(|_| root.draw(&Circle::new(centre, map.px(2.5) as i32, INK.filled())))
        .map_err(|e| e.to_string())
}

/// Dashed contours of the second-order Taylor model at the map's own levels, for a side-by-side comparison.
fn draw_taylor(
    map: &MapView,
    root: &Area,
    point: &crate::analysis::PointAnalysis,
) -> Result<(), String> {
    let view = map.transform.bounds;
    let half = [
        0.5 * TAYLOR_EXTENT * view.width(),
        0.5 * TAYLOR_EXTENT * view.height(),
    ];
    let Ok(local) = crate::bounds::Bounds::new(
        point.at[0] - half[0],
        point.at[0] + half[0],
        point.at[1] - half[1],
        point.at[1] + half[1],
    ) else {
        return Ok(());
    };
    let model = taylor_grid(
        &point.derivatives,
        point.at,
        local,
        TAYLOR_GRID,
        TAYLOR_GRID,
    );
    // Marching squares gives cell-sized pieces, so a fine dot pattern reads evenly where long dashes would not.
    let dash = map.px(2.0) as u32;
    let gap = map.px(3.0) as u32;
    let style = PAPER.stroke_width(map.px(2.0) as u32);
    for level in &map.levels {
        for [a, b] in contour_segments(&model, *level) {
            root.draw(&plotters::element::DashedPathElement::new(
                vec![map.pixel(a), map.pixel(b)],
                dash,
                gap,
                style,
            ))
            .map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}

/// An arrow of fixed screen length from `at` along the data-space direction `direction`.
fn arrow(
    map: &MapView,
    root: &Area,
    at: Point,
    direction: [f64; 2],
    css_length: f64,
    colour: RGBColor,
) -> Result<(), String> {
    let start = map.transform.to_pixel(at);
    // Map the direction through the transform, so arrows stay true when the axes have different scales.
    let epsilon = 1e-3
        * map
            .transform
            .bounds
            .width()
            .min(map.transform.bounds.height());
    let norm = direction[0].hypot(direction[1]);
    if !norm.is_finite() || norm <= 0.0 {
        return Ok(());
    }
    let ahead = map.transform.to_pixel([
        at[0] + epsilon * direction[0] / norm,
        at[1] + epsilon * direction[1] / norm,
    ]);
    let (dx, dy) = (ahead[0] - start[0], ahead[1] - start[1]);
    let pixels = dx.hypot(dy);
    if pixels.is_nan() || pixels <= 0.0 {
        return Ok(());
    }
    let length = map.px(css_length);
    let (ux, uy) = (dx / pixels, dy / pixels);
    let tip = [start[0] + ux * length, start[1] + uy * length];
    let head = map.px(9.0);
    let base = [tip[0] - ux * head, tip[1] - uy * head];
    let wing = [-uy * head * 0.5, ux * head * 0.5];
    let to_i = |p: [f64; 2]| (p[0].round() as i32, p[1].round() as i32);
    let shaft = vec![to_i(start), to_i(base)];
    let barb = vec![
        to_i(tip),
        to_i([base[0] + wing[0], base[1] + wing[1]]),
        to_i([base[0] - wing[0], base[1] - wing[1]]),
    ];
    root.draw(&PathElement::new(
        shaft.clone(),
        PAPER.stroke_width(map.px(5.0) as u32),
    ))
    .and_then(|_| {
        root.draw(&Polygon::new(
            barb.clone(),
            PAPER.stroke_width(map.px(3.0) as u32),
        ))
    })
    .and_then(|_| {
        root.draw(&PathElement::new(
            shaft,
            colour.stroke_width(map.px(2.5) as u32),
        ))
    })
    .and_then(|_| root.draw(&Polygon::new(barb, colour.filled())))
    .map_err(|e| e.to_string())
}
