#!/usr/bin/env bash
# Makes a realistic .NET + SPA frontend tree for measuring the scanner.
#   bench/make-tree.sh DIR
# DIR/ (a git repo)
#   App/App.csproj, App/bin, App/obj          (.NET project; bin/obj pruned)
#   App/ClientApp/package.json + node_modules  (real `npm install` of a typical SPA toolchain; pruned)
#   App/ClientApp/.npmrc                       (a fake leak: NPMRC001)
#   App/ClientApp/src/...                      (a few source files)
#   vendor-copy/                               (a copy of node_modules' files: NOT pruned, must be read)
# The tree is never committed; build it under /work/bench-tree.
set -euo pipefail
DIR=${1:?usage: make-tree.sh DIR}
mkdir -p "$DIR"
DIR=$(cd "$DIR" && pwd)
APP="$DIR/App"
CLIENT="$APP/ClientApp"
mkdir -p "$CLIENT/src" "$APP/bin/Debug" "$APP/obj"

cat > "$APP/App.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup>
</Project>
XML
echo 'build output' > "$APP/bin/Debug/App.dll.txt"
echo '{}' > "$APP/obj/project.assets.json"

cat > "$CLIENT/package.json" <<'JSON'
{
  "name": "clientapp",
  "private": true,
  "version": "1.0.0",
  "dependencies": {
    "react": "^18.3.1",
    "react-dom": "^18.3.1",
    "@angular/core": "^18.2.0"
  },
  "devDependencies": {
    "webpack": "^5.94.0",
    "webpack-cli": "^5.1.4",
    "typescript": "^5.5.4",
    "@angular/cli": "^18.2.0",
    "vite": "^5.4.0",
    "eslint": "^8.57.0",
    "prettier": "^3.3.3"
  }
}
JSON

if [ ! -d "$CLIENT/node_modules" ]; then
  (cd "$CLIENT" && npm install --no-audit --no-fund --ignore-scripts --loglevel=error)
fi

printf 'export const answer = 42;\n' > "$CLIENT/src/main.ts"
printf '<!doctype html><title>app</title>\n' > "$CLIENT/src/index.html"
# A fake leak (opaque literal, not a real token) for NPMRC001.
printf 'registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=FAKEfakeFAKEfake0123456789abcdefXYZ\n' > "$CLIENT/.npmrc"

# The same files outside node_modules: the scanner must read these.
rm -rf "$DIR/vendor-copy"
cp -r "$CLIENT/node_modules" "$DIR/vendor-copy"
# cp keeps the pruned names inside (nested node_modules, .bin); rename so nothing under vendor-copy is pruned.
find "$DIR/vendor-copy" -depth -type d -name node_modules -execdir mv {} nm \;

cat > "$DIR/.gitignore" <<'GI'
node_modules/
bin/
obj/
GI
if [ ! -d "$DIR/.git" ]; then
  git -C "$DIR" init -q
  git -C "$DIR" add -A >/dev/null 2>&1 || true
  git -C "$DIR" -c user.email=bench@example.invalid -c user.name=bench commit -qm tree >/dev/null 2>&1 || true
fi
echo "files in node_modules: $(find "$CLIENT/node_modules" -type f | wc -l)"
echo "files in vendor-copy:  $(find "$DIR/vendor-copy" -type f | wc -l)"
