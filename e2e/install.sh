#!/usr/bin/env bash
# Installs what the real-editor tests need, offline except npm + Debian: chromium, ripgrep, neovim,
# libkrb5-dev from apt, then e2e/node_modules (code-server 4.100.3, playwright-core, mocha,
# @vscode/test-electron) from e2e/package-lock.json. Quick and quiet when everything is already there.
set -euo pipefail
cd "$(dirname "$0")"

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v rg >/dev/null || need_apt+=(ripgrep)
command -v nvim >/dev/null || need_apt+=(neovim)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)   # kerberos (code-server dep) needs gssapi headers
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "e2e/install.sh: apt-get install ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# The stamp holds the lock file's hash: same lock + code-server present => nothing to do.
stamp=node_modules/.pool-guide-e2e-stamp
want=$(sha256sum package-lock.json | cut -d' ' -f1)
cs=node_modules/code-server
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] && [ -x "$cs/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ]; then
  echo "e2e/install.sh: already installed"
  exit 0
fi

# @vscode/ripgrep's postinstall downloads rg from GitHub unless its download cache holds the asset:
# put Debian's rg (13.0.0) there under the name it looks for.
RG_CACHE="$(node -p 'require("os").tmpdir()')/vscode-ripgrep-cache-1.15.11"
mkdir -p "$RG_CACHE"
t=$(mktemp -d); cp "$(command -v rg)" "$t/rg"
tar czf "$RG_CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$t" rg; rm -rf "$t"

# unsafe_perm=true: code-server's postinstall.sh refuses to run as root without it (npm warns "Unknown env config", harmless).
# yes=true: node-pty's postinstall runs `npx node-gyp`, which aborts when ~/.npmrc says yes=false.
echo "e2e/install.sh: npm ci (code-server builds native modules, about a minute)"
npm_config_unsafe_perm=true npm_config_yes=true npm ci --no-audit --no-fund --loglevel=error
test -x "$cs/lib/vscode/node_modules/@vscode/ripgrep/bin/rg"
# --version with a throw-away XDG home: code-server writes a config file on its first start
x=$(mktemp -d); XDG_CONFIG_HOME=$x XDG_DATA_HOME=$x node_modules/.bin/code-server --version >/dev/null; rm -rf "$x"
echo "$want" > "$stamp"
echo "e2e/install.sh: installed"
