#!/usr/bin/env python3
"""`make version-check`: every manifest that carries a version carries the
workspace's (Cargo.toml [workspace.package] version). Exits 1 naming each
file that disagrees."""
import json
import pathlib
import re
import subprocess
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main() -> int:
    workspace = tomllib.loads((ROOT / "Cargo.toml").read_text())["workspace"]
    version = workspace["package"]["version"]
    found: list[tuple[str, str]] = []

    # Every member crate inherits the workspace version (fuzz/ is no member).
    for manifest in (ROOT / member / "Cargo.toml" for member in workspace["members"]):
        package = tomllib.loads(manifest.read_text()).get("package", {})
        v = package.get("version")
        if v is not None:
            found.append((f"{manifest.relative_to(ROOT)} package.version",
                          version if v == {"workspace": True} else str(v)))

    # maturin takes the wheel's version from Cargo.toml unless pyproject sets one.
    project = tomllib.loads((ROOT / "bindings-python/pyproject.toml").read_text())["project"]
    if "version" in project.get("dynamic", []):
        found.append(("bindings-python/pyproject.toml (dynamic, from Cargo)", version))
    else:
        found.append(("bindings-python/pyproject.toml project.version", project.get("version", "")))

    node = ROOT / "bindings-node"
    main_pkg = json.loads((node / "package.json").read_text())
    found.append(("bindings-node/package.json version", main_pkg["version"]))
    for name, v in main_pkg.get("optionalDependencies", {}).items():
        found.append((f"bindings-node/package.json optionalDependencies {name}", v))
    lock = json.loads((node / "package-lock.json").read_text())
    found.append(("bindings-node/package-lock.json version", lock["version"]))
    platforms = sorted(node.glob("npm/*/package.json"))
    for p in platforms:
        pkg = json.loads(p.read_text())
        found.append((f"{p.relative_to(ROOT)} version", pkg["version"]))
        if pkg["name"] not in main_pkg.get("optionalDependencies", {}):
            print(f"{p.relative_to(ROOT)}: {pkg['name']} is missing from optionalDependencies")
            return 1

    pom = (ROOT / "bindings-java/pom.xml").read_text()
    m = re.search(r"<artifactId>rtctoken</artifactId>\s*<version>([^<]+)</version>", pom)
    found.append(("bindings-java/pom.xml version", m.group(1) if m else ""))

    cmake = (ROOT / "bindings-c/CMakeLists.txt").read_text()
    m = re.search(r"project\(rtctoken VERSION (\S+)", cmake)
    found.append(("bindings-c/CMakeLists.txt project VERSION", m.group(1) if m else ""))

    api = json.loads((ROOT / "server/openapi.json").read_text())
    found.append(("server/openapi.json info.version", api["info"]["version"]))

    # The Go module's version is its tag, bindings-go/v<version>; a commit
    # tagged for release must carry the same version everywhere.
    tags = subprocess.run(["git", "tag", "--points-at", "HEAD"], cwd=ROOT,
                          capture_output=True, text=True, check=False).stdout.split()
    for tag in tags:
        m = re.fullmatch(r"(?:bindings-go/)?v(\d+\.\d+\.\d+\S*)", tag)
        if m:
            found.append((f"git tag {tag}", m.group(1)))

    wrong = [(where, v) for where, v in found if v != version]
    for where, v in wrong:
        print(f"{where}: {v!r}, but the workspace version is {version!r}")
    if not wrong:
        print(f"version {version}: {len(found)} manifests agree")
    return 1 if wrong else 0


if __name__ == "__main__":
    sys.exit(main())
