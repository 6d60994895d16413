//! What the page's keys do: the race's keys (space, →, r), presentation mode (p, Esc) and, on the focused
//! map, moving θ′ with the arrows and dropping it with Enter. Pure, so the rules are tested natively; the
//! page only says which kind of control has the focus.
//!
//! A key belongs to the focused control only where that control uses it: a check-box takes space (it
//! ticks), a slider the arrows, a menu or a text field every key. Everything else goes to the page, so
//! after ticking an optimizer → still steps the race and r still resets it.

/// The focused element, as far as keys are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// Nothing in particular (the page's body, a heading, a canvas without keys of its own).
    Page,
    /// A text or number field: every key types.
    TextField,
    /// A drop-down menu: the arrows and space choose, letters jump to an entry.
    Menu,
    /// A check-box: space ticks it.
    CheckBox,
    /// A range slider: the arrows (and Home, End, Page Up/Down) move it.
    Slider,
    /// A button or a `<summary>`: space and Enter press it.
    Button,
    /// The map: the arrows move θ′, Enter drops it.
    Map,
    /// The 3-D view reached by keyboard: the arrows turn it.
    Turntable,
}

/// Modifier keys held with a key.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Modifiers {
    /// Shift: the arrows then move θ′ by one CSS pixel instead of ten.
    pub shift: bool,
    /// Ctrl, Alt or Meta (⌘): the browser's and the system's shortcuts, never the page's.
    pub shortcut: bool,
}

/// What a key asks of the page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum KeyCommand {
    /// Play or pause the race (space).
    PlayPause,
    /// One step of every running optimizer (→).
    Step,
    /// Restart the race from its start (r).
    ResetRace,
    /// Into or out of presentation mode.
    TogglePresentation,
    /// Out of presentation mode (Esc); nothing when not presenting.
    LeavePresentation,
    /// Move θ′ on the map by this many CSS pixels (y down, as on screen).
    MovePoint([f64; 2]),
    /// Drop θ′ where it is (Enter on the map): analysed and announced, as a click would.
    DropPoint,
}

/// An arrow key moves θ′ this many CSS pixels.
pub const POINT_STEP_PX: f64 = 10.0;
/// With Shift, an arrow key moves θ′ one CSS pixel, for a careful placement.
pub const FINE_POINT_STEP_PX: f64 = 1.0;

/// The page's answer to `key` (a `KeyboardEvent.key`) pressed with `modifiers` while `focus` has the
/// focus; `None` leaves the key to the browser and the focused control.
pub fn key_command(key: &str, modifiers: Modifiers, focus: Focus) -> Option<KeyCommand> {
    if modifiers.shortcut || matches!(focus, Focus::TextField | Focus::Menu) {
        return None;
    }
    if focus == Focus::Map {
        let step = if modifiers.shift {
            FINE_POINT_STEP_PX
        } else {
            POINT_STEP_PX
        };
        let moved = match key {
            "ArrowLeft" => Some([-step, 0.0]),
            "ArrowRight" => Some([step, 0.0]),
            "ArrowUp" => Some([0.0, -step]),
            "ArrowDown" => Some([0.0, step]),
            _ => None,
        };
        if let Some(delta) = moved {
            return Some(KeyCommand::MovePoint(delta));
        }
        if key == "Enter" {
            return Some(KeyCommand::DropPoint);
        }
    }
    let arrows_taken = matches!(focus, Focus::Slider | Focus::Turntable);
    match key {
        " " if matches!(focus, Focus::CheckBox | Focus::Button) => None,
        " " => Some(KeyCommand::PlayPause),
        "ArrowRight" if arrows_taken => None,
        "ArrowRight" => Some(KeyCommand::Step),
        "r" | "R" => Some(KeyCommand::ResetRace),
        "p" | "P" => Some(KeyCommand::TogglePresentation),
        "Escape" => Some(KeyCommand::LeavePresentation),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: Modifiers = Modifiers {
        shift: false,
        shortcut: false,
    };

    fn command(key: &str, focus: Focus) -> Option<KeyCommand> {
        key_command(key, PLAIN, focus)
    }

    #[test]
    fn the_race_keys_work_from_the_page() {
        assert_eq!(command(" ", Focus::Page), Some(KeyCommand::PlayPause));
        assert_eq!(command("ArrowRight", Focus::Page), Some(KeyCommand::Step));
        assert_eq!(command("r", Focus::Page), Some(KeyCommand::ResetRace));
        assert_eq!(command("R", Focus::Page), Some(KeyCommand::ResetRace));
        assert_eq!(
            command("p", Focus::Page),
            Some(KeyCommand::TogglePresentation)
        );
        assert_eq!(
            command("Escape", Focus::Page),
            Some(KeyCommand::LeavePresentation)
        );
        assert_eq!(command("x", Focus::Page), None);
    }

    #[test]
    fn after_ticking_a_box_the_keys_other_than_space_still_drive_the_race() {
        assert_eq!(command(" ", Focus::CheckBox), None, "space ticks the box");
        assert_eq!(
            command("ArrowRight", Focus::CheckBox),
            Some(KeyCommand::Step)
        );
        assert_eq!(command("r", Focus::CheckBox), Some(KeyCommand::ResetRace));
        // A focused button takes space (it presses); the rest goes to the race.
        assert_eq!(command(" ", Focus::Button), None);
        assert_eq!(command("ArrowRight", Focus::Button), Some(KeyCommand::Step));
        // A slider takes the arrows, not space.
        assert_eq!(command(" ", Focus::Slider), Some(KeyCommand::PlayPause));
        assert_eq!(command("ArrowRight", Focus::Slider), None);
        assert_eq!(command("ArrowRight", Focus::Turntable), None);
        assert_eq!(command(" ", Focus::Turntable), Some(KeyCommand::PlayPause));
    }

    #[test]
    fn text_fields_menus_and_shortcuts_keep_every_key() {
        for key in [" ", "ArrowRight", "r", "p", "Escape", "Enter"] {
            assert_eq!(command(key, Focus::TextField), None, "{key}");
            assert_eq!(command(key, Focus::Menu), None, "{key}");
            let ctrl = Modifiers {
                shift: false,
                shortcut: true,
            };
            assert_eq!(key_command(key, ctrl, Focus::Page), None, "{key}");
        }
    }

    #[test]
    fn on_the_map_the_arrows_move_the_point_and_enter_drops_it() {
        assert_eq!(
            command("ArrowLeft", Focus::Map),
            Some(KeyCommand::MovePoint([-10.0, 0.0]))
        );
        assert_eq!(
            command("ArrowUp", Focus::Map),
            Some(KeyCommand::MovePoint([0.0, -10.0]))
        );
        let shift = Modifiers {
            shift: true,
            shortcut: false,
        };
        assert_eq!(
            key_command("ArrowRight", shift, Focus::Map),
            Some(KeyCommand::MovePoint([1.0, 0.0]))
        );
        assert_eq!(
            key_command("ArrowDown", shift, Focus::Map),
            Some(KeyCommand::MovePoint([0.0, 1.0]))
        );
        assert_eq!(command("Enter", Focus::Map), Some(KeyCommand::DropPoint));
        // Enter elsewhere is the browser's (it presses buttons).
        assert_eq!(command("Enter", Focus::Page), None);
        // The race's other keys still work on the map.
        assert_eq!(command(" ", Focus::Map), Some(KeyCommand::PlayPause));
        assert_eq!(command("r", Focus::Map), Some(KeyCommand::ResetRace));
    }
}
