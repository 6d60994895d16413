//! What `--help` prints for each subcommand, with an example that works.

pub const OVERVIEW: &str = "\
saddle — loss surfaces, exact Hessians, critical points and optimizers

USAGE: saddle COMMAND [OPTIONS]     (JSON on stdout; errors on stderr, exit code 2)

COMMANDS:
  analyze          value, gradient, Hessian, eigenvalues and kind of one point
  critical-points  every isolated critical point in a box, classified
  run              one optimizer's trajectory and final status
  basins           label every start of a grid by where one optimizer ends (basins of attraction)
  network          a small tanh network: train, inspect its exact Hessian, solve to ∇L = 0, slice,
                   escape a saddle, and the minimum-ratio experiment (`saddle network --help`)
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

pub const NETWORK: &str = "\
saddle network COMMAND [OPTIONS]     (JSON on stdout; errors on stderr, exit code 2)

A fully connected network (1 or 2 hidden tanh layers, one linear output) fitted to a seeded toy task,
with its exact P×P Hessian, the second-order test done honestly, and the lecture's experiment.

COMMANDS:
  train       train from a random start (or from --point) until the loss stalls; prints the point
  inspect     the point's loss, ‖∇L‖, all eigenvalues and the verdicts (--point)
  solve       Newton-MR (MINRES-QLP on the exact Hessian) from --point to ∇L = 0 or a gradient-flat region
  slice       L on the plane of u_min and u_max, or of two filter-normalized random directions (--point)
  escape      the step along u_min that lowers L, from a saddle (--point)
  experiment  R runs from random starts, each trained until it stalls, then solved; every end point
  sweep       the experiment for several sizes P (one hidden layer), on one dataset

A point's JSON is {network, data, params, loss, test_loss, gradient_norm, eigenvalues (ascending, all P),
converged, kind, negative, positive, undetermined, minimum_ratio, minimum_ratio_range,
gradient_tolerance, undetermined_band}; params are laid out layer by layer from the input, each layer's
weights row-major (outputs × inputs), then its biases. Any point's JSON can be given back with --point
FILE (- reads standard input), so the commands chain:

  saddle network train --task sine --hidden 8 --seed 3 > stall.json
  saddle network solve --point stall.json > critical.json
  saddle network slice --point critical.json --plane eigen

Run `saddle network COMMAND --help` for a command's options.";

const NETWORK_PROBLEM: &str = "\
The problem:
  --task sine|circle|xor|gauss|spiral   sine: y = sin(3x) + noise, mse; the others: Playground-style
                                        2-D classes y ∈ {-1, 1}, logistic loss
  --hidden H or H1,H2       hidden widths (1 or 2 layers; P ≤ 1000)
  --weight-decay W          adds (W/2)·‖θ‖² to L (default 0.01: L then grows without bound with ‖θ‖,
                            so critical points exist, and directions where the data term is flat get a
                            curvature; with much less, solves from a stall mostly end in gradient-flat
                            valleys)
  --train N --test M        examples (default 300 and 100)
  --noise ν                 in [0, 1]: sine's label noise σ; Playground's noise for the classes (default 0.1)
  --data-seed S             seeds the data (default 1)";

const NETWORK_TRAINING: &str = "\
Training:
  --optimizer gd|sgd|momentum|adam   (default adam)
  --lr η                    (default 0.1, for adam 0.01 in train and 0.03 in experiment and sweep)
  --beta β                  momentum's m ← βm − η∇L, θ ← θ + m (default 0.9)
  --batch B                 examples per step for sgd (default 16), momentum and adam (default all)
  --steps T                 at most T steps (default 20000)
  --stall-window W --stall-tolerance r   stalled when the lowest loss of the last W steps is below the
                            lowest before them by less than r of itself (default 200 and 0.001)";

const NETWORK_TRAIN: &str = "\
saddle network train (--task T --hidden H[,H2] [problem options] | --point FILE) [training options]
                     [--seed S]

Starts from random weights drawn from --seed S (weights N(0, 1/fan-in), biases N(0, 0.01); default 0),
or from the point in FILE, and trains until the loss stalls, the step limit, or divergence. Prints the
point where it stopped, with training: {optimizer, learning_rate, beta, batch, seed, steps, status
(stalled | step-limit | diverged), curve: {step, train, test} (at most 500 points)}.

Example:
  saddle network train --task xor --hidden 6 --optimizer momentum --lr 0.05 --seed 2";

const NETWORK_INSPECT: &str = "\
saddle network inspect --point FILE

Recomputes the point: L (training set, with weight decay), test_loss (mean loss on the test set),
‖∇L‖ and the exact Hessian's eigenvalues, ascending. Rules (all scale with L, none depends on its units):
- converged: ‖∇L‖ ≤ gradient_tolerance = 1000·ε·(S + max|λ|·‖θ‖), S = mean over examples of ‖∇ℓᵢ‖
  plus weight_decay·‖θ‖: ∇L is zero to floating-point precision.
- undetermined: |λ| ≤ undetermined_band = 10·‖∇L‖ + 1e-9·max|λ|; its sign says nothing here.
- minimum_ratio = positive ÷ P, with minimum_ratio_range = [positive, positive + undetermined] ÷ P.
- kind (only when converged; else regular): local-minimum (all positive), local-maximum (all negative),
  saddle (clearly positive and clearly negative ones; its index is `negative`), degenerate otherwise.

