"""The interface language: English, Azerbaijani or Russian, with Flask-Babel.

Chosen by `?lang=` (the visible switch; remembered in a cookie), then the cookie, then the
browser's Accept-Language. Message catalogs live in `webapp/translations/`; the JSON API stays
in English, as machines read it.
"""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Flask, Response, request
from flask_babel import Babel, format_decimal, get_locale

from indexer.params import PARAMS

LANGUAGES = {"en": "English", "az": "Azərbaycanca", "ru": "Русский"}
DEFAULT = "en"
COOKIE = "lang"
COOKIE_MAX_AGE = 365 * 24 * 3600


def select_locale() -> str:
    for choice in (request.args.get("lang"), request.cookies.get(COOKIE)):
        if choice in LANGUAGES:
            return choice
    return request.accept_languages.best_match(LANGUAGES) or DEFAULT


def current() -> str:
    return str(get_locale() or DEFAULT)


def _kept(name: str, value: str) -> bool:
    """Parameters a switch link carries over: the search, and a "back" search (always "?…")."""
    return name in PARAMS or (name == "back" and value.startswith("?"))


def switch_links() -> list[dict]:
    """This page in each language: the current URL with `lang` set."""
    args = [(k, v) for k, v in request.args.items(multi=True) if _kept(k, v)]
    links = []
    for code, name in LANGUAGES.items():
        links.append(
            {"code": code, "name": name, "current": code == current(),
             "url": request.path + "?" + urlencode([*args, ("lang", code)])}
        )  # fmt: skip
    return links


def _remember(response: Response) -> Response:
    """A language picked with the switch is kept for later pages; pages vary by language."""
    choice = request.args.get("lang")
    if choice in LANGUAGES and request.cookies.get(COOKIE) != choice:
        response.set_cookie(COOKIE, choice, max_age=COOKIE_MAX_AGE, samesite="Lax")
    if response.mimetype == "text/html":
        response.vary.update(("Accept-Language", "Cookie"))
    return response


def init_app(app: Flask) -> None:
    Babel(app, locale_selector=select_locale)
    app.after_request(_remember)
    app.jinja_env.globals.update(language_links=switch_links, current_language=current)
    app.jinja_env.filters["number"] = format_decimal  # 1,234 · 1 234 · 1.234 by language
