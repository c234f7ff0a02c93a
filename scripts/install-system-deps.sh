#!/usr/bin/env bash
# Installs the Debian packages the tests need (real clients, native addons).
# Idempotent: does nothing when every package is already installed.
set -euo pipefail

PACKAGES=(chromium neovim libreoffice-writer-nogui poppler-utils ripgrep libkrb5-dev pkg-config)

missing=()
for pkg in "${PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-system-deps: all packages present"
  exit 0
fi

echo "install-system-deps: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! { $SUDO apt-get update -qq && \
       $SUDO apt-get install -y -qq "${missing[@]}"; } >"$log" 2>&1; then
  cat "$log" >&2
  echo "install-system-deps: FAILED to install: ${missing[*]}" >&2
  exit 1
fi

for cmd in chromium nvim soffice pdftoppm rg pkg-config; do
  command -v "$cmd" >/dev/null || { echo "install-system-deps: '$cmd' still missing after install" >&2; exit 1; }
done
echo "install-system-deps: done"
