"""An Atom feed for any search (`/feed.atom?q=…` with the page's filters), newest first, so a
feed reader shows new documents that match. Written by feedgen."""

from __future__ import annotations

import datetime
import re
from dataclasses import replace
from html import unescape
from urllib.parse import urlencode

from feedgen.feed import FeedGenerator
from flask import Blueprint, Response, request, url_for
from flask_babel import gettext as _

from indexer.params import ParamError, parse_params, to_params
from indexer.results import QueryError
from webapp import engine, i18n

bp = Blueprint("feeds", __name__)

FEED_SIZE = 50  # the newest matches; a reader polls often enough not to miss any
_TAG = re.compile(r"<[^>]+>")


def _moment(value: str | None) -> datetime.datetime | None:
    """A document's date as a UTC instant (midnight of the most precise day given)."""
    if not value:
        return None
    try:
        parts = [int(p) for p in value.split("-")] + [1, 1]
        return datetime.datetime(parts[0], parts[1], parts[2], tzinfo=datetime.UTC)
    except ValueError:
        return None


@bp.get("/feed.atom")
def search_feed():
    try:
        req = parse_params(request.args.items(multi=True))
        req = replace(req, sort="date", page=1, per_page=FEED_SIZE)
        search_engine = engine()
        result = search_engine.search(req)
    except (ParamError, QueryError) as exc:
        return Response(f"{exc}\n", status=400, mimetype="text/plain")

    params = [(k, v) for k, v in to_params(req, page=False) if k not in ("sort", "per_page")]
    page_url = request.host_url.rstrip("/") + "/" + ("?" + urlencode(params) if params else "")
    self_url = url_for("feeds.search_feed", _external=True) + (
        "?" + urlencode(params) if params else ""
    )
    built = _moment((search_engine.stats().built_at or "")[:10]) or datetime.datetime.now(
        datetime.UTC
    )

    feed = FeedGenerator()
    feed.id(self_url)
    site = _("Khojaly Archive Search")
    feed.title(f"{req.q} – {site}" if req.q else site)
    feed.subtitle(_("New documents that match this search, newest first."))
    feed.author({"name": site})
    feed.link(href=page_url, rel="alternate", type="text/html")
    feed.link(href=self_url, rel="self", type="application/atom+xml")
    feed.language(i18n.current())
    latest = None
    for hit in result.hits:
        permalink = url_for("ui.document", doc_id=hit.id, _external=True)
        when = _moment(hit.published) or built
        latest = max(latest, when) if latest else when
        entry = feed.add_entry(order="append")
        entry.id(permalink)
        entry.title(hit.title)
        entry.link(href=permalink, rel="alternate", type="text/html")
        entry.author({"name": hit.publisher})
        entry.updated(when)
        if _moment(hit.published):
            entry.published(when)
        if hit.snippets:  # snippets are escaped text with <mark>; the feed carries plain text
            entry.summary(" … ".join(unescape(_TAG.sub("", s)) for s in hit.snippets[:2]))
        for code in hit.languages:
            entry.category(term=code)
    feed.updated(latest or built)
    return Response(feed.atom_str(pretty=True), mimetype="application/atom+xml")
