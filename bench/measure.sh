#!/usr/bin/env bash
# Measures the scanner against rg (cold) and find (warm) on one tree, in one run, interleaved.
#   bench/measure.sh [DIR] [ROUNDS]      (DIR defaults to /work/bench-tree; made by bench/make-tree.sh)
# Needs rg (apt-get install ripgrep) and find. Prints a Markdown table and the ratios.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
DIR=${1:-/work/bench-tree}
ROUNDS=${2:-9}
[ -d "$DIR" ] || "$HERE/make-tree.sh" "$DIR"
command -v rg >/dev/null || { echo "rg not found: apt-get install ripgrep" >&2; exit 1; }
dotnet build -c Release "$HERE/NpmrcBuildCheck.Benchmarks" -v q -nologo >/dev/null
"$HERE/NpmrcBuildCheck.Benchmarks/bin/Release/net10.0/NpmrcBuildCheck.Benchmarks" compare "$DIR" "$ROUNDS"
