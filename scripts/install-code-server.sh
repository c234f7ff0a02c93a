#!/usr/bin/env bash
# Installs code-server (a real VS Code served to a browser) into .real-clients/code-server,
# an npm prefix of its own outside the workspaces. Follows shared REAL-CLIENTS.md:
# install with --ignore-scripts, then do by hand what the install scripts would have done,
# without the downloads that cannot work here (ripgrep from GitHub).
# Idempotent: a marker file records the installed version. Prints the binary's path.
set -euo pipefail

VERSION=4.100.3   # newest code-server whose engines.node accepts Node 20
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PREFIX="${PRA_CODE_SERVER_DIR:-$ROOT/.real-clients/code-server}"
MARKER="$PREFIX/.installed-version"
BIN="$PREFIX/node_modules/.bin/code-server"

if [ -x "$BIN" ] && [ "$(cat "$MARKER" 2>/dev/null)" = "$VERSION" ]; then
  echo "$BIN"
  exit 0
fi

for cmd in node npm rg pkg-config krb5-config; do
  command -v "$cmd" >/dev/null || {
    echo "install-code-server: '$cmd' missing; run scripts/install-system-deps.sh first" >&2; exit 1; }
done

export npm_config_unsafe_perm=true          # root: allow install scripts to run
export npm_config_yes=true                  # node-pty runs 'npx node-gyp'
export npm_config_nodedir="${npm_config_nodedir:-/usr}"  # headers of the system Node: no download
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
export npm_config_loglevel="${npm_config_loglevel:-error}"

log() { echo "install-code-server: $*" >&2; }
# Runs a command silently; shows its output only when it fails.
quiet() {
  local out
  out=$("$@" 2>&1) || { echo "$out" >&2; log "FAILED: $*"; return 1; }
}

rm -rf "$PREFIX"
mkdir -p "$PREFIX"
# A package.json of its own, so npm never walks up into the repo's workspaces.
echo '{ "name": "pra-real-clients-code-server", "private": true }' >"$PREFIX/package.json"

log "npm install code-server@$VERSION (scripts off)"
quiet npm install --prefix "$PREFIX" --ignore-scripts --no-save "code-server@$VERSION"

CS="$PREFIX/node_modules/code-server"
VSC="$CS/lib/vscode"

log "lib/vscode production dependencies"
quiet npm install --prefix "$VSC" --omit=dev --ignore-scripts

# Names of the packages under DIR/node_modules that have an install script or a binding.gyp,
# except code-server (its postinstall is redone below) and @vscode/ripgrep (its script downloads).
natives() {
  (cd "$1" && node -e '
    const fs = require("fs"), path = require("path"), out = new Set();
    const visit = dir => {
      if (!fs.existsSync(dir)) return;
      for (const name of fs.readdirSync(dir)) {
        if (name.startsWith(".")) continue;
        if (name.startsWith("@")) { visit(path.join(dir, name)); continue; }
        const pkgDir = path.join(dir, name), file = path.join(pkgDir, "package.json");
        if (!fs.existsSync(file)) continue;
        const pkg = JSON.parse(fs.readFileSync(file, "utf8")), s = pkg.scripts || {};
        if (s.preinstall || s.install || s.postinstall || fs.existsSync(path.join(pkgDir, "binding.gyp")))
          out.add(pkg.name);
        visit(path.join(pkgDir, "node_modules"));
      }
    };
    visit("node_modules");
    out.delete("code-server"); out.delete("@vscode/ripgrep");
    console.log([...out].sort().join(" "));')
}
pkgs=$(natives "$PREFIX")
log "npm rebuild (code-server's own): $pkgs"
# argon2 uses node-pre-gyp, which would try GitHub first: build it from source at once.
# (Only here: with that flag, @parcel/watcher below would also skip its prebuilt binary.)
# shellcheck disable=SC2086
[ -z "$pkgs" ] || quiet env npm_config_build_from_source=true npm rebuild --prefix "$PREFIX" $pkgs

pkgs=$(natives "$VSC")
log "npm rebuild (lib/vscode): $pkgs"
# shellcheck disable=SC2086
[ -z "$pkgs" ] || quiet npm rebuild --prefix "$VSC" $pkgs

log "ripgrep from Debian"
mkdir -p "$VSC/node_modules/@vscode/ripgrep/bin"
ln -sf "$(command -v rg)" "$VSC/node_modules/@vscode/ripgrep/bin/rg"

log "links made by code-server's postinstall"
ln -sfn node_modules "$VSC/node_modules.asar"
ln -sf code-linux.sh "$VSC/bin/remote-cli/code-server"
ln -sf browser-linux.sh "$VSC/bin/helpers/browser.sh"

log "built-in extensions' dependencies"
quiet npm install --prefix "$VSC/extensions" --omit=dev

quiet "$BIN" --version
echo "$VERSION" >"$MARKER"
echo "$BIN"
