//! Any text as a share-link fragment: decoding never panics, notices stay short, a decoded scene survives
//! `encode` → `decode` unchanged and without notices, and the scene resolver sets it up with finite races.
#![no_main]

use libfuzzer_sys::fuzz_target;
use saddle::optim::DIVERGENCE_LIMIT;
use saddle::scene::resolve;
use saddle::share::{decode, encode};

/// Race steps replayed per input. The optimizer target steps races through every state; here the resolver
/// itself is under test (surface, box, point, race set-up), and one step keeps ten million inputs affordable.
const REPLAYED_STEPS: usize = 1;

/// A notice is one sentence for the notice bar, however hostile the link.
const MAX_NOTICE_CHARS: usize = 400;

fuzz_target!(|data: &[u8]| {
    let link = String::from_utf8_lossy(data);
    let first = decode(&link);
    for notice in &first.notices {
        assert!(
            notice.chars().count() <= MAX_NOTICE_CHARS,
            "long notice: {notice}"
        );
        assert!(
            !notice.chars().any(char::is_control),
            "control character in {notice:?}"
        );
    }
    let encoded = encode(&first.scene);
    let second = decode(&encoded);
    assert_eq!(second.scene, first.scene, "re-encoded as {encoded}");
    assert!(
        second.notices.is_empty(),
        "{encoded} → {:?}",
        second.notices
    );
    let mut scene = first.scene;
    scene.steps = scene.steps.min(REPLAYED_STEPS);
    let resolved = resolve(&scene);
    assert!(resolved.bounds.width() > 0.0 && resolved.bounds.height() > 0.0);
    for run in &resolved.race.runs {
        assert!(run.steps() <= REPLAYED_STEPS);
        for p in run.trajectory() {
            assert!(p.iter().all(|c| c.abs() <= DIVERGENCE_LIMIT), "{p:?}");
        }
    }
});
