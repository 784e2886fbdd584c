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

# elf_ok <label> <file> <x86_64|aarch64> <gnu|musl|static>: the machine, and
# which C library it needs (glibc's libc.so.6; musl's libc.so, with no glibc
# symbol version; or none and no loader at all).
elf_ok() {
  local label=$1 elf=$2 arch=$3 libc=$4 want needed
  want="x86-64"; [ "$arch" = aarch64 ] && want="ARM aarch64"
  file -b "$elf" | grep -q "ELF.*$want" || { echo "$label: $(basename "$elf") is not $want: $(file -b "$elf")" >&2; return 1; }
  needed=$(readelf -d "$elf" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | tr '\n' ' ')
  case $libc in
    gnu) [[ " $needed" == *" libc.so.6 "* ]] ;;
    musl) [[ " $needed" =~ \ libc\.(so|musl-[a-z0-9_]+\.so\.1)\  && " $needed" != *libc.so.6* ]] && ! readelf -V "$elf" | grep -q GLIBC_ ;;
    static) [ -z "$needed" ] && ! readelf -l "$elf" | grep -q INTERP ;;
  esac || { echo "$label: $(basename "$elf") is not $libc-linked (needs: ${needed:-nothing})" >&2; return 1; }
  echo "$label: $(basename "$elf") $arch $libc${needed:+ (needs $needed)}"
}

