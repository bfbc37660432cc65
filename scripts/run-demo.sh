#!/usr/bin/env bash
# Set up, build the UI and the desktop app with the UI embedded, and start it on the
# development data directory (~/.local/share/gridledger-dev), loading the demo community
# on first start. Your real ledger (~/.local/share/gridledger) is never touched.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
npm --prefix ui run build
cargo build -p gridledger-desktop --features custom-protocol --locked

target="${CARGO_TARGET_DIR:-target}"
export GRIDLEDGER_DEMO=1
# Without a display (a server, CI), run under a virtual one.
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" "$target/debug/gridledger-desktop"
fi
exec "$target/debug/gridledger-desktop"
