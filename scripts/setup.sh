#!/usr/bin/env bash
# Install everything GridLedger needs to build, run and test on Debian 12 (or a Debian-based
# 统信UOS / 麒麟): system packages, the UI's node modules, the end-to-end tools.
# Safe to run again: each step skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

# Tauri 2 build dependencies, and what the end-to-end tests need: a virtual display,
# Debian's WebKitWebDriver, ImageMagick for screenshots, CJK fonts for Chinese text.
packages=(
  libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev pkg-config
  xvfb xauth webkit2gtk-driver imagemagick fonts-noto-cjk
  # scripts/render-forms.sh: exported forms → PDF (LibreOffice headless) → PNG (pdftoppm).
  # ~85 MB download, ~263 MB installed, ~35 s on the dev machine; Writer for the 情况汇报
  # .docx adds ~10 MB.
  libreoffice-calc-nogui libreoffice-writer-nogui poppler-utils
)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

command -v cargo >/dev/null || { echo "setup: Rust is missing; install it with rustup (https://rustup.rs)" >&2; exit 1; }
rustup component add rustfmt clippy >/dev/null 2>&1 || true

# tauri-driver bridges WebDriver to WebKitWebDriver for the end-to-end tests (~45 s once).
if ! command -v tauri-driver >/dev/null; then
  cargo install tauri-driver --locked
fi

# Node modules, exactly as locked.
npm ci --prefix ui --no-audit --no-fund
npm ci --prefix tests/e2e --no-audit --no-fund
