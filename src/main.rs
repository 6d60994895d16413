//! `saddle`: the core on the command line. JSON on stdout; one-line errors on stderr with exit code 2.

mod cli;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match cli::run(&args) {
        Ok(output) => println!("{output}"),
        Err(message) => {
            eprintln!("saddle: {message}");
            std::process::exit(2);
        }
    }
}
