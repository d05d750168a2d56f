"""The interface in English, Azerbaijani and Russian: chosen from Accept-Language or the visible
switch (kept in a cookie), dates and numbers written the language's way, and no English message
left on an Azerbaijani or Russian page."""

from __future__ import annotations

import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from playwright.sync_api import expect

from webapp.i18n import LANGUAGES

TRANSLATIONS = Path(__file__).resolve().parents[2] / "webapp" / "translations"
PAGES = {
    "home": "/",
    "results": "/?q=Khojaly&per_page=4",
    "filtered": "/?q=Hojaly&publisher=Caucasus+Herald&language=en&year_from=1992&year_to=2012",
    "no-results": "/?q=nosuchwordanywhere",
    "no-results-filtered": "/?q=nosuchwordanywhere&publisher=Baku+Review",
    "year-mistake": "/?q=Khojaly&year_from=2030&year_to=2010",
    "simplified-query": "/?q=%22unclosed+AND+OR+(",
    "did-you-mean": "/?q=genocde",
    "document": "/doc/ui-01?q=Khojaly&back=%3Fq%3DKhojaly",
    "document-no-match": "/doc/ui-08?q=Hojaly",
    "not-found": "/doc/no-such-doc",
    "api-docs": "/api/docs",
}
WORD = re.compile(r"[^\W\d_]{3,}")
LATIN = re.compile(r"[A-Za-z]")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
ATTRIBUTES = ("aria-label", "title", "placeholder", "alt", "data-status")


@cache
def catalog(lang: str):
    with open(TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po", "rb") as f:
        return read_po(f, locale=lang)


def _texts(message) -> list[str]:
    values = message if isinstance(message, tuple | list) else (message,)
    return [v for v in values if v]


@cache
def english_vocabulary(lang: str) -> frozenset[str]:
    """Words of our English messages that the language's own translations do not also use
    (JSON, OpenAPI and the like stay as they are in every language)."""
    english, translated = set(), set()
    for message in catalog(lang):
        if not message.id:
            continue
        for text in _texts(message.id):
            english |= {w.casefold() for w in WORD.findall(re.sub(r"%\(\w+\)s", " ", text))}
        for text in _texts(message.string):
            translated |= {w.casefold() for w in WORD.findall(re.sub(r"%\(\w+\)s", " ", text))}
    return frozenset(english - translated)


class InterfaceText(HTMLParser):
    """The page's own words: visible text and accessible names, less document content
    (marked translate="no"), scripts, and parts in another language (lang="…")."""

    def __init__(self, page_lang: str):
        super().__init__()
        self.page_lang = page_lang
        self.stack: list[bool] = []  # per open element: is it skipped?
        self.interface: list[str] = []
        self.content: list[str] = []

    def _skipped(self) -> bool:
        return any(self.stack)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        skip = (
            attrs.get("translate") == "no"
            or tag in ("script", "style", "title")
            or (attrs.get("lang") not in (None, self.page_lang))
        )
        if not (skip or self._skipped()):
            self.interface += [attrs[a] for a in ATTRIBUTES if attrs.get(a)]
        if tag not in VOID:
            self.stack.append(skip)

    def handle_endtag(self, tag):
        if tag not in VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        (self.content if self._skipped() else self.interface).append(data)


def english_left(html: str, lang: str) -> list[str]:
    parser = InterfaceText(lang)
    parser.feed(html)
    text = " ".join(parser.interface)
    content_words = {w.casefold() for w in WORD.findall(" ".join(parser.content))}
    vocabulary = english_vocabulary(lang)
    found = [w for w in WORD.findall(text) if w.casefold() in vocabulary - content_words]
    if lang == "ru":  # any Latin word the Russian messages do not use themselves
        allowed = {w.casefold() for m in catalog(lang) for t in _texts(m.string)
                   for w in WORD.findall(t)} | content_words  # fmt: skip
        found += [w for w in WORD.findall(text) if LATIN.match(w) and w.casefold() not in allowed]
    return sorted(set(found))


@pytest.mark.parametrize("lang", ["az", "ru"])
@pytest.mark.parametrize("name", PAGES)
def test_no_english_is_left_on_the_page(ui_client, name, lang):
    resp = ui_client.get(PAGES[name], headers={"Accept-Language": lang})
    html = resp.get_data(as_text=True)
    assert f'<html lang="{lang}">' in html
    assert english_left(html, lang) == []


def test_the_check_catches_an_english_message():
    html = '<html lang="ru"><body><p>Поиск</p><button>Apply filters</button></body></html>'
    assert english_left(html, "ru") == ["Apply", "filters"]
    html = '<html lang="az"><body><p aria-label="Sort by">Axtar</p></body></html>'
    assert english_left(html, "az") == ["Sort"]


@pytest.mark.parametrize("lang", ["az", "ru"])
def test_every_message_is_translated(lang):
    untranslated = [m.id for m in catalog(lang) if m.id and not all(_texts(m.string))]
    assert untranslated == []


@pytest.mark.parametrize(
    ("accept", "lang", "heading"),
    [
        ("ru-RU,ru;q=0.9,en;q=0.5", "ru", "результат"),
        ("az,en;q=0.5", "az", "nəticə"),
        ("de-DE,fr;q=0.8", "en", "results for"),
        ("", "en", "results for"),
    ],
)
def test_language_follows_accept_language(ui_client, accept, lang, heading):
    resp = ui_client.get("/?q=Khojaly", headers={"Accept-Language": accept})
    html = resp.get_data(as_text=True)
    assert f'<html lang="{lang}">' in html
    assert heading in html
    assert "Accept-Language" in resp.headers["Vary"]


def test_the_switch_is_kept_in_a_cookie(ui_app):
    client = ui_app.test_client()
    html = client.get("/?q=Khojaly").get_data(as_text=True)
    switch = re.search(r'<nav class="language-switch".*?</nav>', html, re.S).group()
    assert [name for name in LANGUAGES.values() if name in switch] == list(LANGUAGES.values())
    assert 'href="/?q=Khojaly&amp;lang=ru"' in switch

    resp = client.get("/?q=Khojaly&lang=ru", headers={"Accept-Language": "en"})
    assert "lang=ru" in resp.headers["Set-Cookie"]
    html = client.get("/doc/ui-01", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="ru">' in html and "Издатель" in html


@pytest.mark.parametrize(
    ("lang", "date", "count"),
    [("en", "26 February 1993", "1,234"), ("az", "26 fevral 1993", "1.234"),
     ("ru", "26 февраля 1993", "1\xa0234")],
)  # fmt: skip
def test_dates_and_numbers_are_written_the_languages_way(ui_app, lang, date, count):
    html = ui_app.test_client().get(f"/doc/ui-02?lang={lang}").get_data(as_text=True)
    published = re.search(r'<time datetime="1993-02-26">([^<]+)</time>', html).group(1)
    assert published.startswith(date) or published == "February 26, 1993" and lang == "en"
    with ui_app.test_request_context(f"/?lang={lang}"):
        assert ui_app.jinja_env.filters["number"](1234) == count


@pytest.mark.browser
def test_switching_language_in_the_browser_keeps_it_for_live_searches(page):
    page.goto(page.base + "/?q=Khojaly")
    page.get_by_role("link", name="Русский").click()
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.locator("#results-heading")).to_contain_text("результатов по запросу")
    page.locator("#q").fill("Xocalı")
    page.locator("#q").press("Enter")
    expect(page.locator("#results-heading")).to_contain_text("по запросу Xocalı")
    expect(page.get_by_role("link", name="К результатам")).to_have_count(1)
