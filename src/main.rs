//! `saddle`: the core on the command line. JSON on stdout; one-line errors on stderr with exit code 2.

mod cli;

use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match cli::run(&args) {
        // A closed pipe (`saddle presets | head`) is the reader's choice, not an error worth a panic.
        Ok(output) => {
            let _ = writeln!(std::io::stdout().lock(), "{output}");
        }
        Err(message) => {
            eprintln!("saddle: {message}");
            std::process::exit(2);
        }
    }
}
