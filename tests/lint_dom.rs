//! `scripts/lint-dom` must pass on the repository and fail on every sink it names: a lint that cannot fail
//! would guard nothing. Each case plants one line in a scratch tree and runs the script on it.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

fn lint(root: &Path) -> Output {
    Command::new("bash")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/lint-dom"))
        .arg(root)
        .output()
        .expect("bash runs scripts/lint-dom")
}

/// A fresh scratch tree holding one file, in a temporary folder of its own; removed when dropped.
struct Scratch(tempfile::TempDir);

impl Scratch {
    fn with(relative: &str, text: &str) -> Scratch {
        let root = tempfile::tempdir().expect("a temporary folder");
        let file = root.path().join(relative);
        fs::create_dir_all(file.parent().unwrap()).unwrap();
        fs::write(&file, text).unwrap();
        Scratch(root)
    }
}

#[test]
fn the_repository_passes() {
    let output = lint(Path::new(env!("CARGO_MANIFEST_DIR")));
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn every_sink_fails_and_is_named() {
    let planted = [
        ("www/boot.js", "status.innerHTML = location.hash;"),
        ("www/boot.js", "banner.outerHTML = text;"),
        ("www/boot.js", "list.insertAdjacentHTML('beforeend', item);"),
        (
            "index.html",
            "<script src=x.js></script><!-- document.write(x) -->",
        ),
        ("src/web/ui.rs", "element.set_inner_html(&notice);"),
        ("src/web/ui.rs", "element.set_outer_html(&notice);"),
        (
            "src/web/ui.rs",
            "element.insert_adjacent_html(\"beforeend\", &notice)?;",
        ),
        ("www/boot.js", "const f = eval(code);"),
        ("www/boot.js", "window.eval(code);"),
        ("src/web/app.rs", "let f = js_sys::eval(&code)?;"),
        ("www/boot.js", "const f = new Function('x', code);"),
        (
            "src/web/app.rs",
            "let f = js_sys::Function::new_no_args(&code);",
        ),
    ];
    for (relative, line) in planted {
        let scratch = Scratch::with(relative, line);
        let output = lint(scratch.0.path());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{line}: {stderr}");
        assert!(
            stderr.contains(&format!("{relative}:1:{line}")),
            "{line}: {stderr}"
        );
    }
}

#[test]
fn our_own_eval_method_and_the_one_allowed_fixture_pass() {
    let clean = [
        (
            "src/formula/tape.rs",
            "let v = formula.eval(x, y, &mut stack); pub fn eval(&self) {}",
        ),
        ("src/web/tests.rs", "    container.set_inner_html(body);"),
        ("src/web/dom.rs", "element.set_text_content(Some(text));"),
    ];
    for (relative, line) in clean {
        let scratch = Scratch::with(relative, line);
        let output = lint(scratch.0.path());
        assert!(
            output.status.success(),
            "{line}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[test]
fn the_fixture_is_allowed_only_verbatim_and_only_in_its_file() {
    for (relative, line) in [
        ("src/web/app.rs", "    container.set_inner_html(body);"),
        ("src/web/tests.rs", "    container.set_inner_html(&hash);"),
    ] {
        let scratch = Scratch::with(relative, line);
        assert_eq!(
            lint(scratch.0.path()).status.code(),
            Some(1),
            "{relative}: {line}"
        );
    }
}
