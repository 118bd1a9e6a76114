#!/usr/bin/env bash
# Whole-build cost of the check: a no-op `dotnet build --no-restore` of a project over TREE
# (see make-tree.sh), with the package and without it. Prints the fastest of N alternating
# builds of each and their ratio.
#
#   bench/noop-build.sh TREE [N] [in-place|shared] [reuse-off|reuse-on]
#
# in-place (default): the projects sit at TREE's root, which is their own folder: the default
#   NpmrcBuildCheckRoot, scanned in place. Their project, obj and bin files are removed after.
# shared: the projects sit elsewhere and set NpmrcBuildCheckRoot to TREE, as a monorepo's
#   Directory.Build.props does: the scan goes through the package's private project.
# reuse-off (default): every timed build starts fresh MSBuild processes (-nodeReuse:false).
# reuse-on: the timed builds reuse MSBuild nodes, as developers' builds do by default; the
#   nodes this script started are ended (by process id) when it exits.
set -euo pipefail
tree=$(cd "${1:?usage: noop-build.sh TREE [N] [in-place|shared] [reuse-off|reuse-on]}" && pwd)
runs=${2:-10}
mode=${3:-in-place}
reuse=${4:-reuse-off}
# Reused MSBuild nodes outlive the build: they are marked by an environment variable they
# inherit, and only nodes with this run's mark are ended.
export NPMRC_BENCH_RUN="noop-build-$$"
end_own_nodes() {
  for pid in $(pgrep -f 'nodeReuse:true' || true); do
    if tr '\0' '\n' < "/proc/$pid/environ" 2>/dev/null | grep -qx "NPMRC_BENCH_RUN=$NPMRC_BENCH_RUN"; then
      kill "$pid" 2>/dev/null || true
    fi
  done
}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NUGET_PACKAGES="$work/packages"

version="0.0.0-bench.$(date +%s)"
dotnet pack "$repo/nuget/NpmrcBuildCheck.csproj" -c Release -o "$work/feed" -p:NpmrcBuildCheckPackageVersion="$version" -nodeReuse:false >/dev/null

if [ "$mode" = in-place ]; then
  home=$tree
  scratch="$tree/.noop-bench"
  cleanup() { rm -rf "$work" "$scratch" "$tree/NoopWith.csproj" "$tree/NoopWithout.csproj" "$tree/Directory.Build.props" "$tree/nuget.config"; }
  [ -e "$tree/Directory.Build.props" ] || [ -e "$tree/nuget.config" ] && { echo "TREE already has a Directory.Build.props or nuget.config" >&2; exit 1; }
  # Two projects in one folder need their own obj/ and bin/.
  cat > "$tree/Directory.Build.props" <<'XML'
<Project>
  <PropertyGroup>
    <BaseIntermediateOutputPath>$(MSBuildThisFileDirectory).noop-bench/obj/$(MSBuildProjectName)/</BaseIntermediateOutputPath>
    <BaseOutputPath>$(MSBuildThisFileDirectory).noop-bench/bin/$(MSBuildProjectName)/</BaseOutputPath>
  </PropertyGroup>
</Project>
XML
  root_property=""
else
  home=$work
  scratch="$work/src"
  cleanup() { rm -rf "$work"; }
  root_property="<NpmrcBuildCheckRoot>$tree</NpmrcBuildCheckRoot>"
fi
trap 'end_own_nodes; cleanup' EXIT
mkdir -p "$scratch"
echo 'public static class C { }' > "$scratch/C.cs"
cat > "$home/nuget.config" <<XML
<configuration><packageSources><clear /><add key="feed" value="$work/feed" /></packageSources></configuration>
XML

make_project() { # name, extra item
  cat > "$home/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <EnableDefaultItems>false</EnableDefaultItems>
    $root_property
    <!-- The tree's leak must not fail the benchmark build. -->
    <NoWarn>\$(NoWarn);NPMRC001;NPMRC002;NPMRC003</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <Compile Include="$scratch/C.cs" />
    $2
  </ItemGroup>
</Project>
XML
  dotnet build "$home/$1.csproj" -nodeReuse:false >/dev/null
}
make_project NoopWith "<PackageReference Include=\"NpmrcBuildCheck\" Version=\"$version\" PrivateAssets=\"all\" />"
make_project NoopWithout ""

milliseconds() { # project
  local start end
  start=$(date +%s%N)
  if [ "$reuse" = reuse-on ]; then
    env -u MSBUILDDISABLENODEREUSE dotnet build "$home/$1.csproj" --no-restore -nodeReuse:true >/dev/null
  else
    dotnet build "$home/$1.csproj" --no-restore -nodeReuse:false >/dev/null
  fi
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
dotnet build "$home/NoopWith.csproj" --no-restore -nodeReuse:false -v:n | grep "NpmrcBuildCheck: scanned" || true
