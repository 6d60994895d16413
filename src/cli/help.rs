//! What `--help` prints for each subcommand, with an example that works.

pub const OVERVIEW: &str = "\
saddle — loss surfaces, exact Hessians, critical points and optimizers

USAGE: saddle COMMAND [OPTIONS]     (JSON on stdout; errors on stderr, exit code 2)

COMMANDS:
  analyze          value, gradient, Hessian, eigenvalues and kind of one point
  critical-points  every isolated critical point in a box, classified
  run              one optimizer's trajectory and final status
  presets          the named surfaces, with their boxes and descriptions

A surface is --expr 'FORMULA' in x and y, or --preset NAME.
Run `saddle COMMAND --help` for a command's options and an example.";

const ANALYZE: &str = "\
saddle analyze (--expr FORMULA | --preset NAME) --at=X,Y

Prints {value, gradient, hessian, eigenvalues (ascending), eigenvectors (unit, one per
eigenvalue), kind (regular | local-minimum | local-maximum | saddle | degenerate | undefined),
escape (the unit eigenvector of a negative eigenvalue, or null)}.

Example:
  saddle analyze --expr '(1 - x*y)^2' --at=0,0";

const CRITICAL_POINTS: &str = "\
saddle critical-points (--expr FORMULA | --preset NAME) [--box=XMIN,XMAX,YMIN,YMAX] [--detail]

Prints [{at, value, eigenvalues, eigenvectors, kind}, ...]. A preset brings its own box.
--detail prints {box, points, continuum} instead, where continuum describes a whole curve of
critical points (like the valley x*y = 1 of the lecture's network) when one is found.

Example:
  saddle critical-points --expr '(x^2+y-11)^2 + (x+y^2-7)^2' --box=-5,5,-5,5";

const RUN: &str = "\
saddle run (--expr FORMULA | --preset NAME) --from=X,Y [--optimizer NAME] [--lr LR] [--beta B] [--steps N]

Prints {optimizer, trajectory: [[x0, y0], ...] (start first), losses, steps, status}.
Optimizers: gd, momentum, nesterov, rmsprop, adam, adagrad, newton, saddle-free-newton,
eigen-escape (default gd). --beta is momentum's and Nesterov's β. Defaults: --lr 0.01
--beta 0.9 --steps 100. Status: converged | stalled-at-saddle | diverged | max-steps.

Example:
  saddle run --preset lecture --from=0.3,0.2 --optimizer momentum --lr 0.05 --beta 0.9 --steps 200";

const PRESETS: &str = "\
saddle presets

Prints [{name, title, formula, box, start, description}, ...].

Example:
  saddle presets";

/// The help text of a known subcommand; `None` for an unknown one.
pub fn usage(command: &str) -> Option<&'static str> {
    match command {
        "analyze" => Some(ANALYZE),
        "critical-points" => Some(CRITICAL_POINTS),
        "run" => Some(RUN),
        "presets" => Some(PRESETS),
        _ => None,
    }
}
