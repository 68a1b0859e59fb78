#!/bin/sh
# Refreshes docs/images/summary.png, the README's picture of the Segment Summary: the Superstore sample
# written by Tierwise, drawn by LibreOffice (PDF) and rasterised by poppler's pdftoppm. Needs
# libreoffice-calc and poppler-utils (Debian). Run from the repository root:
#   sh scripts/summary-picture.sh
set -e
command -v soffice >/dev/null || { echo "soffice not found: apt-get install -y libreoffice-calc" >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "pdftoppm not found: apt-get install -y poppler-utils" >&2; exit 1; }
node -r @swc-node/register scripts/summary-picture.ts
