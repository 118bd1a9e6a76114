#!/usr/bin/env bash
# The scan as a build reports it, against rg (cold) and find (warm), interleaved, in one run:
# each round runs `rg -uu -F -l npm_` on TREE, then a cold build scan (cache folder deleted:
# a fresh clone's first build) for each variant below, then `find -printf '%s %T@'`, then a
# warm build scan (cache kept). Every build is `dotnet build --no-restore -nodeReuse:false`
# (a fresh MSBuild node, as on CI); the figure is the build's own summary line
# "NpmrcBuildCheck: scanned N files (B bytes read) in M ms". Prints the medians and the
# fastest, and the ratios per byte (cold) and per file listing (warm).
#
#   bench/cold-build.sh TREE [ROUNDS] [in-place|shared]
#
# Variants: NPMRC_BENCH_VARIANTS, ';'-separated MSBuild arguments of the cold builds; the
# default compares the package's ReadyToRun tasks with its IL tasks.
set -euo pipefail
tree=$(cd "${1:?usage: cold-build.sh TREE [ROUNDS] [in-place|shared]}" && pwd)
rounds=${2:-9}
mode=${3:-in-place}
IFS=';' read -r -a variants <<< "${NPMRC_BENCH_VARIANTS:--p:_NpmrcBench=r2r;-p:NpmrcBuildCheckReadyToRun=false}"
command -v rg >/dev/null || { echo "rg not found: apt-get install ripgrep" >&2; exit 1; }
. "$(dirname "$0")/consumer.sh"
cache="$work/scan-cache"

# Same pruning as the scanner gets here: node_modules and .git, and the consumers' own folder.
run_rg() { (cd "$tree" && rg -uu -F -l npm_ -g '!node_modules' -g '!.git' -g '!.noop-bench' . >/dev/null || true); }
run_find() { find "$tree" \( -name node_modules -o -name .git -o -name .noop-bench \) -prune -o -type f -printf '%s %T@\n' >/dev/null; }
# Bash's own clock (bash 5): timing with `date` would add a process start to every figure of rg and find.
timed() { local s=${EPOCHREALTIME/[.,]/}; "$@"; local e=${EPOCHREALTIME/[.,]/}; echo $(( e - s )); } # microseconds
scan() { # extra MSBuild argument; prints "files bytes ms" from the build's summary line
  dotnet build "$home/NoopWith.csproj" --no-restore -nodeReuse:false -v:n "-p:NpmrcBuildCheckCacheDirectory=$cache" "$1" \
    | sed -n 's/.*NpmrcBuildCheck: scanned \([0-9]*\) files (\([0-9]*\) bytes read) in \([0-9]*\) ms.*/\1 \2 \3/p' | head -1
}

stats=$(cd "$tree" && rg -uu -F -l --stats npm_ -g '!node_modules' -g '!.git' -g '!.noop-bench' . | tail -8 || true)
rg_bytes=$(sed -n 's/^\([0-9]*\) bytes searched/\1/p' <<< "$stats")
rg_files=$(sed -n 's/^\([0-9]*\) files searched/\1/p' <<< "$stats")
find_files=$(find "$tree" \( -name node_modules -o -name .git -o -name .noop-bench \) -prune -o -type f -print | wc -l)
echo "tree $tree: rg searches $rg_files files, $rg_bytes bytes; find lists $find_files files; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"

results=$work/results
for ((r = 0; r < rounds; r++)); do
  echo "rg $(( $(timed run_rg) ))" >> "$results.us"
  for v in "${!variants[@]}"; do
    rm -rf "$cache"
    read -r files bytes ms <<< "$(scan "${variants[$v]}")"
    echo "cold$v $ms $files $bytes" >> "$results.ms"
  done
  echo "find $(( $(timed run_find) ))" >> "$results.us"
  read -r wfiles wbytes wms <<< "$(scan "${variants[0]}")"
  echo "warm $wms $wfiles $wbytes" >> "$results.ms"
  echo "round $r: $(grep -c . "$results.ms") builds; load $(cut -d' ' -f1 /proc/loadavg)"
done

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
fastest() { sort -n | head -1; }
rg_med=$(awk '$1 == "rg" { print $2 / 1000 }' "$results.us" | median); rg_min=$(awk '$1 == "rg" { print $2 / 1000 }' "$results.us" | fastest)
find_med=$(awk '$1 == "find" { print $2 / 1000 }' "$results.us" | median); find_min=$(awk '$1 == "find" { print $2 / 1000 }' "$results.us" | fastest)
echo
echo "| measure | median ms | fastest ms | files | bytes read | per byte vs rg (median / fastest) |"
echo "|---|---|---|---|---|---|"
echo "| rg -uu -F -l npm_ | $rg_med | $rg_min | $rg_files | $rg_bytes | 1 |"
for v in "${!variants[@]}"; do
  med=$(awk -v k="cold$v" '$1 == k { print $2 }' "$results.ms" | median); min=$(awk -v k="cold$v" '$1 == k { print $2 }' "$results.ms" | fastest)
  read -r _ _ files bytes < <(grep "^cold$v " "$results.ms" | tail -1)
  echo "| cold build scan \`${variants[$v]}\` | $med | $min | $files | $bytes | $(awk "BEGIN { printf \"%.2fx / %.2fx\", ($med / $bytes) / ($rg_med / $rg_bytes), ($min / $bytes) / ($rg_min / $rg_bytes) }") |"
done
med=$(awk '$1 == "warm" { print $2 }' "$results.ms" | median); min=$(awk '$1 == "warm" { print $2 }' "$results.ms" | fastest)
read -r _ _ files bytes < <(grep "^warm " "$results.ms" | tail -1)
echo "| find -printf '%s %T@' | $find_med | $find_min | $find_files | 0 | |"
echo "| warm build scan | $med | $min | $files | $bytes | vs find: $(awk "BEGIN { printf \"%.2fx / %.2fx\", $med / $find_med, $min / $find_min }") |"
