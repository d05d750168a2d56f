"""Publisher names through the alias table in `data/publishers.toml`, so one outlet is one
facet value whether a page names it by site name, host or another spelling."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

TABLE = Path(__file__).parent / "data" / "publishers.toml"


def _key(name: str) -> str:
    key = " ".join(name.split()).casefold()
    return key.removeprefix("www.")


@lru_cache(maxsize=1)
def aliases() -> dict[str, str]:
    """Alias key -> the outlet's name (each name is an alias of itself)."""
    data = tomllib.loads(TABLE.read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    for name, names in data.get("publishers", {}).items():
        for alias in (name, *names):
            out[_key(alias)] = name
    return out


def canonical(name: str | None) -> str | None:
    """The outlet's name for `name` (a site name, host or spelling); other names unchanged."""
    if not name or not name.strip():
        return None
    name = " ".join(name.split())
    return aliases().get(_key(name), name)


def host_of(url: str | None) -> str | None:
    """The host of an http(s) URL without "www.", or None."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return parts.hostname.lower().removeprefix("www.")
