#!/usr/bin/env bash
# Set up, then run every test GridLedger has: formatting and lints, the core's and the
# shell's Rust tests, the UI's lint, type check and Vitest suite, and the end-to-end suite
# driving the real app in the real webview under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh

step() { printf '\n==> %s\n' "$*"; }

step "rustfmt"
cargo fmt --all -- --check

step "UI: lint, type check, unit tests, build"
npm --prefix ui run lint
npm --prefix ui run typecheck
npm --prefix ui test
npm --prefix ui run build   # the shell embeds ui/dist

step "clippy (core, CLI, shell, tests)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "Rust tests (core, CLI, shell wiring)"
cargo test --workspace --locked

step "forms printed: every shipped form through LibreOffice to PDF, page 1 as PNG in target/forms/"
bash scripts/render-forms.sh

step "end-to-end: the real app in WebKitGTK through WebDriver"
# The desktop app with the UI embedded, and the CLI the suite fills its ledgers with.
cargo build --workspace --features gridledger-desktop/custom-protocol --locked
npm --prefix tests/e2e test