step "every artifact's ELF files: machine and C library as named"
for f in $(cd "$DIST" && ls c/*.tar.gz bin/*.tar.gz python/*.whl npm/*.tgz java/rtctoken-"$VERSION".jar 2>/dev/null); do
  x=$W/arch/$f; mkdir -p "$x"
  case $f in *.whl | *.jar) (cd "$x" && python3 -m zipfile -e "$DIST/$f" .) ;; *) tar -xzf "$DIST/$f" -C "$x" ;; esac
  for elf in $(find "$x" -type f \( -name '*.so*' -o -name '*.node' -o -name rtctoken -o -name rtctoken-server \) | sort); do
    # The jar names each library's platform by its folder, the rest by file name.
    [[ $f == *.jar ]] && name=${elf#"$x"/META-INF/native/} || name=$f
    arch=x86_64; [[ $name == *aarch64* || $name == *arm64* ]] && arch=aarch64
    libc=gnu; [[ $name == *musl* ]] && libc=musl; [[ $f == bin/* ]] && libc=static
    elf_ok "$f" "$elf" "$arch" "$libc"
  done
done

# The jar's native folders and the npm platform packages are built for the
# same targets: a folder more (left from an earlier run) or fewer would ship
# a jar other than the one built.
want=$(cd "$DIST/npm" && ls rtctoken-linux-*.tgz | sed -e 's/^rtctoken-//' -e "s/-$VERSION.tgz\$//" \
  -e 's/x64/x86_64/' -e 's/arm64/aarch64/' -e 's/-gnu$//' | sort | tr '\n' ' ')
have=$(cd "$W/arch/java/rtctoken-$VERSION.jar/META-INF/native" && ls -d linux-* | sort | tr '\n' ' ')
[ "$want" = "$have" ] || { echo "the jar's linux folders ($have) are not dist/npm's platforms ($want)" >&2; exit 1; }
echo "java/rtctoken-$VERSION.jar: native folders $have= dist/npm's linux platforms"

step "auditwheel confirms each wheel's platform tag"
for w in "$DIST"/python/*.whl; do
  tag=$(basename "$w" .whl); tag=${tag##*-}; tag=${tag##*.}   # manylinux_2_17_x86_64, musllinux_1_2_aarch64
  shown=$(auditwheel show "$w" 2>/dev/null | tr -s ' \n' ' ')
  [[ $shown == *"platform tag: \"$tag\""* ]] || { echo "$(basename "$w"): auditwheel does not confirm $tag: $shown" >&2; exit 1; }
  echo "$(basename "$w"): $tag"
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

step "python: fresh venvs install each x86_64 wheel; README example and vectors"
mkdir -p "$W/bindings-python"
cp -r bindings-python/tests bindings-python/README.md "$W/bindings-python/"
bare /usr/bin/python3 -m venv "$W/py"
bare "$W/py/bin/pip" install -q pytest
# pip picks among the wheels by itself: the host CPython (>= 3.10) takes the
# cp310-abi3 one; the cp38-abi3 one then runs the same tests in a venv of its own.
bare "$W/py/bin/pip" install -q --no-index --find-links "$DIST/python" rtctoken
grep -h '^Tag: cp310-abi3-manylinux_2_17_x86_64$' "$W"/py/lib/python3*/site-packages/rtctoken-*.dist-info/WHEEL
(cd "$W/bindings-python" && bare "$W/py/bin/python" -m pytest -q -p no:cacheprovider tests/test_vectors.py tests/test_readme.py)
bare /usr/bin/python3 -m venv "$W/py38"
bare "$W/py38/bin/pip" install -q pytest "$(ls "$DIST"/python/*cp38-abi3-manylinux*x86_64*.whl)"
(cd "$W/bindings-python" && bare "$W/py38/bin/python" -m pytest -q -p no:cacheprovider tests/test_vectors.py tests/test_readme.py)

# After a full `make dist`, Alpine's case: pip on a musl-linked CPython
# (packaging/musl-python.sh builds one, once) picks the musllinux wheel out
# of dist/python by itself, offline, and the same tests run on it.
# MUSL_PYTHON=0 skips it (the release workflow: Debian source packages only).
if [ "${MUSL_PYTHON:-1}" != 0 ] && ls "$DIST"/python/*musllinux*x86_64*.whl >/dev/null 2>&1; then
  step "python (musl): a musl CPython's pip picks the musllinux wheel; README example and vectors"
  musl_py=$(packaging/musl-python.sh)
  readelf -l "$musl_py" | grep -q 'ld-musl-x86_64'
  bare "$W/py/bin/pip" download -q --only-binary :all: -d "$W/musl-wheels" pytest
  bare "$musl_py" -m venv "$W/musl-py"
  bare "$W/musl-py/bin/pip" install -q --no-index --only-binary :all: \
    --find-links "$W/musl-wheels" --find-links "$DIST/python" rtctoken pytest
  grep -h '^Tag: cp310-abi3-musllinux_1_2_x86_64$' "$W"/musl-py/lib/python3*/site-packages/rtctoken-*.dist-info/WHEEL
  (cd "$W/bindings-python" && bare "$W/musl-py/bin/python" -m pytest -q -p no:cacheprovider tests/test_vectors.py tests/test_readme.py)
fi

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
jni=$W/arch/java/rtctoken-$VERSION.jar/META-INF/native/linux-x86_64-musl/librtctoken_jni.so
if [ -f "$jni" ]; then
  step "Java (x86_64 musl): the jar's musl JNI library loads on ld-musl"
  bare musl-gcc -o "$W/c/dlopen-musl" "$ROOT/packaging/test-dist/dlopen.c"
  bare "$W/c/dlopen-musl" "$jni"
fi

# The aarch64 musl tarball: no aarch64 musl loader here, so example.c links
# the static library with zig cc (zig's unwinder stands in for the libgcc
# that gcc would add on Alpine) and runs under qemu-aarch64.
tarball=$DIST/c/rtctoken-$VERSION-aarch64-unknown-linux-musl.tar.gz
if [ -f "$tarball" ]; then
  step "C (aarch64 musl): example.c linked static against librtctoken.a, run under qemu-aarch64"
  tar -xzf "$tarball" -C "$W/c"
  prefix=$W/c/rtctoken-$VERSION-aarch64-unknown-linux-musl
  zig=$("$TOOLS_VENV/bin/python" -c 'import ziglang, os; print(os.path.dirname(ziglang.__file__))')/zig
  bare env PKG_CONFIG_PATH="$prefix/lib/pkgconfig" ZIG_GLOBAL_CACHE_DIR="$HOME/.cache/zig" sh -c \
    "'$zig' cc -target aarch64-linux-musl -static -o '$W/c/example-aarch64-musl' \
      '$W/bindings-c/examples/example.c' \$(pkg-config --cflags --static --libs rtctoken) -lunwind"
  elf_ok "$(basename "$tarball")" "$W/c/example-aarch64-musl" aarch64 static
  bare qemu-aarch64 "$W/c/example-aarch64-musl"
fi

# serve_once <runner…> <server>: the server in --demo mode on a free loopback
# port answers one token route; stopped by its pid. The wait for its address
# is bounded (30 s: qemu starts it slowly), and asserts nothing about time.
serve_once() {
  local log=$W/server.log pid addr="" body
  bare env LISTEN_ADDR=127.0.0.1:0 "$@" --demo >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 300); do
    addr=$(sed -n 's#.*curl http://\([^/]*\)/.*#\1#p' "$log")
    [ -n "$addr" ] || ! kill -0 "$pid" 2>/dev/null && break
    sleep 0.1
  done
  body=$(curl -sf "http://$addr/rtc/demo/publisher/uid/42/" || true)
  kill "$pid" 2>/dev/null || true
  wait "$pid" || true
  [[ $body == *'"rtcToken":"007'* ]] || { echo "$*: no token served (${addr:-no address}): $(cat "$log")" >&2; return 1; }
  sed -n 's/.*"rtcToken":"\([^"]*\)".*/\1/p' <<<"$body"
}

step "CLI and server (static musl): the demo token, its inspection, one served request"
for t in "$DIST"/bin/*.tar.gz; do
  tar -xzf "$t" -C "$W"
  d=$W/$(basename "$t" .tar.gz)
  (cd "$d" && sha256sum --quiet -c SHA256SUMS)
  run=(); [[ $t == *aarch64* ]] && run=(qemu-aarch64)
  token=$(bare "${run[@]}" "$d/rtctoken" rtc --demo --channel demo --uid 42 2>/dev/null)
  bare "${run[@]}" "$d/rtctoken" inspect --json "$token" | grep -q '"channel_name": *"demo"'
  echo "$(basename "$t"): rtctoken ${token:0:20}… inspected"
  if [ -e "$d/rtctoken-server" ]; then
    bare "${run[@]}" "$d/rtctoken-server" --help | grep -q -- --demo
    served=$(serve_once "${run[@]}" "$d/rtctoken-server")
    bare "${run[@]}" "$d/rtctoken" inspect --json "$served" | grep -q '"channel_name": *"demo"'
    echo "$(basename "$t"): rtctoken-server served ${served:0:20}…, inspected"
  fi
done

printf '\ntest-dist: every artifact installed and ran without a Rust toolchain\n'
