//! Percent-encoding for fragment values, by hand: the rules are small and we want them exact.

/// Bytes kept literal in a value: unreserved characters and the formula punctuation a reader
/// expects to see (`(1-x*y)^2`). `+` is escaped so no mail client turns it into a space.
fn is_literal(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"-_.~*()^/,".contains(&byte)
}

pub(crate) fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for &byte in text.as_bytes() {
        if is_literal(byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes; `None` for a broken escape or bytes that are not UTF-8.
pub(crate) fn decode_component(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            let hex = std::str::from_utf8(hex).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}
