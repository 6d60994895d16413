//! Subcommands of the `saddle` command line; their JSON is the contract scripts and tests use.

mod args;
mod commands;
mod help;
mod network;
mod render;

use args::Args;

/// Runs one command line; `Ok` is the text for stdout, `Err` the one-line message for stderr.
pub fn run(argv: &[String]) -> Result<String, String> {
    let Some((command, rest)) = argv.split_first() else {
        return Ok(help::OVERVIEW.to_string());
    };
    if matches!(command.as_str(), "help" | "--help" | "-h") {
        return Ok(help::OVERVIEW.to_string());
    }
    if command == "network" {
        return network::run(rest);
    }
    let Some(usage) = help::usage(command) else {
        return Err(format!(
            "unknown command '{command}'; try: analyze, critical-points, run, basins, network, render, presets (or --help)"
        ));
    };
    let args = Args::parse(rest)?;
    if args.wants_help() {
        return Ok(usage.to_string());
    }
    let json = match command.as_str() {
        "analyze" => commands::analyze(&args),
        "critical-points" => commands::critical_points(&args),
        "run" => commands::run(&args),
        "basins" => commands::basins(&args),
        "render" => render::render(&args),
        _ => commands::presets(&args),
    }?;
    serde_json::to_string_pretty(&json).map_err(|e| e.to_string())
}
