//! The heatmap for SVG and bitmap backends: the page's RGBA grid stretched over the plot area as one image.
//!
//! The page hands the grid to the canvas, whose drawImage smooths it bilinearly; plotters' `blit_bitmap` draws
//! pixels one to one, so the stretching is done here, the same way.

use plotters::coord::Shift;
use plotters::element::BitMapElement;
use plotters::prelude::*;

use super::plot_error;
use crate::render::PlotArea;

/// Draws `rgba` (`columns` × `rows`, row by row from the top) over `area` of `root`.
pub fn blit_heatmap<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    rgba: &[u8],
    (columns, rows): (usize, usize),
    area: PlotArea,
) -> Result<(), String> {
    let (left, top) = (area.left.round() as i32, area.top.round() as i32);
    let (width, height) = (
        area.width.round().max(1.0) as u32,
        area.height.round().max(1.0) as u32,
    );
    let rgb = stretch_bilinear(rgba, (columns, rows), (width as usize, height as usize))?;
    let image = BitMapElement::with_owned_buffer((left, top), (width, height), rgb)
        .ok_or("the heatmap image has the wrong size")?;
    root.draw(&image).map_err(plot_error)
}

/// RGB bytes of `rgba` resampled to `width` × `height` with bilinear filtering over pixel centres, as a
/// canvas scales an image with smoothing on.
fn stretch_bilinear(
    rgba: &[u8],
    (columns, rows): (usize, usize),
    (width, height): (usize, usize),
) -> Result<Vec<u8>, String> {
    if columns == 0 || rows == 0 || rgba.len() != columns * rows * 4 {
        return Err(format!(
            "a {columns}×{rows} heatmap needs {} bytes, not {}",
            columns * rows * 4,
            rgba.len()
        ));
    }
    // Source coordinate of a target pixel's centre, and the two source pixels around it with their weight.
    let taps = |target: usize, targets: usize, sources: usize| {
        let at = ((target as f64 + 0.5) * sources as f64 / targets as f64 - 0.5)
            .clamp(0.0, (sources - 1) as f64);
        let low = at.floor() as usize;
        (low, (low + 1).min(sources - 1), at - low as f64)
    };
    let column_taps: Vec<_> = (0..width).map(|x| taps(x, width, columns)).collect();
    let mut rgb = Vec::with_capacity(width * height * 3);
    for y in 0..height {
        let (above, below, down) = taps(y, height, rows);
        for &(left, right, across) in &column_taps {
            let texel = |column: usize, row: usize, channel: usize| {
                f64::from(rgba[(row * columns + column) * 4 + channel])
            };
            for channel in 0..3 {
                let upper = texel(left, above, channel) * (1.0 - across)
                    + texel(right, above, channel) * across;
                let lower = texel(left, below, channel) * (1.0 - across)
                    + texel(right, below, channel) * across;
                rgb.push((upper * (1.0 - down) + lower * down).round() as u8);
            }
        }
    }
    Ok(rgb)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stretching_interpolates_between_pixel_centres() {
        // Two pixels, black and white, stretched to four: the outer pixels keep the colours, the inner
        // ones sit a quarter and three quarters of the way.
        let rgba = [0, 0, 0, 255, 200, 100, 40, 255];
        let rgb = stretch_bilinear(&rgba, (2, 1), (4, 1)).expect("sizes match");
        assert_eq!(rgb, vec![0, 0, 0, 50, 25, 10, 150, 75, 30, 200, 100, 40]);
    }

    #[test]
    fn a_wrong_buffer_size_is_an_error() {
        assert!(stretch_bilinear(&[0; 7], (2, 1), (4, 4)).is_err());
        assert!(stretch_bilinear(&[], (0, 0), (4, 4)).is_err());
    }
}
