//! What the pointers on the map are doing — dragging θ′, panning, pinching — and what each pointer event
//! asks of the view. Pure state, so every gesture is tested natively; the page only feeds it events.
//!
//! A mouse (or pen) drags the map to pan it and clicks to drop θ′. A finger is different: one finger on a
//! phone scrolls the page, so a single touch only taps (dropping θ′) or, pressed on θ′, drags it; panning
//! and zooming take two fingers. [`Gesture::holds_touch`] tells the page when the map keeps a touch for
//! itself, so that it stops the browser from scrolling only then.

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
    /// The browser's pointer id, which tells the fingers of one gesture apart.
    pub id: i32,
    /// Position in CSS pixels relative to the canvas.
    pub at: [f64; 2],
}

/// What kind of pointer went down.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PointerKind {
    /// A mouse or a pen: drags pan the map.
    Mouse,
    /// A finger: one alone taps or lets the page scroll; two pan and zoom.
    Touch,
}

/// The gesture in progress.
#[derive(Debug, Default, Clone, PartialEq)]
pub enum Gesture {
    /// No pointer is doing anything to the map.
    #[default]
    Idle,
    /// A press on θ′ grabbed it: θ′ follows this pointer until it lifts.
    DragPoint {
        /// The id of the pointer holding θ′.
        pointer: i32,
    },
    /// One finger down off θ′: a tap if it lifts where it went down; if it moves, the page scrolls instead.
    Tap {
        /// The finger as it went down.
        pointer: Pointer,
        /// Whether it has strayed more than [`CLICK_SLOP`]: then lifting it is no tap.
        moved: bool,
    },
    /// A mouse (or the finger left of a pinch) dragging the map: the view follows it.
    Pan {
        /// The pointer as it went down.
        pointer: Pointer,
        /// The view when the press began: panning is relative to it, so rounding never accumulates.
        start: MapTransform,
        /// Whether it has moved more than [`CLICK_SLOP`]: until then it may still be a click.
        moved: bool,
    },
    /// Two pointers: the map zooms by their spread and pans with their midpoint.
    Pinch {
        /// Where the two pointers were when the pinch began, with `start` the view then.
        pointers: [Pointer; 2],
        /// Where they are now.
        now: [Pointer; 2],
        /// The view when the pinch began, which the spread and midpoint are applied to.
        start: MapTransform,
    },
}

/// What a pointer event asks of the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum GestureEffect {
    /// The page need not do anything.
    Nothing,
    /// θ′ follows the pointer to this data point.
    MovePoint(Point),
    /// The map shows this box.
    ShowBounds(Bounds),
    /// A click: drop θ′ where the pointer is (CSS pixels; the page may snap it to a marked point).
    DropPoint([f64; 2]),
}

impl Gesture {
    /// Whether some gesture is under way (anything but [`Gesture::Idle`]).
    pub fn is_active(&self) -> bool {
        !matches!(self, Gesture::Idle)
    }

    /// Whether the map uses the touches now on it (dragging θ′, two-finger panning and zooming), so the page
    /// must keep the browser from scrolling with them. A lone finger that has not grabbed θ′ is left to
    /// scroll the page.
    pub fn holds_touch(&self) -> bool {
        matches!(
            self,
            Gesture::DragPoint { .. } | Gesture::Pan { .. } | Gesture::Pinch { .. }
        )
    }

