#!/usr/bin/env bash
# `make dist`: every release artifact into dist/, built for the linux targets
# named in DIST_TARGETS (default: all four), then dist/SHA256SUMS.
#
#   DIST_TARGETS="x86_64-unknown-linux-gnu aarch64-unknown-linux-gnu" packaging/dist.sh
#
# What each target yields (RELEASING.md lists the files):
#   python  two abi3 wheels, cp38-abi3 and cp310-abi3 (vectorcall; pip prefers
#           it on CPython >= 3.10), manylinux2014 for gnu, musllinux_1_2 for
#           musl; the sdist once
#   node    the @rtctoken/<platform> package; the main package once
#   java    the JNI library under META-INF/native/<platform>/ of the one jar
#   c       rtctoken-<version>-<target>.tar.gz (lib, include, cmake, pkgconfig)
#   bin     the static CLI and server (DIST_BINS narrows: test-dist skips
#           the server's long build): musl targets only, gnu ones would be
#           the same programs
# DIST_PARTS limits which of these run (default: all), and <PART>_TARGETS
# (e.g. C_TARGETS) overrides DIST_TARGETS for one part: test-dist builds only
# what CI checks that way.
#
# DIST_EXTRA=<dir> merges what other machines built (the release workflow's
# macOS and Windows jobs): <dir>/python/*.whl and <dir>/npm/*.tgz join dist/,
# <dir>/java-native/<platform>/ joins the jar's native folders.
set -euo pipefail
shopt -s nullglob
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$ROOT"

ALL_TARGETS="x86_64-unknown-linux-gnu aarch64-unknown-linux-gnu x86_64-unknown-linux-musl aarch64-unknown-linux-musl"
DIST_TARGETS=${DIST_TARGETS:-$ALL_TARGETS}
DIST_PARTS=${DIST_PARTS:-python node java c bin}
DIST=${DIST:-$ROOT/dist}
TARGET_DIR=$ROOT/target
# musl cdylibs need a dynamically linked C runtime, the static CLI and
# server the opposite: separate folders keep cargo from rebuilding each time.
MUSL_DYLIB_DIR=$ROOT/target/dist-musl-dylib
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)

want() { [[ " $DIST_PARTS " == *" $1 "* ]]; }
targets() { local var; var=$(tr 'a-z' 'A-Z' <<<"$1")_TARGETS; echo "${!var:-$DIST_TARGETS}"; }
is_musl() { [[ $1 == *-musl ]]; }
# zig links gnu targets against glibc 2.17, the manylinux2014 baseline.
zig_target() { if is_musl "$1"; then echo "$1"; else echo "$1.2.17"; fi; }
# Where a cdylib for $1 is built.
dylib_dir() { if is_musl "$1"; then echo "$MUSL_DYLIB_DIR"; else echo "$TARGET_DIR"; fi; }
# A musl target links statically unless told otherwise, and its cdylibs need
# musl's libc.so. gnu targets link dynamically already: no flag for them, so
# these builds share target/ with maturin's without invalidating each other.
# Sets DYLIB_ENV, the env assignments for a cdylib build for $1.
dylib_env() {
  DYLIB_ENV=(CARGO_TARGET_DIR="$(dylib_dir "$1")")
  if is_musl "$1"; then
    DYLIB_ENV+=("CARGO_TARGET_$(tr 'a-z-' 'A-Z_' <<<"$1")_RUSTFLAGS=-C target-feature=-crt-static")
  fi
}
dylib_build() { # <target> <package>
  dylib_env "$1"
  env "${DYLIB_ENV[@]}" cargo zigbuild --release --locked -p "$2" --target "$(zig_target "$1")"
}
node_platform() { # x86_64-unknown-linux-gnu -> linux-x64-gnu
  local cpu=${1%%-*}; [ "$cpu" = x86_64 ] && cpu=x64; [ "$cpu" = aarch64 ] && cpu=arm64
  echo "linux-$cpu-${1##*-}"
}
java_platform() { # x86_64-unknown-linux-gnu -> linux-x86_64, ...-musl -> linux-x86_64-musl
  if is_musl "$1"; then echo "linux-${1%%-*}-musl"; else echo "linux-${1%%-*}"; fi
}

rm -rf "$DIST"
mkdir -p "$DIST"

