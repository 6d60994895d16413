//! Running the `saddle` binary from the integration tests.

use std::process::Command;

use serde_json::Value;

/// Exit code, stdout and stderr of one `saddle` command line.
pub fn saddle(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_saddle"))
        .args(args)
        .output()
        .expect("the saddle binary runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The JSON a successful command prints (not every test file that runs the binary reads JSON this way).
#[allow(dead_code)]
pub fn json(args: &[&str]) -> Value {
    let (code, stdout, stderr) = saddle(args);
    assert_eq!(code, 0, "{args:?} failed: {stderr}");
    serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("{args:?}: {e}: {stdout}"))
}

/// A fresh temporary folder owned by one test, removed when dropped: tests never write anywhere else.
#[allow(dead_code)]
pub struct Scratch(tempfile::TempDir);

#[allow(dead_code)]
impl Scratch {
    pub fn new() -> Scratch {
        Scratch(tempfile::tempdir().expect("a temporary folder"))
    }

    /// A path inside the folder.
    pub fn path(&self, name: &str) -> std::path::PathBuf {
        self.0.path().join(name)
    }
}
