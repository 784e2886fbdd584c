#!/usr/bin/env bash
# `make test-dist`: installs the dist/ artifacts the way users do, on this
# machine but with no Rust toolchain in sight, and runs each language's README
# example and vector replay against them. Every install and run happens under
# `env -i PATH=/usr/bin:/bin HOME=<empty>` (PATH: $BARE_PATH); the first check is that cargo and
# rustc are not found there. Only the tests and tests/vectors are copied
# from the checkout (into target/test-dist/), never a source file.
#
# DIST_BUILD=0 checks an existing dist/ (as `make dist` left it); otherwise
# the CI subset is built first: every language for x86_64-unknown-linux-gnu,
# the C tarball for aarch64-unknown-linux-gnu and the static CLI for
# aarch64-unknown-linux-musl (the server, ten more minutes of cross-building
# here, is left to `make dist`).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$ROOT"

if [ "${DIST_BUILD:-1}" = 1 ]; then
  DIST_TARGETS=x86_64-unknown-linux-gnu \
  C_TARGETS="x86_64-unknown-linux-gnu aarch64-unknown-linux-gnu" \
  BIN_TARGETS=aarch64-unknown-linux-musl DIST_BINS=rtctoken \
    packaging/dist.sh
fi

DIST=$ROOT/dist
VERSION=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
W=$ROOT/target/test-dist
rm -rf "$W"; mkdir -p "$W/home" "$W/tests"
cp -r tests/vectors "$W/tests/"
# Runs "$@" as a user without Rust would: a bare PATH and an empty HOME.
# BARE_PATH adds folders where a CI image keeps node or java (never cargo's).
BARE_PATH=${BARE_PATH:-/usr/bin:/bin}
bare() { env -i PATH="$BARE_PATH" HOME="$W/home" LANG=C.UTF-8 "$@"; }
step() { printf '\n== %s\n' "$*"; }

step "no Rust toolchain on PATH=$BARE_PATH"
if bare sh -c 'command -v cargo || command -v rustc || command -v rustup'; then
  echo "test-dist: a Rust tool is on PATH=$BARE_PATH; the proof would not hold" >&2; exit 1
fi
(cd "$DIST" && sha256sum --quiet -c SHA256SUMS)

