# Installs what Backlot's build and tests need, skipping what is already there.
# Sourced by scripts/run and scripts/test; `ensure_tools [browser]`.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CARGO_LEPTOS_VERSION="0.3.10"   # 0.3.11 needs rustc >= 1.96

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Waits (up to a minute) until the server at `$1` has built every area pack of the split build
# whose hash list is `$2` (the `hash.txt` beside the binary): a server builds them in the
# background for ten seconds or so after it starts (server::area_packs), on one of this
# machine's two cores, which a measurement taken meanwhile would share. No-op for a build
# without packs.
wait_for_area_packs() {
  local base="$1" tag area
  tag="$(awk '$1 == "manifest:" { print $2 }' "$2" 2>/dev/null || true)"
  [ -n "$tag" ] && [ -f "$ROOT/target/site/pkg/__wasm_split_manifest.$tag.json" ] || return 0
  for area in $(python3 -c 'import json, re, sys
print(" ".join(sorted({re.sub(r"_[0-9]+$", "", k) for k in json.load(open(sys.argv[1]))})))' \
    "$ROOT/target/site/pkg/__wasm_split_manifest.$tag.json"); do
    for _ in $(seq 1 120); do
      [ "$(curl -fs -H 'accept-encoding: identity' "$base/pkg/area/$area.$tag.pack" | wc -c)" -gt 4 ] && break
      sleep 0.5
    done
  done
}

ensure_tools() {
  local want_browser="${1:-}"
  export PATH="$HOME/.cargo/bin:$ROOT/end2end/node_modules/.bin:$PATH"
  # Every cargo command must see the same Leptos settings (some are read at compile time).
  export LEPTOS_OUTPUT_NAME=backlot
  # Build outside the clone so a fresh clone (CI) still builds incrementally.
  export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/backlot/target}"
  mkdir -p "$CARGO_TARGET_DIR"

  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi

  if ! cargo leptos --version 2>/dev/null | grep -q "$CARGO_LEPTOS_VERSION"; then
    log "installing cargo-leptos $CARGO_LEPTOS_VERSION (about 12 minutes, once)"
    cargo install --locked cargo-leptos --version "$CARGO_LEPTOS_VERSION"
  fi

  # cargo-leptos uses the wasm-bindgen on PATH only if it matches Cargo.lock exactly.
  local wbg
  wbg="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")"
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $wbg\$"; then
    log "installing wasm-bindgen-cli $wbg (about 2 minutes, once)"
    # Without --locked: a locked dependency of the CLI is missing from the registry here.
    cargo install wasm-bindgen-cli --version "$wbg" --force
  fi

  if ! cargo nextest --version >/dev/null 2>&1; then
    log "installing cargo-nextest (runs each test in its own process, with time limits)"
    cargo install --locked cargo-nextest
  fi

  # npm packages: Playwright, axe-core, binaryen's wasm-opt (Debian's is too old), Leaflet,
  # and jsQR with pngjs (the end-to-end tests read attendance passes' QR codes).
  local stamp="$ROOT/end2end/node_modules/.backlot-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$ROOT/end2end/package-lock.json" "$stamp"; then
    log "installing npm packages for end2end/"
    (cd "$ROOT/end2end" && npm ci --no-audit --no-fund)
    cp "$ROOT/end2end/package-lock.json" "$stamp"
  fi

  # Python's brotli, for scripts/bundle-size's "as a pack" column (optional: without it the
  # column prints "-").
  if ! python3 -c 'import brotli' 2>/dev/null; then
    log "installing Python's brotli (scripts/bundle-size measures the area packs with it)"
    python3 -m pip install -q brotli 2>/dev/null || log "could not install brotli; packs go unmeasured"
  fi

  if [ "$want_browser" = browser ] && [ ! -x /usr/bin/chromium ]; then
    log "installing Chromium from Debian's packages"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
  fi
}
