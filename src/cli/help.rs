//! What `--help` prints for each subcommand, with an example that works.

pub const OVERVIEW: &str = "\
saddle — loss surfaces, exact Hessians, critical points and optimizers

USAGE: saddle COMMAND [OPTIONS]     (JSON on stdout; errors on stderr, exit code 2)

COMMANDS:
  analyze          value, gradient, Hessian, eigenvalues and kind of one point
  critical-points  every isolated critical point in a box, classified
  run              one optimizer's trajectory and final status
  basins           label every start of a grid by where one optimizer ends (basins of attraction)
  min-ratio        train a small network to ∇L ≈ 0 from random starts; Hessian spectrum of each end
  render           a share link's scene as an SVG or PNG figure (map, critical points, θ′, races, legend)
  presets          the named surfaces, with their boxes and descriptions

A surface is --expr 'FORMULA' in x and y, or --preset NAME.
Run `saddle COMMAND --help` for a command's options and an example.";

const ANALYZE: &str = "\
saddle analyze (--expr FORMULA | --preset NAME) --at=X,Y

Prints {value, gradient, hessian, eigenvalues (ascending), eigenvectors (unit, one per
eigenvalue), kind (regular | local-minimum | local-maximum | saddle | degenerate | undefined),
not_a_minimum, escape (the unit eigenvector of a clearly negative eigenvalue, or null)}.
The point is critical when the critical point of its quadratic model lies within 1e-6 (in the
units of x and y). An eigenvalue is ≈ 0 when |λ| ≤ 1e-6·max|λ|, or, at a critical point, when it
would change sign within 4e-6 (by its exact third derivatives). None of it depends on the units
of L. degenerate: critical with an eigenvalue ≈ 0, so the second-order test cannot decide, unless
another eigenvalue is clearly negative: then not_a_minimum is true (a saddle or a maximum).
not_a_minimum is null at a regular or undefined point.

Example:
  saddle analyze --expr '(1 - x*y)^2' --at=0,0";

const CRITICAL_POINTS: &str = "\
saddle critical-points (--expr FORMULA | --preset NAME) [--box=XMIN,XMAX,YMIN,YMAX] [--detail]

Prints [{at, value, eigenvalues, eigenvectors, kind, not_a_minimum}, ...] (kinds and
not_a_minimum as in `saddle analyze`). A preset brings its own box.
--detail prints {box, points, continuum} instead, where continuum describes a whole curve of
critical points (like the valley x*y = 1 of the lecture's network) when one is found.

Example:
  saddle critical-points --expr '(x^2+y-11)^2 + (x+y^2-7)^2' --box=-5,5,-5,5";

const RUN: &str = "\
saddle run (--expr FORMULA | --preset NAME) --from=X,Y [--optimizer NAME] [--lr LR] [--beta B] [--steps N]
           [--batch B] [--seed S]

Prints {optimizer, trajectory: [[x0, y0], ...] (start first), losses, steps, status}.
Optimizers: gd, momentum, gd-matched, nesterov, rmsprop, adam, adagrad, newton,
saddle-free-newton, eigen-escape, sgd (default gd). --beta is momentum's and Nesterov's β;
gd-matched is gd at momentum's step on a steady slope, --lr/(1 − --beta). Defaults: --lr 0.01
--beta 0.9 --steps 100. The run is at rest when its point is critical (as in `saddle analyze`)
and its next step is at most 1e-6 long. Status:
  converged           at rest, every eigenvalue clearly positive: a strict local minimum
  stalled-flat        at rest, none clearly negative but one ≈ 0: the test cannot decide
  stalled-at-saddle   at rest, some eigenvalue clearly negative and not all
  stalled-at-maximum  at rest, every eigenvalue clearly negative: a strict local maximum
  diverged            the next point was undefined or beyond ±1e6
  max-steps           not at rest after --steps steps
sgd steps on the gradient of a random mini-batch of --batch B training examples (default 8)
drawn with --seed S (default 0) on a dataset preset such as lecture-data; on a formula it is gd.
Its status is judged on the full gradient.

Example:
  saddle run --preset lecture --from=0.3,0.2 --optimizer momentum --lr 0.05 --beta 0.9 --steps 200
SGD leaving the saddle that gd stalls at:
  saddle run --preset lecture-data --from=0.6,-0.6 --optimizer sgd --batch 2 --seed 1 --lr 0.1 --steps 300";

const BASINS: &str = "\
saddle basins (--expr FORMULA | --preset NAME) [--box=XMIN,XMAX,YMIN,YMAX] [--optimizer NAME] [--lr LR]
              [--beta B] [--steps N] [--grid G] [--batch B] [--seed S]

Runs the optimizer (as `saddle run` does) from the centre of every cell of a G x G grid over the
box and labels each start by where its run ends. Prints {attractors: [{at, kind, continuum}, ...],
labels: [[...G labels...], ... G rows]}. Row i is y = ymin + (i + 1/2)(ymax - ymin)/G (row 0 at
the bottom), column j is x = xmin + (j + 1/2)(xmax - xmin)/G. A label is the index of the
attractor the run came to rest at, -1 if it diverged (or L is undefined at the start), -2 if it
was not at rest after N steps. An attractor is a critical point (at, kind as in `saddle analyze`;
continuum null) or one connected branch of a curve of critical points, such as the valley
x*y = 1 of the lecture's network (at: its point nearest the box centre; continuum: minima,
maxima, mixed or flat). A preset brings its own box. Defaults: --optimizer gd --lr 0.01
--beta 0.9 --steps 300 --grid 64; G is 2 to 512, N is 1 to 10000.

