#!/usr/bin/env bash
# Times the history scan on a real repository against what other tools read, in one run,
# rounds interleaved (each command in a fresh process, one after the other, every round):
#   catfile  git cat-file --batch-all-objects --batch | rg -a -F npm_   (every object, inflated once)
#   scan     NpmrcBuildCheck.Benchmarks history REPO full               (no state: a first scan)
#   logp     git log -p --all | rg -F npm_                              (patches, as gitleaks and trufflehog read history)
#   again    NpmrcBuildCheck.Benchmarks history REPO incremental        (state of the previous run: a second scan)
# Prints each round, then medians and the ratios. Usage: bench/history.sh REPO [ROUNDS]
# REPO: a git directory or work tree, e.g. the bare mirror the fetch tool brings (never commit its content).
set -euo pipefail
repo=$(cd "$1" && pwd)
rounds=${2:-5}
here=$(cd "$(dirname "$0")" && pwd)
dotnet build -c Release "$here/NpmrcBuildCheck.Benchmarks" -nodeReuse:false -v:q >/dev/null
harness="$here/NpmrcBuildCheck.Benchmarks/bin/Release/net10.0/NpmrcBuildCheck.Benchmarks"
state="${TMPDIR:-/tmp}/npmrc-history-state"
rm -rf "$state"
"$harness" history "$repo" incremental >/dev/null   # prime the state for "again"

time_of() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1; e=$(date +%s.%N); echo "$e - $s" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

declare -a catfile scan logp again
for ((r = 1; r <= rounds; r++)); do
  catfile+=("$(time_of sh -c "git -C '$repo' cat-file --batch-all-objects --batch | rg -a -F npm_ -c")")
  scan+=("$(time_of "$harness" history "$repo" full)")
  logp+=("$(time_of sh -c "git -C '$repo' log -p --all | rg -F npm_ -c")")
  again+=("$(time_of "$harness" history "$repo" incremental)")
  echo "round $r: catfile ${catfile[-1]} s, scan ${scan[-1]} s, logp ${logp[-1]} s, again ${again[-1]} s (load $(cut -d' ' -f1 /proc/loadavg))"
done

mc=$(printf '%s\n' "${catfile[@]}" | median)
ms=$(printf '%s\n' "${scan[@]}" | median)
ml=$(printf '%s\n' "${logp[@]}" | median)
ma=$(printf '%s\n' "${again[@]}" | median)
echo "medians: catfile $mc s, scan $ms s, logp $ml s, again $ma s"
echo "ratios: scan/catfile $(echo "scale=2; $ms / $mc" | bc), scan/logp $(echo "scale=2; $ms / $ml" | bc), logp/catfile $(echo "scale=2; $ml / $mc" | bc)"
"$harness" history "$repo" full