step "every aarch64 artifact is aarch64, every x86_64 one x86-64"
for f in $(cd "$DIST" && ls c/*.tar.gz bin/*.tar.gz python/*.whl npm/*.tgz 2>/dev/null); do
  x=$W/arch/$f; mkdir -p "$x"
  case $f in *.whl) (cd "$x" && python3 -m zipfile -e "$DIST/$f" .) ;; *) tar -xzf "$DIST/$f" -C "$x" ;; esac
  want="x86-64"; [[ $f == *aarch64* || $f == *arm64* ]] && want="ARM aarch64"
  for elf in $(find "$x" -type f \( -name '*.so*' -o -name '*.node' -o -name rtctoken -o -name rtctoken-server \)); do
    file -b "$elf" | grep -q "$want" || { echo "$f: $(basename "$elf") is not $want: $(file -b "$elf")" >&2; exit 1; }
  done
done
echo ok
for w in $(ls "$DIST"/python/*manylinux*.whl 2>/dev/null); do
  shown=$(auditwheel show "$w" | tr -s ' \n' ' ')
  echo "$shown"
  [[ $shown == *'platform tag: "manylinux_2_17_'* ]] || { echo "$w: auditwheel does not confirm manylinux2014" >&2; exit 1; }
done
# auditwheel cannot resolve musl's libc on this glibc host: a musllinux
# extension may need musl's libc.so alone, and no glibc symbol version.
for w in $(cd "$DIST" && ls python/*musllinux*.whl 2>/dev/null); do
  so=$(find "$W/arch/$w" -name '*.so')
  needed=$(readelf -d "$so" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
  [ "$needed" = "libc.so " ] || { echo "$w: needs $needed, not only musl's libc.so" >&2; exit 1; }
  if readelf -V "$so" | grep -q GLIBC_; then echo "$w: references glibc symbol versions" >&2; exit 1; fi
  echo "$w: needs only libc.so (musl), no glibc symbol versions"
done

step "C shared libraries: SONAME librtctoken.so.0, only rtctoken_* exported"
for t in "$DIST"/c/*.tar.gz; do
  so=$(tar -tzf "$t" | grep 'lib/librtctoken.so.0$')
  x=$W/arch/c/$(basename "$t")
  readelf -d "$x/$so" | grep -q 'SONAME.*\[librtctoken.so.0\]'
  others=$(readelf --dyn-syms -W "$x/$so" | awk '$5=="GLOBAL" && $7!="UND" {print $8}' | grep -v '^rtctoken_' || true)
  [ -z "$others" ] || { echo "$(basename "$t") exports more than rtctoken_*: $others" >&2; exit 1; }
  echo "$(basename "$t"): $(readelf --dyn-syms -W "$x/$so" | awk '$5=="GLOBAL" && $7!="UND"' | wc -l) rtctoken_* symbols"
done

step "python: a fresh venv installs the x86_64 wheel; README example and vectors"
wheel=$(ls "$DIST"/python/*manylinux*x86_64*.whl)
mkdir -p "$W/bindings-python"
cp -r bindings-python/tests bindings-python/README.md "$W/bindings-python/"
bare /usr/bin/python3 -m venv "$W/py"
bare "$W/py/bin/pip" install -q "$wheel" pytest
(cd "$W/bindings-python" && bare "$W/py/bin/python" -m pytest -q -p no:cacheprovider tests/test_vectors.py tests/test_readme.py)

step "node: a fresh npm project installs the main and the linux-x64-gnu tarballs"
mkdir -p "$W/bindings-node/test"
cp bindings-node/README.md "$W/bindings-node/"
cp bindings-node/test/vectors.test.js bindings-node/test/readme.test.js "$W/bindings-node/test/"
(cd "$W/bindings-node" && echo '{"name":"check","private":true}' > package.json &&
  bare npm install --no-audit --no-fund "$DIST/npm/rtctoken-$VERSION.tgz" "$DIST/npm/rtctoken-linux-x64-gnu-$VERSION.tgz" &&
  test -f node_modules/@rtctoken/linux-x64-gnu/rtctoken.linux-x64-gnu.node &&
  bare node --test test/)

step "java: javac and java with the jar alone, from an empty folder"
mkdir -p "$W/java"
cp bindings-java/examples/Example.java packaging/test-dist/VectorSample.java "$W/java/"
jar=$DIST/java/rtctoken-$VERSION.jar
unzip -l "$jar" | grep META-INF/native/
(cd "$W/java" && bare javac -cp "$jar" -d . Example.java VectorSample.java &&
  bare java -ea -cp "$jar:." Example &&
  bare python3 "$ROOT/packaging/test-dist/vector_sample.py" "$W/tests/vectors" > sample.tsv &&
  bare java -cp "$jar:." VectorSample sample.tsv)

step "C/C++ (x86_64): the consumer tests build with find_package and pkg-config against the tarball"
tarball=$DIST/c/rtctoken-$VERSION-x86_64-unknown-linux-gnu.tar.gz
mkdir -p "$W/c" "$W/bindings-c"
tar -xzf "$tarball" -C "$W/c"
prefix=$W/c/rtctoken-$VERSION-x86_64-unknown-linux-gnu
cp -r bindings-c/tests bindings-c/examples bindings-c/tools bindings-c/bench bindings-c/README.md "$W/bindings-c/"
bare cmake -S "$W/bindings-c/tests" -B "$W/c/build" -DCMAKE_PREFIX_PATH="$prefix" \
  -DCMAKE_BUILD_TYPE=Release >/dev/null
bare cmake --build "$W/c/build" -j2 >/dev/null
(cd "$W/c/build" && bare ctest --output-on-failure -E valgrind)

step "C (aarch64): example.c cross-built with pkg-config, run under qemu-aarch64"
tarball=$DIST/c/rtctoken-$VERSION-aarch64-unknown-linux-gnu.tar.gz
tar -xzf "$tarball" -C "$W/c"
prefix=$W/c/rtctoken-$VERSION-aarch64-unknown-linux-gnu
bare env PKG_CONFIG_PATH="$prefix/lib/pkgconfig" sh -c \
  "aarch64-linux-gnu-gcc -o '$W/c/example-aarch64' '$W/bindings-c/examples/example.c' \$(pkg-config --cflags --libs rtctoken)"
file -b "$W/c/example-aarch64" | grep -q 'ARM aarch64'
bare env LD_LIBRARY_PATH="$prefix/lib" qemu-aarch64 -L /usr/aarch64-linux-gnu "$W/c/example-aarch64"

# After a full `make dist`: the musl library on musl's own loader (Debian's
# musl-tools stands in for Alpine).
tarball=$DIST/c/rtctoken-$VERSION-x86_64-unknown-linux-musl.tar.gz
if [ -f "$tarball" ]; then
  step "C (x86_64 musl): example.c built with musl-gcc and pkg-config, run on ld-musl"
  tar -xzf "$tarball" -C "$W/c"
  prefix=$W/c/rtctoken-$VERSION-x86_64-unknown-linux-musl
  bare env PKG_CONFIG_PATH="$prefix/lib/pkgconfig" sh -c \
    "musl-gcc -o '$W/c/example-musl' '$W/bindings-c/examples/example.c' \$(pkg-config --cflags --libs rtctoken)"
  readelf -l "$W/c/example-musl" | grep -q 'ld-musl-x86_64'
  bare env LD_LIBRARY_PATH="$prefix/lib" "$W/c/example-musl"
fi

step "CLI (static musl): the demo token and its inspection"
for t in "$DIST"/bin/*.tar.gz; do
  tar -xzf "$t" -C "$W"
  d=$W/$(basename "$t" .tar.gz)
  (cd "$d" && sha256sum --quiet -c SHA256SUMS)
  readelf -l "$d/rtctoken" | grep -q INTERP && { echo "$d/rtctoken is not static" >&2; exit 1; }
  run=(); [[ $t == *aarch64* ]] && run=(qemu-aarch64)
  token=$(bare "${run[@]}" "$d/rtctoken" rtc --demo --channel demo --uid 42 2>/dev/null)
  bare "${run[@]}" "$d/rtctoken" inspect --json "$token" | grep -q '"channel_name": *"demo"'
  [ ! -e "$d/rtctoken-server" ] || bare "${run[@]}" "$d/rtctoken-server" --help >/dev/null
  echo "$(basename "$t"): ${token:0:20}… inspected"
done

printf '\ntest-dist: every artifact installed and ran without a Rust toolchain\n'
