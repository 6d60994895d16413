//! What the pointers on the map are doing — dragging θ′, panning, pinching — and what each pointer event
//! asks of the view. Pure state, so every gesture is tested natively; the page only feeds it events.

use super::MapTransform;
use crate::bounds::Bounds;
use crate::surface::Point;

/// A press that moves less than this (CSS pixels) is a click: it drops the point.
pub const CLICK_SLOP: f64 = 5.0;
/// How close (CSS pixels) a press must be to θ′ to grab it.
pub const GRAB_RADIUS: f64 = 16.0;

/// One pointer (a mouse, a finger or a pen).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Pointer {
    pub id: i32,
    /// Position in CSS pixels relative to the canvas.
    pub at: [f64; 2],
}

/// The gesture in progress.
#[derive(Debug, Default, Clone, PartialEq)]
pub enum Gesture {
    #[default]
    Idle,
    DragPoint {
        pointer: i32,
    },
    Pan {
        pointer: Pointer,
        /// The view when the press began: panning is relative to it, so rounding never accumulates.
        start: MapTransform,
        moved: bool,
    },
    Pinch {
        pointers: [Pointer; 2],
        start: MapTransform,
    },
}

/// What a pointer event asks of the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum GestureEffect {
    Nothing,
    /// θ′ follows the pointer to this data point.
    MovePoint(Point),
    /// The map shows this box.
    ShowBounds(Bounds),
    /// A click: drop θ′ where the pointer is (CSS pixels; the page may snap it to a marked point).
    DropPoint([f64; 2]),
}

impl Gesture {
    pub fn is_active(&self) -> bool {
        !matches!(self, Gesture::Idle)
    }

    /// A pointer goes down: a second finger turns a pan into a pinch; a first press on θ′ (`on_point`)
    /// grabs it, anywhere else starts a pan of `view`.
    pub fn press(&mut self, pointer: Pointer, on_point: bool, view: MapTransform) {
        *self = match std::mem::take(self) {
            Gesture::Pan {
                pointer: first,
                start,
                ..
            } if first.id != pointer.id => Gesture::Pinch {
                pointers: [first, pointer],
                start,
            },
            Gesture::Idle if on_point => Gesture::DragPoint {
                pointer: pointer.id,
            },
            Gesture::Idle => Gesture::Pan {
                pointer,
                start: view,
                moved: false,
            },
            busy => busy,
        };
    }

    /// A pointer moves; `scale` is backend pixels per CSS pixel and `view` the map's current view.
    pub fn drag(&mut self, pointer: Pointer, view: &MapTransform, scale: f64) -> GestureEffect {
        let device = |css: [f64; 2]| [css[0] * scale, css[1] * scale];
        match self {
            Gesture::DragPoint { pointer: id } if *id == pointer.id => {
                GestureEffect::MovePoint(view.to_data(device(pointer.at)))
            }
            Gesture::Pan {
                pointer: first,
                start,
                moved,
            } if first.id == pointer.id => {
                let delta = [pointer.at[0] - first.at[0], pointer.at[1] - first.at[1]];
                if *moved || distance(delta, [0.0, 0.0]) > CLICK_SLOP {
                    *moved = true;
                    GestureEffect::ShowBounds(start.panned(device(delta)))
                } else {
                    GestureEffect::Nothing
                }
            }
            Gesture::Pinch { pointers, start } => {
                let Some(index) = pointers.iter().position(|p| p.id == pointer.id) else {
                    return GestureEffect::Nothing;
                };
                let mut now = *pointers;
                now[index] = pointer;
                let before = distance(pointers[0].at, pointers[1].at);
                let after = distance(now[0].at, now[1].at);
                if before > 1.0 && after > 1.0 {
                    let centre = midpoint(pointers[0].at, pointers[1].at);
                    GestureEffect::ShowBounds(start.zoomed(device(centre), after / before))
                } else {
                    GestureEffect::Nothing
                }
            }
            _ => GestureEffect::Nothing,
        }
    }