    /// A pointer goes down: a second pointer turns a pan or a tap into a pinch; a first press on θ′
    /// (`on_point`) grabs it; anywhere else a mouse starts a pan of `view` and a finger a tap.
    pub fn press(
        &mut self,
        pointer: Pointer,
        kind: PointerKind,
        on_point: bool,
        view: MapTransform,
    ) {
        *self = match std::mem::take(self) {
            Gesture::Pan {
                pointer: first,
                start,
                ..
            } if first.id != pointer.id => Gesture::Pinch {
                pointers: [first, pointer],
                now: [first, pointer],
                start,
            },
            // The second finger: the pinch starts from the view as it is now.
            Gesture::Tap { pointer: first, .. } if first.id != pointer.id => Gesture::Pinch {
                pointers: [first, pointer],
                now: [first, pointer],
                start: view,
            },
            Gesture::Idle if on_point => Gesture::DragPoint {
                pointer: pointer.id,
            },
            Gesture::Idle if kind == PointerKind::Touch => Gesture::Tap {
                pointer,
                moved: false,
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
                GestureEffect::MovePoint(view.resolved(view.to_data(device(pointer.at))))
            }
            Gesture::Tap {
                pointer: first,
                moved,
            } if first.id == pointer.id => {
                *moved |= distance(pointer.at, first.at) > CLICK_SLOP;
                GestureEffect::Nothing
            }
            Gesture::Pan {
                pointer: first,
                start,
                moved,
            } if first.id == pointer.id => {
                let delta = [pointer.at[0] - first.at[0], pointer.at[1] - first.at[1]];
                if *moved || distance(delta, [0.0, 0.0]) > CLICK_SLOP {
                    *moved = true;
                    GestureEffect::ShowBounds(start.resolved_bounds(start.panned(device(delta))))
                } else {
                    GestureEffect::Nothing
                }
            }
            Gesture::Pinch {
                pointers,
                now,
                start,
            } => {
                let Some(index) = pointers.iter().position(|p| p.id == pointer.id) else {
                    return GestureEffect::Nothing;
                };
                now[index] = pointer;
                let before = distance(pointers[0].at, pointers[1].at);
                let after = distance(now[0].at, now[1].at);
                if before > 1.0 && after > 1.0 {
                    // What was under the fingers' first midpoint follows their midpoint now, at the
                    // spread's magnification.
                    let centre = midpoint(pointers[0].at, pointers[1].at);
                    let zoomed = MapTransform {
                        bounds: start.zoomed(device(centre), after / before),
                        area: start.area,
                    };
                    let shift = midpoint(now[0].at, now[1].at);
                    let moved = zoomed.panned(device([shift[0] - centre[0], shift[1] - centre[1]]));
                    GestureEffect::ShowBounds(start.resolved_bounds(moved))
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
        // A pointer that takes no part in the gesture (a second finger while θ′ is dragged) leaves it be.
        if !self.holds(pointer.id) {
            return GestureEffect::Nothing;
        }
        match std::mem::take(self) {
            Gesture::Pan {
                pointer: first,
                moved: false,
                ..
            }
            | Gesture::Tap {
                pointer: first,
                moved: false,
            } if lifted && first.id == pointer.id => GestureEffect::DropPoint(pointer.at),
            Gesture::Pinch { now, .. } => {
                if let Some(rest) = now.iter().find(|p| p.id != pointer.id) {
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

    /// Whether the pointer `id` is one of the gesture's.
    fn holds(&self, id: i32) -> bool {
        match self {
            Gesture::Idle => false,
            Gesture::DragPoint { pointer } => *pointer == id,
            Gesture::Tap { pointer, .. } | Gesture::Pan { pointer, .. } => pointer.id == id,
            Gesture::Pinch { now, .. } => now.iter().any(|p| p.id == id),
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
        gesture.press(finger(1, 50.0, 50.0), PointerKind::Mouse, false, view());
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
        gesture.press(finger(1, 50.0, 50.0), PointerKind::Mouse, false, view());
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
        gesture.press(finger(7, 20.0, 30.0), PointerKind::Mouse, true, view());
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
        gesture.press(finger(1, 40.0, 50.0), PointerKind::Mouse, false, view());
        gesture.press(finger(2, 60.0, 50.0), PointerKind::Mouse, false, view());
        // Fingers 20 px apart spread to 40 with the first one still: zoom in 2×, and what was under the
        // first finger (x = 4) stays under it, 40 px from the left at 20 px per unit.
        let effect = gesture.drag(finger(2, 80.0, 50.0), &view(), 1.0);
        let GestureEffect::ShowBounds(zoomed) = effect else {
            panic!("a pinch shows a new box, not {effect:?}");
        };
        assert!((zoomed.width() - 5.0).abs() < 1e-12, "{zoomed:?}");
        assert!((zoomed.x_min - 2.0).abs() < 1e-12 && (zoomed.y_min - 2.5).abs() < 1e-12);
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

    #[test]
    fn one_finger_taps_to_drop_and_leaves_a_swipe_to_the_page() {
        let mut gesture = Gesture::default();
        gesture.press(finger(1, 50.0, 50.0), PointerKind::Touch, false, view());
        assert!(!gesture.holds_touch(), "a lone finger may scroll the page");
        assert_eq!(
            gesture.release(finger(1, 52.0, 49.0), true, view()),
            GestureEffect::DropPoint([52.0, 49.0])
        );
        // A vertical swipe: the map neither pans nor drops θ′, and never holds the touch.
        gesture.press(finger(2, 50.0, 80.0), PointerKind::Touch, false, view());
        for y in [70.0, 50.0, 20.0] {
            assert_eq!(
                gesture.drag(finger(2, 50.0, y), &view(), 1.0),
                GestureEffect::Nothing
            );
            assert!(!gesture.holds_touch());
        }
        assert_eq!(
            gesture.release(finger(2, 50.0, 20.0), true, view()),
            GestureEffect::Nothing
        );
        // The browser took the swipe over (pointercancel): nothing either.
        gesture.press(finger(3, 50.0, 50.0), PointerKind::Touch, false, view());
        assert_eq!(
            gesture.release(finger(3, 50.0, 50.0), false, view()),
            GestureEffect::Nothing
        );
        assert!(!gesture.is_active());
    }

    #[test]
    fn a_finger_on_the_point_drags_it_and_keeps_the_touch() {
        let mut gesture = Gesture::default();
        gesture.press(finger(4, 20.0, 30.0), PointerKind::Touch, true, view());
        assert!(gesture.holds_touch());
        // (25.3, 40.7) px is (2.53, 5.93): rounded to the 0.1 a pixel resolves here.
        assert_eq!(
            gesture.drag(finger(4, 25.3, 40.7), &view(), 1.0),
            GestureEffect::MovePoint([2.5, 5.9])
        );
    }

    #[test]
    fn two_fingers_pan_with_their_midpoint_and_zoom_with_their_spread() {
        let mut gesture = Gesture::default();
        gesture.press(finger(1, 40.0, 50.0), PointerKind::Touch, false, view());
        gesture.press(finger(2, 60.0, 50.0), PointerKind::Touch, false, view());
        assert!(gesture.holds_touch(), "two fingers belong to the map");
        // Both fingers move 10 px left without spreading: a pan by one unit, the box moves right.
        gesture.drag(finger(1, 30.0, 50.0), &view(), 1.0);
        let effect = gesture.drag(finger(2, 50.0, 50.0), &view(), 1.0);
        assert_eq!(
            effect,
            GestureEffect::ShowBounds(Bounds::new(1.0, 11.0, 0.0, 10.0).expect("a box"))
        );
        // Released, no tap: θ′ stays where it was.
        assert_eq!(
            gesture.release(finger(1, 30.0, 50.0), true, view()),
            GestureEffect::Nothing
        );
        assert_eq!(
            gesture.release(finger(2, 50.0, 50.0), true, view()),
            GestureEffect::Nothing
        );
    }

    #[test]
    fn lifting_a_pointer_that_takes_no_part_leaves_the_gesture_be() {
        let mut gesture = Gesture::default();
        gesture.press(finger(1, 20.0, 30.0), PointerKind::Touch, true, view());
        let dragging = gesture.clone();
        assert_eq!(
            gesture.release(finger(2, 80.0, 80.0), true, view()),
            GestureEffect::Nothing
        );
        assert_eq!(gesture, dragging, "θ′ is still held by the first finger");
        assert_eq!(
            gesture.drag(finger(1, 25.0, 40.0), &view(), 1.0),
            GestureEffect::MovePoint([2.5, 6.0])
        );
    }
}