Example:
  saddle basins --preset himmelblau --optimizer gd --lr 0.01 --steps 300 --grid 32";

const MIN_RATIO: &str = "\
saddle min-ratio [--params P] [--runs R] [--seed S] [--training-steps T] [--solver-iterations K]

A one-hidden-layer tanh network (P = 3h + 1 parameters, h chosen so P is nearest the request,
4 ≤ P ≤ 400) fitted to 24 seeded points y = sin(3x) + noise. Each run starts at random weights,
trains with Adam for a random number of steps in 0..=T, then drives ∇L to 0 with at most K
damped-Newton iterations, and takes the exact Hessian's spectrum there.
Prints {params, hidden, seed, zero_tolerance, gradient_target, runs: [{training_loss,
gradient_norm, minimum_ratio, eigenvalues (ascending), positive, negative, zero, training_steps,
solver_iterations}, ...]}. minimum_ratio = positive / (positive + negative); |λ| ≤
zero_tolerance · max|λ| counts as zero. gradient_norm is where the run really ended: a run
that did not reach gradient_target may sit in a flat region, not at a critical point.
Defaults: --params 16 --runs 10 --seed 1 --training-steps 3000 --solver-iterations 50.

Example:
  saddle min-ratio --params 16 --runs 5 --seed 7";

const RENDER: &str = "\
saddle render --link LINK --out FILE.svg|FILE.png [--width W] [--height H]

Draws the page's map for a share link, with the page's own drawing code: heatmap, contours, axes,
colour bar, critical points by kind, the dropped point θ′ with its gradient and eigenvector arrows,
each chosen optimizer's trajectory, and a legend (English) under the map.
LINK is a whole address (the part after '#' is read) or a bare fragment such as
'v=1&preset=lecture&pt=0.3,0.2&opt=gd,momentum'. The races are replayed for the link's steps
(at most 2000, as on the page); a link with steps=0 (or none) replays until every run finishes,
at most 300 steps. The file's extension picks the format; the heatmap is embedded in an SVG as
one PNG image. Defaults: --width 1200 --height 900 (200 to 8000 each).
Text needs a font: DejaVu Sans (Debian: fonts-dejavu-core) or a few usual system fonts, or the
file named by the SADDLE_FONT environment variable.
Parts of the link that cannot be used are skipped with a warning on stderr, as the page shows them.
Prints {out, width, height, notices}.

Example:
  saddle render --link 'https://example.org/saddle/#v=1&preset=lecture&pt=0.3,0.2&opt=gd,momentum&lr=0.05' \\
                --out saddle.png";

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
        "basins" => Some(BASINS),
        "min-ratio" => Some(MIN_RATIO),
        "render" => Some(RENDER),
        "presets" => Some(PRESETS),
        _ => None,
    }
}
