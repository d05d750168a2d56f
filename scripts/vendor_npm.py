"""Copy the few npm-registry files the project ships into the tree, pinned and verified.

    python scripts/vendor_npm.py

- swagger-ui-dist: the API reference at /api/docs, served from our own static folder so the
  app works offline and under its Content-Security-Policy (no CDN).
- axe-core: injected by the browser tests to check every page for accessibility violations.

Each package is fetched with `npm pack` at the pinned version, its tarball checked against the
pinned integrity hash, and the listed files copied beside a SOURCE.txt naming where they came
from. To upgrade, change the version and hash here (`npm view PACKAGE@VERSION dist.integrity`)
and run the script again.
"""

from __future__ import annotations

import base64
import hashlib
import json
import subprocess
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PACKAGES = [
    {
        "name": "swagger-ui-dist",
        "version": "5.35.0",
        "integrity": "sha512-U06rpMtW9V3XPGOBeamTUSr0Z09jMX4IJuANpE/EZbAhw0G8CgwrzU4YmXkn/h0wCDNsXdGarTNNHC3sU8yVUQ==",  # noqa: E501
        "files": ["swagger-ui-bundle.js", "swagger-ui.css", "LICENSE"],
        "dest": "webapp/static/vendor/swagger-ui",
    },
    {
        "name": "axe-core",
        "version": "4.14.1",
        "integrity": "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==",  # noqa: E501
        "files": ["axe.min.js", "LICENSE"],
        "dest": "tests/browser/vendor/axe-core",
    },
]


def integrity(path: Path) -> str:
    return "sha512-" + base64.b64encode(hashlib.sha512(path.read_bytes()).digest()).decode()


def vendor(package: dict, workdir: Path) -> None:
    spec = f"{package['name']}@{package['version']}"
    out = subprocess.run(
        ["npm", "pack", spec, "--json", "--pack-destination", str(workdir)],
        capture_output=True,
        text=True,
        check=True,
    )
    tarball = workdir / json.loads(out.stdout)[0]["filename"]
    if integrity(tarball) != package["integrity"]:
        raise SystemExit(f"{spec}: the tarball does not match the pinned integrity hash")
    dest = ROOT / package["dest"]
    dest.mkdir(parents=True, exist_ok=True)
    with tarfile.open(tarball) as tar:
        for name in package["files"]:
            member = tar.extractfile(f"package/{name}")
            (dest / name).write_bytes(member.read())
    (dest / "SOURCE.txt").write_text(
        f"{spec} from the npm registry, integrity {package['integrity']}.\n"
        f"Files: {', '.join(package['files'])}. Written by scripts/vendor_npm.py; do not edit.\n",
        encoding="utf-8",
    )
    print(f"{spec} -> {package['dest']}")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        for package in PACKAGES:
            vendor(package, Path(tmp))


if __name__ == "__main__":
    main()
