#!/usr/bin/env bash
# Installs the system libraries recall builds against, when they are missing.
# Debian/Ubuntu only (apt-get); uses sudo only when not already root.
set -euo pipefail

packages=(libreadline-dev libsqlite3-dev libzstd-dev zlib1g-dev pkg-config)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
((${#missing[@]} == 0)) && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "recall needs these system packages: ${missing[*]} (install them with your package manager)" >&2
    exit 1
fi
sudo=()
if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || { echo "installing ${missing[*]} needs root, and sudo is not installed" >&2; exit 1; }
    sudo=(sudo)
fi
echo "Installing ${missing[*]} ..." >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
