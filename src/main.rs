//! `saddle` command line (the full CLI lands with presets and critical points).
fn main() {}
