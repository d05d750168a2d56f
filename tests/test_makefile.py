"""`make serve` on a fresh clone installs what serving needs and no test tools."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def dry_run(target: str) -> str:
    if not shutil.which("make"):
        pytest.skip("make is not installed")
    # -B: as on a fresh clone, where no stamp exists yet; -n: print the commands, run none
    out = subprocess.run(
        ["make", "-n", "-B", target], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return out.stdout


def test_serve_installs_only_the_serving_set():
    commands = dry_run("serve")
    installs = [line for line in commands.splitlines() if "pip install" in line]
    assert installs and all("[dev" not in line for line in installs), installs
    assert any("[serve]" in line for line in installs)


def test_test_installs_the_development_set():
    assert "[dev]" in dry_run("test")
