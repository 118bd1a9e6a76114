#!/usr/bin/env bash
# Whole-build cost of the check: a no-op `dotnet build --no-restore` of a project whose scan
# root is TREE (see make-tree.sh), with the package and without it. Prints the fastest of N
# alternating builds of each and their ratio.
#
#   bench/noop-build.sh TREE [N]
set -euo pipefail
tree=$(cd "${1:?usage: noop-build.sh TREE [N]}" && pwd)
runs=${2:-10}
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NUGET_PACKAGES="$work/packages"

version="0.0.0-bench.$(date +%s)"
dotnet pack "$repo/nuget/NpmrcBuildCheck.csproj" -c Release -o "$work/feed" -p:NpmrcBuildCheckPackageVersion="$version" -nodeReuse:false >/dev/null

make_project() { # name, extra item
  mkdir -p "$work/$1"
  cat > "$work/$1/nuget.config" <<XML
<configuration><packageSources><clear /><add key="feed" value="$work/feed" /></packageSources></configuration>
XML
  cat > "$work/$1/$1.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <NpmrcBuildCheckRoot>$tree</NpmrcBuildCheckRoot>
    <!-- The tree's leak must not fail the benchmark build. -->
    <NoWarn>\$(NoWarn);NPMRC001;NPMRC002;NPMRC003</NoWarn>
  </PropertyGroup>
  <ItemGroup>$2</ItemGroup>
</Project>
XML
  echo 'public static class C { }' > "$work/$1/C.cs"
  dotnet build "$work/$1" -nodeReuse:false >/dev/null
}
make_project with "<PackageReference Include=\"NpmrcBuildCheck\" Version=\"$version\" PrivateAssets=\"all\" />"
make_project without ""

seconds() { # project
  local start end
  start=$(date +%s%N)
  dotnet build "$work/$1" --no-restore -nodeReuse:false >/dev/null
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
best_with=999999; best_without=999999
for ((i = 0; i < runs; i++)); do
  w=$(seconds with); wo=$(seconds without)
  (( w < best_with )) && best_with=$w
  (( wo < best_without )) && best_without=$wo
  echo "run $i: with ${w} ms, without ${wo} ms"
done
echo "fastest of $runs: with ${best_with} ms, without ${best_without} ms, ratio $(awk "BEGIN { printf \"%.3f\", $best_with / $best_without }")"
dotnet build "$work/with" --no-restore -nodeReuse:false -v:n | grep "NpmrcBuildCheck: scanned" || true
