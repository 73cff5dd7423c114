#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Handout export benchmark: the large document of the load benchmark (100,000
# annotations) exported as HTML and as PDF.
#
#   run-export-benchmark.sh GENERATE EXPORT [GENERATOR-OPTION...]

set -euo pipefail

[[ $# -ge 2 ]] || { echo "Usage: $0 GENERATE EXPORT [GENERATOR-OPTION...]" >&2; exit 2; }
generate=$1 export=$2
shift 2

dir=$(mktemp -d "${TMPDIR:-/tmp}/peitho-bench-export-XXXXXX")
trap 'rm -rf "$dir"' EXIT

"$generate" "$@" "$dir/doc.xml" > /dev/null
"$export" "$dir/doc.xml" "$dir"
pdfinfo "$dir/handout.pdf" 2> /dev/null | sed -n 's/^Pages: *\(.*\)/pdf pages: \1/p' || true
