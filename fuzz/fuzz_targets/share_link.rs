//! Any text as a share-link fragment: decoding never panics, notices stay short, and a decoded scene
//! survives `encode` → `decode` unchanged and without notices.
#![no_main]

use libfuzzer_sys::fuzz_target;
use saddle::share::{decode, encode};

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
});