    /// A pointer is lifted (`lifted`) or its gesture cancelled. A press that never moved is a click; the
    /// finger left of a pinch keeps panning from `view`, the view as it is now.
    pub fn release(&mut self, pointer: Pointer, lifted: bool, view: MapTransform) -> GestureEffect {
        match std::mem::take(self) {
            Gesture::Pan {
                pointer: first,
                moved: false,
                ..
            } if lifted && first.id == pointer.id => GestureEffect::DropPoint(pointer.at),
            Gesture::Pinch { pointers, .. } => {
                if let Some(rest) = pointers.iter().find(|p| p.id != pointer.id) {
                    *self = Gesture::Pan {
                        pointer: *rest,
                        start: view,
                        moved: true,
                    };
                }
                GestureEffect::Nothing
            }
            _ => GestureEffect::Nothing,
        }
    }
}

fn distance(a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}

fn midpoint(a: [f64; 2], b: [f64; 2]) -> [f64; 2] {
    [0.5 * (a[0] + b[0]), 0.5 * (a[1] + b[1])]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::PlotArea;

    /// The box [0, 10]² on a 100 × 100 px plot area at the canvas's origin: 10 px per unit, y up.
    fn view() -> MapTransform {
        MapTransform {
            bounds: Bounds::new(0.0, 10.0, 0.0, 10.0).expect("a box"),
            area: PlotArea {
                left: 0.0,
                top: 0.0,
                width: 100.0,
                height: 100.0,
            },
        }
    }

    fn finger(id: i32, x: f64, y: f64) -> Pointer {
        Pointer { id, at: [x, y] }
    }

    #[test]
    fn a_press_that_does_not_move_is_a_click() {
        let mut gesture = Gesture::default();
        gesture.press(finger(1, 50.0, 50.0), false, view());
        assert_eq!(
            gesture.drag(finger(1, 53.0, 51.0), &view(), 1.0),
            GestureEffect::Nothing
        );
        assert_eq!(
            gesture.release(finger(1, 53.0, 51.0), true, view()),
            GestureEffect::DropPoint([53.0, 51.0])
        );
        assert!(!gesture.is_active());
    }

    #[test]
    fn a_drag_pans_relative_to_the_view_at_the_press() {
        let mut gesture = Gesture::default();
        gesture.press(finger(1, 50.0, 50.0), false, view());
        // 20 CSS px right and 10 down at 2 device px per CSS px: 40 and 20 device px, 4 and 2 units.
        let effect = gesture.drag(finger(1, 70.0, 60.0), &view(), 2.0);
        assert_eq!(
            effect,
            GestureEffect::ShowBounds(Bounds::new(-4.0, 6.0, 2.0, 12.0).expect("a box"))
        );
        // Released after moving: no click.
        assert_eq!(
            gesture.release(finger(1, 70.0, 60.0), true, view()),
            GestureEffect::Nothing
        );
    }

    #[test]
    fn a_press_on_the_point_drags_it_in_data_coordinates() {
        let mut gesture = Gesture::default();
        gesture.press(finger(7, 20.0, 30.0), true, view());
        assert_eq!(
            gesture.drag(finger(7, 25.0, 40.0), &view(), 1.0),
            GestureEffect::MovePoint([2.5, 6.0])
        );
        // Another pointer does not move it.
        assert_eq!(
            gesture.drag(finger(8, 90.0, 90.0), &view(), 1.0),
            GestureEffect::Nothing
        );
    }

    #[test]
    fn two_fingers_pinch_about_their_midpoint_and_the_last_one_pans_on() {
        let mut gesture = Gesture::default();
        gesture.press(finger(1, 40.0, 50.0), false, view());
        gesture.press(finger(2, 60.0, 50.0), false, view());
        // Fingers 20 px apart spread to 40: zoom in 2× about (50, 50) px, the point (5, 5).
        let effect = gesture.drag(finger(2, 80.0, 50.0), &view(), 1.0);
        let GestureEffect::ShowBounds(zoomed) = effect else {
            panic!("a pinch shows a new box, not {effect:?}");
        };
        assert!((zoomed.width() - 5.0).abs() < 1e-12, "{zoomed:?}");
        assert!((zoomed.x_min - 2.5).abs() < 1e-12 && (zoomed.y_min - 2.5).abs() < 1e-12);
        gesture.release(finger(2, 80.0, 50.0), true, view());
        assert!(matches!(
            gesture,
            Gesture::Pan {
                pointer: Pointer { id: 1, .. },
                moved: true,
                ..
            }
        ));
    }
}
