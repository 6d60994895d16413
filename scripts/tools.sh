# Installs what Saddle's scripts need when it is missing; sourced by scripts/build, serve, test, bench and fuzz.
# Only registries reach these machines: rustup, crates.io (cargo install --locked), Debian (apt-get), npm.
# wasm-opt comes from npm's `binaryen` (pinned in package.json, a Node build of binaryen 132): Debian's
# binaryen 108 breaks wasm-bindgen 0.2.129's output ("WebAssembly.Table.grow(): failed to grow table").
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
TRUNK_VERSION="0.21.14"

say() { printf '\n== %s\n' "$*"; }

# The wasm-bindgen-cli version must equal the wasm-bindgen crate in Cargo.lock.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_clippy() {
  if ! cargo clippy --version >/dev/null 2>&1; then
    say "adding rustup's clippy component"
    rustup component add clippy
  fi
}

ensure_cargo_tool() { # binary crate version
  local binary=$1 crate=$2 version=$3
  if ! command -v "$binary" >/dev/null || ! "$binary" --version 2>/dev/null | grep -q "$version"; then
    say "installing $crate $version from crates.io (a few minutes, once)"
    cargo install --locked "$crate@$version"
  fi
}

ensure_web_tools() {
  ensure_wasm_target
  ensure_cargo_tool wasm-bindgen wasm-bindgen-cli "$(wasm_bindgen_version)"
  ensure_cargo_tool trunk trunk "$TRUNK_VERSION"
  ensure_node_modules
}

ensure_browser() {
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian's chromium and chromium-driver"
    apt_install chromium chromium-driver
  fi
  # Without a Chinese font the page's 中文 shows as empty boxes, and so do the Chinese screenshots tests save.
  if [ -z "$(fc-list :lang=zh family 2>/dev/null || true)" ]; then
    say "installing Debian's fonts-wqy-microhei (a Chinese font for the page in 中文)"
    apt_install fonts-wqy-microhei
  fi
}

# Native figures (`saddle render`, tests/charts.rs, tests/render_cli.rs) set their text in DejaVu Sans.
ensure_fonts() {
  if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] && [ -z "${SADDLE_FONT:-}" ]; then
    say "installing Debian's fonts-dejavu-core (the figures' font)"
    apt_install fonts-dejavu-core
  fi
}

apt_install() {
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@"
}

ensure_node_modules() {
  if [ ! -d "$ROOT/node_modules/playwright-core" ] || [ ! -x "$ROOT/node_modules/.bin/wasm-opt" ]; then
    say "installing npm packages from package-lock.json"
    (cd "$ROOT" && npm ci --no-audit --no-fund)
  fi
}

# The release app in dist/, a static site (scripts/build; scripts/test and scripts/bench test and time it).
# --offline: Trunk must use the tools installed here (Trunk.toml's [tools]), never download its own.
build_release() {
  ensure_web_tools
  say "building the web app into dist/ (trunk build --release --offline)"
  (cd "$ROOT" && trunk build --release --offline)
}