python_dist() {
  mkdir -p "$DIST/python"
  for t in $(targets python); do
    local compat=manylinux2014 abi; is_musl "$t" && compat=musllinux_1_2
    for abi in "" "--no-default-features --features abi3-py310"; do
      # shellcheck disable=SC2086 # $abi: the second wheel's two flags
      CARGO_TARGET_DIR=$TARGET_DIR maturin build --release --locked --zig --target "$t" $abi \
        --compatibility "$compat" -m bindings-python/Cargo.toml -o "$DIST/python"
    done
  done
  maturin sdist -m bindings-python/Cargo.toml -o "$DIST/python"
  for w in "$DIST"/python/*musllinux*.whl; do musl_soname "$w"; done
  for w in "$DIST"/python/*.whl; do auditwheel show "$w"; done
}

# zig links a musl extension against musl's upstream name, libc.so; the
# musllinux policy (auditwheel, Alpine) names it libc.musl-<arch>.so.1. musl's
# loader takes either as itself, so the wheel gets the name auditwheel
# accepts, and its RECORD is rewritten by `wheel pack`.
musl_soname() { # <wheel>
  local w=$1 arch unpacked=$TARGET_DIR/dist-wheel
  arch=${w##*musllinux_1_2_}; arch=${arch%.whl}
  rm -rf "$unpacked"
  python -m wheel unpack -d "$unpacked" "$w" >/dev/null
  patchelf --replace-needed libc.so "libc.musl-$arch.so.1" "$unpacked"/*/rtctoken/*.so
  rm "$w"
  python -m wheel pack -d "$DIST/python" "$unpacked"/* >/dev/null
}

node_dist() {
  local stage=$TARGET_DIR/dist-npm
  rm -rf "$stage"; mkdir -p "$stage" "$DIST/npm"
  for t in $(targets node); do
    local p; p=$(node_platform "$t")
    dylib_build "$t" rtctoken-node
    cp -r "bindings-node/npm/$p" "$stage/$p"
    cp "$(dylib_dir "$t")/$t/release/librtctoken_node.so" "$stage/$p/rtctoken.$p.node"
    (cd "$stage/$p" && npm pack --silent --pack-destination "$DIST/npm" >/dev/null)
  done
  # package.json's "files" leaves a local build (rtctoken.node) out.
  (cd bindings-node && npm pack --silent --pack-destination "$DIST/npm" >/dev/null)
}

java_dist() {
  local stage=$TARGET_DIR/dist-java-native
  rm -rf "$stage"; mkdir -p "$DIST/java"
  for t in $(targets java); do
    dylib_build "$t" rtctoken-jni
    mkdir -p "$stage/$(java_platform "$t")"
    cp "$(dylib_dir "$t")/$t/release/librtctoken_jni.so" "$stage/$(java_platform "$t")/"
  done
  [ -z "${DIST_EXTRA:-}" ] || [ ! -d "$DIST_EXTRA/java-native" ] || cp -r "$DIST_EXTRA/java-native/." "$stage/"
  # mvn keeps target/classes: a folder from an earlier, wider run would ship.
  rm -rf bindings-java/target/classes/META-INF/native
  # -Dnative.library=none: only the cross-built libraries, not the host build.
  (cd bindings-java && mvn -B -q -Prelease -DskipTests -Dnative.library=none \
    -Dnative.staging="$stage" package)
  cp bindings-java/target/rtctoken-"$VERSION"{,-sources,-javadoc}.jar "$DIST/java/"
  cp bindings-java/pom.xml "$DIST/java/rtctoken-$VERSION.pom"
}

c_dist() {
  mkdir -p "$DIST/c"
  for t in $(targets c); do
    local build=$TARGET_DIR/dist-c/$t name=rtctoken-$VERSION-$t
    rm -rf "$build"
    dylib_env "$t"
    env "${DYLIB_ENV[@]}" cmake -S bindings-c -B "$build" \
      -DCMAKE_INSTALL_LIBDIR=lib -DRTCTOKEN_CARGO_BUILD=zigbuild \
      -DRTCTOKEN_CARGO_TARGET="$(zig_target "$t")" -DRTCTOKEN_CARGO_TARGET_DIR="$(dylib_dir "$t")" >/dev/null
    env "${DYLIB_ENV[@]}" cmake --build "$build"
    cmake --install "$build" --prefix "$build/$name" >/dev/null
    tar -C "$build" -czf "$DIST/c/$name.tar.gz" --owner=0 --group=0 "$name"
  done
}

bin_dist() {
  mkdir -p "$DIST/bin"
  for t in $(targets bin); do
    is_musl "$t" || continue
    local name=rtctoken-cli-$VERSION-$t stage=$TARGET_DIR/dist-bin/rtctoken-cli-$VERSION-$t
    local bins=(${DIST_BINS:-rtctoken rtctoken-server})
    cargo zigbuild --release --locked --target "$t" $(printf -- '--bin %s ' "${bins[@]}")
    rm -rf "$stage"; mkdir -p "$stage"
    for b in "${bins[@]}"; do cp "$TARGET_DIR/$t/release/$b" "$stage/"; done
    (cd "$stage" && sha256sum "${bins[@]}" > SHA256SUMS)
    tar -C "$(dirname "$stage")" -czf "$DIST/bin/$name.tar.gz" --owner=0 --group=0 "$name"
  done
}

want python && python_dist
want node && node_dist
want java && java_dist
want c && c_dist
want bin && bin_dist
for part in python npm; do
  [ -z "${DIST_EXTRA:-}" ] || [ ! -d "$DIST_EXTRA/$part" ] || { mkdir -p "$DIST/$part" && cp -r "$DIST_EXTRA/$part/." "$DIST/$part/"; }
done
(cd "$DIST" && find . -type f ! -name SHA256SUMS | sort | xargs sha256sum > SHA256SUMS)
echo "dist/: $(wc -l < "$DIST/SHA256SUMS") files, version $VERSION"