Example:
  saddle network train --task sine --hidden 4 --seed 1 | saddle network inspect --point -";

const NETWORK_SOLVE: &str = "\
saddle network solve --point FILE [--max-iterations K]

Newton-MR (Roosta, Liu, Xu & Mahoney 2022): steps p = −H†∇L by MINRES-QLP (Choi, Paige & Saunders 2011)
on the exact Hessian, damped on ‖∇L‖ (a step is taken when ‖∇L‖ falls by at least half of what the
linear model predicts). Stops when converged (see inspect), when no step lowers ‖∇L‖ (a gradient-flat
region: not a critical point), or after K iterations (default 500, each one exact Hessian).
Prints the point where it ended, with start: {loss, gradient_norm} and solver: {status (converged |
gradient-flat | iteration-limit | diverged), iterations, distance (‖θ_end − θ_start‖), gradient_norms}.

Example:
  saddle network train --task sine --hidden 8 --seed 3 > stall.json
  saddle network solve --point stall.json";

const NETWORK_SLICE: &str = "\
saddle network slice --point FILE [--plane eigen|random] [--resolution n] [--seed S]

L(θ + a·first + b·second) on an n×n grid (default 41, odd, at most 201): for --plane eigen (default)
first = u_min and second = u_max, unit eigenvectors of the extreme eigenvalues; for --plane random two
Gaussian directions drawn from --seed S, each weight row rescaled to that row's norm in θ and biases 0
(Li et al. 2018). Each axis reaches where the quadratic model changes L by half of L(θ).
Prints {kind, first, second, curvatures (dᵀHd of each), a, b, loss: [[L at (a[j], b[i])] for each row i],
origin: {loss, gradient_norm, kind}, profile} where profile (eigen plane only) is
{t, loss, quadratic_model} along u_min.

Example:
  saddle network slice --point critical.json --plane random --seed 4 --resolution 31";

const NETWORK_ESCAPE: &str = "\
saddle network escape --point FILE [--max-length L]

At a point with a negative eigenvalue, tries θ ± t·u_min for t = L, L/2, …, L/65536 (default L = 1) and
takes the lowest L: the lecture's escape, uᵀHu = λ_min < 0. Prints the new point with escape:
{eigenvalue, direction, length, loss_before, loss_after}. Fails when no eigenvalue is negative.

Example:
  saddle network escape --point saddle.json | saddle network train --point - --optimizer gd";

const NETWORK_EXPERIMENT: &str = "\
saddle network experiment --task T --hidden H[,H2] --runs R --seed S [problem and training options]
                          [--solver-iterations K] [--threads N]

R runs (default 20) from random starts drawn from --seed S (default 1): each trains until the loss
stalls (default: adam, η = 0.03, full batch, at most 20000 steps), then Newton-MR solves ∇L = 0 from
there (at most K iterations, default 500). Run i depends only on S and i: --threads N (default: all
cores) changes only the time. Prints {network, data, runs: [point, …], summary, settings}; each run is a point (params,
loss, …, minimum_ratio) with run (its index), stalled: {steps, loss, gradient_norm, status} and solver
(as in solve). summary counts converged runs by kind; saddle_share = saddles ÷ converged.

Example:
  saddle network experiment --task sine --hidden 16 --runs 50 --seed 1";

const NETWORK_SWEEP: &str = "\
saddle network sweep --task T [--params P1,P2,…] --runs R --seed S [problem and training options]
                     [--solver-iterations K] [--threads N]

The experiment for each target parameter count (default 10,30,100,300), each with the one-hidden-layer
width whose P is nearest, on the same data. Prints {data, sizes: [{network, parameter_count, summary,
runs}], settings}.

Example:
  saddle network sweep --task sine --params 10,30,100 --runs 20 --seed 1";

/// The help text of a known `network` command; `None` for an unknown one.
pub fn network_usage(command: &str) -> Option<String> {
    let (text, groups): (&str, &[&str]) = match command {
        "train" => (NETWORK_TRAIN, &[NETWORK_PROBLEM, NETWORK_TRAINING]),
        "inspect" => (NETWORK_INSPECT, &[]),
        "solve" => (NETWORK_SOLVE, &[]),
        "slice" => (NETWORK_SLICE, &[]),
        "escape" => (NETWORK_ESCAPE, &[]),
        "experiment" => (NETWORK_EXPERIMENT, &[NETWORK_PROBLEM, NETWORK_TRAINING]),
        "sweep" => (NETWORK_SWEEP, &[NETWORK_PROBLEM, NETWORK_TRAINING]),
        _ => return None,
    };
    Some(
        std::iter::once(text)
            .chain(groups.iter().copied())
            .collect::<Vec<_>>()
            .join("\n\n"),
    )
}

/// The help text of a known subcommand; `None` for an unknown one.
pub fn usage(command: &str) -> Option<&'static str> {
    match command {
        "analyze" => Some(ANALYZE),
        "critical-points" => Some(CRITICAL_POINTS),
        "run" => Some(RUN),
        "basins" => Some(BASINS),
        "render" => Some(RENDER),
        "presets" => Some(PRESETS),
        _ => None,
    }
}
