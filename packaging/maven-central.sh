#!/usr/bin/env bash
# Uploads dist/java/ to Maven Central as one Central Portal bundle: the pom,
# jar, sources and javadoc jars under io/rtctoken/rtctoken/<version>/, each
# with its GPG signature and md5/sha1 sums, as the Portal requires.
#   GPG_KEY        the armoured private signing key
#   CENTRAL_TOKEN  base64 of "<token user>:<token password>" (Portal user token)
set -euo pipefail
version=$1
root=$(cd "$(dirname "$0")/.." && pwd)
bundle=$(mktemp -d)
dir=$bundle/io/rtctoken/rtctoken/$version
mkdir -p "$dir"
cp "$root"/dist/java/rtctoken-"$version"{.jar,-sources.jar,-javadoc.jar,.pom} "$dir/"
export GNUPGHOME=$bundle/.gnupg
mkdir -m 700 "$GNUPGHOME"
gpg --batch --import <<<"$GPG_KEY"
for f in "$dir"/*; do
  gpg --batch --armor --detach-sign "$f"
  md5sum "$f" | cut -d' ' -f1 > "$f.md5"
  sha1sum "$f" | cut -d' ' -f1 > "$f.sha1"
done
(cd "$bundle" && zip -qr bundle.zip io)
curl --fail-with-body -sS -X POST -H "Authorization: Bearer $CENTRAL_TOKEN" \
  -F "bundle=@$bundle/bundle.zip" \
  "https://central.sonatype.com/api/v1/publisher/upload?name=rtctoken-$version&publishingType=AUTOMATIC"
