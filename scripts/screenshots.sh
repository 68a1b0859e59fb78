#!/bin/sh
# Refreshes the pane's pictures in docs/images: the narrow e2e test at 320, 360 and 500 px, keeping
# the 360 px screenshots (the width of Excel's task pane on most screens). Run from the repository root:
#   sh scripts/screenshots.sh
set -e
npx webpack --mode production --no-devtool
TIERWISE_SCREENSHOTS=1 npx jest -c jest.e2e.config.js test/e2e/narrow.e2e.ts
