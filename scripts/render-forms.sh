#!/usr/bin/env bash
# Render every shipped form the way a printer would see it: export each one from a fresh
# demo ledger with the CLI, convert it to PDF with LibreOffice headless, and keep page 1 as
# PNG. Output in target/forms/ (<form>.xlsx, <form>.pdf, <form>.png). The 情况汇报 goes the
# same way as a Word document (situation-report.docx → .pdf → .png). Fails if any export
# or conversion fails or produces nothing.
#
#   scripts/render-forms.sh            # builds the CLI (debug) first
#   GRIDLEDGER_BIN=path/to/gridledger scripts/render-forms.sh
#
# Needs soffice (libreoffice-calc-nogui, libreoffice-writer-nogui) and pdftoppm
# (poppler-utils): scripts/setup.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in soffice pdftoppm; do
  command -v "$tool" >/dev/null || { echo "render-forms: $tool is missing (scripts/setup.sh installs it)" >&2; exit 1; }
done

target_dir="${CARGO_TARGET_DIR:-target}"
bin="${GRIDLEDGER_BIN:-}"
if [ -z "$bin" ]; then
  cargo build --quiet --bin gridledger
  bin="$target_dir/debug/gridledger"
fi

out="target/forms"
mkdir -p "$out"
rm -f "$out"/*.xlsx "$out"/*.docx "$out"/*.pdf "$out"/*.png
data="$(mktemp -d)"
profile="$(mktemp -d)"   # a private LibreOffice profile: no clash with a running office
trap 'rm -rf "$data" "$profile"' EXIT

env -u GRIDLEDGER_KEY "$bin" --data-dir "$data" demo >/dev/null
forms=$(env -u GRIDLEDGER_KEY "$bin" --data-dir "$data" export --list | awk -F'\t' '$4 == "ok" { print $1 }')
[ -n "$forms" ] || { echo "render-forms: no valid form definitions" >&2; exit 1; }

status=0
for form in $forms situation-report; do
  if [ "$form" = situation-report ]; then
    file="$out/$form.docx"
    env -u GRIDLEDGER_KEY "$bin" --data-dir "$data" report narrative --date 2020-03-01 \
      --docx "$file"
  else
    file="$out/$form.xlsx"
    env -u GRIDLEDGER_KEY "$bin" --data-dir "$data" export "$form" --out "$file" \
      --from 2020-01-01 --to 2020-03-01
  fi
  soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf \
    --outdir "$out" "$file" >/dev/null 2>&1 || true
  pdf="$out/$form.pdf"
  if [ ! -s "$pdf" ]; then
    echo "render-forms: $form: LibreOffice produced no PDF" >&2
    status=1
    continue
  fi
  pdftoppm -png -r 110 -f 1 -l 1 -singlefile "$pdf" "$out/$form"
  if [ ! -s "$out/$form.png" ]; then
    echo "render-forms: $form: no PNG of page 1" >&2
    status=1
    continue
  fi
  pages=$(pdfinfo "$pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
  echo "render-forms: $form → $pdf (${pages:-?} pages), $out/$form.png"
done
exit "$status"
