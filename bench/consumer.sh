# Sourced by noop-build.sh and cold-build.sh: packs the package from this repository into a
# folder feed and writes two throw-away consumer projects over a tree, NoopWith (with the
# package) and NoopWithout. Expects: tree, mode (in-place|shared), runs; sets: repo, work,
# version, home, scratch; builds each project once (restore).
#
# in-place: the projects sit at TREE's root, which is their own folder: the default
#   NpmrcBuildCheckRoot, scanned in place (the scan overlaps the build's own targets).
#   Their project, obj and bin files are removed after.
# shared: the projects sit elsewhere and set NpmrcBuildCheckRoot to TREE, as a monorepo's
#   Directory.Build.props does: the scan goes through the package's private project.
# NPMRC_BENCH_REFERENCE=N (shared only): each project also references N library projects with
#   the same settings, as projects of a real repository do.
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
libraries=${NPMRC_BENCH_REFERENCE:-0}
[[ "$libraries" =~ ^[0-9]+$ ]] || { echo "NPMRC_BENCH_REFERENCE must be a number of library projects, not '$libraries'" >&2; exit 1; }
[ "$libraries" = 0 ] || [ "$mode" = shared ] || { echo "NPMRC_BENCH_REFERENCE needs the shared mode (the libraries would land in TREE)" >&2; exit 1; }
work=$(mktemp -d)
export MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 NUGET_PACKAGES="$work/packages"

version="0.0.0-bench.$(date +%s)"
dotnet pack "$repo/nuget/NpmrcBuildCheck.csproj" -c Release -o "$work/feed" -p:NpmrcBuildCheckPackageVersion="$version" -nodeReuse:false >/dev/null

if [ "$mode" = in-place ]; then
  home=$tree
  scratch="$tree/.noop-bench"
  cleanup() { rm -rf "$work" "$scratch" "$tree/NoopWith.csproj" "$tree/NoopWithout.csproj" "$tree/Directory.Build.props" "$tree/nuget.config"; }
  if [ -e "$tree/Directory.Build.props" ] || [ -e "$tree/nuget.config" ]; then echo "TREE already has a Directory.Build.props or nuget.config" >&2; exit 1; fi
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
trap cleanup EXIT
mkdir -p "$scratch"
echo 'public static class C { }' > "$scratch/C.cs"
cat > "$home/nuget.config" <<XML
<configuration><packageSources><clear /><add key="feed" value="$work/feed" /></packageSources></configuration>
XML

write_project() { # path, items
  cat > "$1" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <EnableDefaultItems>false</EnableDefaultItems>
    $root_property
    <!-- The tree's leak must not fail the benchmark build. -->
    <NoWarn>\$(NoWarn);NPMRC001;NPMRC002;NPMRC003</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    $2
  </ItemGroup>
</Project>
XML
}
make_project() { # name, extra item
  write_project "$home/$1.csproj" "<Compile Include=\"$scratch/C.cs\" /> $2"
  dotnet build "$home/$1.csproj" -nodeReuse:false >/dev/null
}
package="<PackageReference Include=\"NpmrcBuildCheck\" Version=\"$version\" PrivateAssets=\"all\" />"
if [ "$libraries" != 0 ]; then
  # As in a real repository: each consumer references library projects that have the same settings
  # (and the package, for NoopWith), so the build has projects to resolve and build as well.
  make_library() { # name, extra item
    mkdir -p "$home/$1"
    echo 'public static class L { }' > "$home/$1/L.cs"
    write_project "$home/$1/$1.csproj" "<Compile Include=\"L.cs\" /> $2"
  }
  references_with=""; references_without=""
  for ((l = 1; l <= libraries; l++)); do
    make_library "LibWith$l" "$package"
    make_library "LibWithout$l" ""
    references_with+="<ProjectReference Include=\"$home/LibWith$l/LibWith$l.csproj\" /> "
    references_without+="<ProjectReference Include=\"$home/LibWithout$l/LibWithout$l.csproj\" /> "
  done
  make_project NoopWith "$package $references_with"
  make_project NoopWithout "$references_without"
else
  make_project NoopWith "$package"
  make_project NoopWithout ""
fi
