#!/usr/bin/env bash
# A musl-linked CPython in target/musl-python, test-dist's stand-in for
# `python:alpine`: no musl CPython is on PyPI or in Debian, and no container
# engine runs here. It builds Debian's own source packages of the host's
# CPython and of zlib (which pip needs to unpack wheels) with musl-gcc.
# Once: a second run finds the interpreter and does nothing. The sources come
# through apt-get with deb-src lines derived from the machine's own apt
# sources, in a private list folder (the system's apt state is untouched).
# Prints the interpreter's path.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
PREFIX=$ROOT/target/musl-python
SRC=$ROOT/target/musl-python-src
if [ -x "$PREFIX/bin/python3" ]; then echo "$PREFIX/bin/python3"; exit 0; fi

rm -rf "$SRC"; mkdir -p "$SRC/lists/partial" "$SRC/cache/archives/partial" "$SRC/sources.list.d"
for f in /etc/apt/sources.list.d/*.sources; do
  if [ -e "$f" ]; then sed 's/^Types: deb$/Types: deb-src/' "$f" > "$SRC/sources.list.d/$(basename "$f")"; fi
done
if [ -e /etc/apt/sources.list ]; then sed -n 's/^deb /deb-src /p' /etc/apt/sources.list > "$SRC/sources.list"; fi
apt=(apt-get -q -o Dir::Etc::SourceList="$SRC/sources.list" -o Dir::Etc::SourceParts="$SRC/sources.list.d"
  -o Dir::State::Lists="$SRC/lists" -o Dir::Cache="$SRC/cache")
# The source package of the host's newest CPython: python3.11 on Debian 12.
py=$(cd /usr/lib && ls -d python3.[0-9]* | sort -V | tail -1)
"${apt[@]}" update >/dev/null
# Only the upstream tarballs are used, so a Debian patch file that one mirror
# lacks (security updates) does not matter: the tarballs must be there.
(cd "$SRC" && "${apt[@]}" source --download-only "$py" zlib >"$SRC/apt.log" 2>&1) || true
(cd "$SRC" && for t in "${py}"_*.orig.tar.* zlib_*.orig.tar.*; do tar -xf "$t"; done) ||
  { echo "musl-python: no $py or zlib source tarball from apt-get source:" >&2; tail "$SRC/apt.log" >&2; exit 1; }

log=$SRC/build.log
# -fPIC: the zlib module is a shared object that links libz.a in.
(cd "$SRC"/zlib-* && CC=musl-gcc CFLAGS="-O2 -fPIC" ./configure --static --prefix="$SRC/zlib" &&
  make -j2 && make install) >"$log" 2>&1 || { tail -30 "$log" >&2; exit 1; }
# CPython's build asks the compiler and dpkg-architecture for the multiarch
# folders to search; their glibc answer (x86_64-linux-gnu) would put glibc's
# headers before musl's. These two stand-ins answer for musl, or not at all.
mkdir -p "$SRC/bin"
cat > "$SRC/bin/musl-cc" <<'EOF'
#!/bin/sh
case $1 in -print-multiarch | --print-multiarch) echo x86_64-linux-musl; exit 0 ;; esac
exec musl-gcc "$@"
EOF
printf '#!/bin/sh\nexit 1\n' > "$SRC/bin/dpkg-architecture"
chmod +x "$SRC/bin/musl-cc" "$SRC/bin/dpkg-architecture"
(cd "$SRC"/Python-* && export PATH="$SRC/bin:$PATH" &&
  ./configure CC=musl-cc --prefix="$PREFIX" --without-ensurepip \
    ZLIB_CFLAGS="-I$SRC/zlib/include" ZLIB_LIBS="-L$SRC/zlib/lib -lz" &&
  make -j2 && make install) >>"$log" 2>&1 || { tail -30 "$log" >&2; exit 1; }
echo "$PREFIX/bin/python3"
