#!/usr/bin/env bash
# Whole-build cost of the check: a no-op `dotnet build --no-restore` of a project over TREE
# (see make-tree.sh), with the package and without it. Prints the fastest of N alternating
# builds of each and their ratio.
#
#   bench/noop-build.sh TREE [N] [in-place|shared] [reuse|no-reuse]
#
# in-place (default) or shared: where the projects sit (see consumer.sh).
# no-reuse (default): every build in a fresh MSBuild process, as on CI; reuse: MSBuild's node
#   reuse on, so builds after the first run in a long-lived node that keeps the tasks loaded.
set -euo pipefail
tree=$(cd "${1:?usage: noop-build.sh TREE [N] [in-place|shared] [reuse|no-reuse]}" && pwd)
runs=${2:-10}
mode=${3:-in-place}
reuse=${4:-no-reuse}
. "$(dirname "$0")/consumer.sh"
node_reuse=false
if [ "$reuse" = reuse ]; then
  node_reuse=true
  unset MSBUILDDISABLENODEREUSE # the nodes stay up after the run, until MSBuild's idle timeout
fi

milliseconds() { # project
  local start end
  start=$(date +%s%N)
  dotnet build "$home/$1.csproj" --no-restore -nodeReuse:$node_reuse >/dev/null
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
best_with=999999; best_without=999999
for ((i = 0; i < runs; i++)); do
  w=$(milliseconds NoopWith); wo=$(milliseconds NoopWithout)
  (( w < best_with )) && best_with=$w
  (( wo < best_without )) && best_without=$wo
  echo "run $i: with ${w} ms, without ${wo} ms"
done
echo "$mode, $reuse, fastest of $runs: with ${best_with} ms, without ${best_without} ms, ratio $(awk "BEGIN { printf \"%.3f\", $best_with / $best_without }")"
dotnet build "$home/NoopWith.csproj" --no-restore -nodeReuse:$node_reuse -v:n | grep "NpmrcBuildCheck: scanned" || true
