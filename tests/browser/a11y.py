"""axe-core (vendored from the npm registry by scripts/vendor_npm.py), injected into a page."""

from __future__ import annotations

from pathlib import Path

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"


def violations(page) -> list[str]:
    """One line per axe-core violation on the page as it is now ([] when there are none).

    The page's Content-Security-Policy forbids injected scripts: the browser context that
    runs this must be created with bypass_csp=True."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    found = page.evaluate("async () => (await axe.run(document)).violations")
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])}x, e.g. {v['nodes'][0]['target']})"
        for v in found
    ]
