"""The browser search page and document pages.

Both read the same parameters as the API (`indexer.params`) and make one search-core call.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import replace
from urllib.parse import parse_qsl, urlencode

from flask import (
    Blueprint,
    Response,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from indexer.params import (
    DEFAULT_PER_PAGE,
    PARAMS,
    ParamError,
    parse_params,
    query_string,
    to_params,
)
from indexer.results import QueryError, SearchRequest
from webapp import cite, engine, i18n, neighbours, presenters
from webapp.examples import examples
from webapp.paging import text_page

bp = Blueprint("ui", __name__)

YEAR_PARAMS = ("year_from", "year_to")


bp.add_app_template_filter(presenters.language_name, "language_name")
bp.add_app_template_filter(presenters.human_date, "human_date")
bp.add_app_template_filter(presenters.safe_snippet, "safe_snippet")
bp.add_app_template_filter(presenters.link_url, "link_url")
bp.add_app_template_filter(presenters.format_name, "format_name")


@bp.get("/")
def search():
    """The search page; errors in the query or the parameters are shown, not raised."""
    error = tip = year_error = None
    args = request.args.copy()
    # A stray control character in a typed or pasted query is dropped, never echoed back.
    args.setlist("q", [without_control_characters(q) for q in args.getlist("q")])
    try:
        req = parse_params(args.items(multi=True))
    except ParamError as exc:
        req = None
        if exc.param in YEAR_PARAMS:
            # The sidebar's year fields: say so beside them and search without the range.
            year_error = presenters.year_message(args.get("year_from"), args.get("year_to"))
            for name in YEAR_PARAMS:
                args.pop(name, None)
            try:
                req = parse_params(args.items(multi=True))
            except ParamError as again:
                exc = again
        if req is None:
            req = SearchRequest(q=(args.get("q") or "")[:1000])
            error = presenters.param_message(exc.param, exc.detail)
            tip = _("Correct it in the address bar, or start a new search.")
    if error is None and year_error is None and _noisy(request.args, req):
        return redirect(_canonical_url(req, request.args))
    result = None
    if error is None:
        try:
            result = engine().search(req)
        except QueryError as exc:
            error = str(exc)  # the core words it for the user, with what to try instead
        else:
            req = result.request  # filter values as the index spells them
    context = {
        "req": req,
        "result": result,
        "error": error,
        "error_tip": tip,
        "examples": examples(current_app),
        "year_error": year_error,
        "typed_years": {name: request.args.get(name, "")[:20] for name in YEAR_PARAMS},
        "autofocus": not to_params(req),  # only the empty home page: Back keeps its place
        "search_qs": query_string(req),
        "export_qs": query_string(replace(req, page=1, per_page=DEFAULT_PER_PAGE)),
        "export_limit": current_app.config["EXPORT_LIMIT"],
        "per_page_choices": sorted({10, 20, 50, 100, req.per_page}),
        "feed_url": url_for("feeds.search_feed") + feed_query_string(req),
        "chips": presenters.chips(req),
        "clear_all_url": presenters.clear_all_url(req),
        "page_url": lambda **changes: presenters.page_url(req, **changes),
        "year_range_label": presenters.year_range_label(req),
    }
    if result is not None:
        context |= {
            "year_chart": presenters.year_chart(req, result.facets.get("year", [])),
            "pages": presenters.pages(result.page, result.total_pages),
            "also_matched": presenters.also_matched,
            "unknown_filter_message": presenters.unknown_filter_message,
        }
    return render_template("search.html", **context), 400 if error else 200


def feed_query_string(req: SearchRequest) -> str:
    """The feed's query string: the search and its filters (a feed is always newest first)."""
    qs = query_string(replace(req, sort="relevance", page=1, per_page=DEFAULT_PER_PAGE))
    return qs if qs != "?" else ""


def without_control_characters(value: str) -> str:
    """`value` less its control characters, keeping the whitespace (tab, line breaks) of `q`."""
    return "".join(ch for ch in value if ch in "\t\n\r" or unicodedata.category(ch) != "Cc")


def _noisy(args: MultiDict, req: SearchRequest) -> bool:
    """True when the search parameters in `args` are not exactly the canonical ones of `req`
    (empty fields from a form, default values, repeats)."""
    given = sorted((k, v) for k, v in args.items(multi=True) if k in PARAMS)
    return given != sorted(to_params(req))


def _canonical_url(req: SearchRequest, args: MultiDict) -> str:
    """`req`'s own URL, keeping parameters that are not search parameters."""
    pairs = to_params(req) + [(k, v) for k, v in args.items(multi=True) if k not in PARAMS]
    return "/" + ("?" + urlencode(pairs) if pairs else "")


@bp.get("/doc/<doc_id>")
def document(doc_id: str):
    """One document, with the matches of the query it was reached from highlighted."""
    doc = engine().document(doc_id)  # looked up in the index only, never a file path
    if doc is None:
        abort(404)
    q = request.args.get("q", "")[:1000]
    page = text_page(doc.text, request.args.get("page", 1, type=int))
    text, match_count = (
        presenters.mark_first(engine().highlight(page.text, q)) if q else (page.text, 0)
    )
    permalink = url_for("ui.document", doc_id=doc.id, _external=True)
    return render_template(
        "document.html",
        doc=doc,
        q=q,
        page=page,
        page_url=lambda number: url_for(
            "ui.document", doc_id=doc_id, q=q or None, back=request.args.get("back"), page=number
        ),
        paragraphs=presenters.paragraphs(text),
        page_labels=presenters.page_labels(doc.pages, doc.text.count("\n\n", 0, page.start)),
        match_count=match_count,
        back_url=_back_url(request.args.get("back")),
        place=_place(request.args.get("back"), doc.id),
        permalink=permalink,
        citation=cite.formatted(doc, permalink, _today(), i18n.current()),
        citation_lang="ru" if i18n.current() == "ru" else "en",
    )


@bp.get("/doc/<doc_id>/cite.<any(ris, bib):fmt>")
def citation(doc_id: str, fmt: str):
    """The document's reference as an RIS or BibTeX file, for reference managers."""
    doc = engine().document(doc_id)
    if doc is None:
        abort(404)
    permalink = url_for("ui.document", doc_id=doc.id, _external=True)
    if fmt == "ris":
        body, mimetype = cite.ris(doc, permalink, _today()), "application/x-research-info-systems"
    else:
        body, mimetype = cite.bibtex(doc, permalink, _today()), "application/x-bibtex"
    response = Response(body, mimetype=mimetype)
    name = re.sub(r"[^A-Za-z0-9_-]+", "-", doc.id).strip("-") or "document"
    response.headers["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _today() -> datetime.date:
    return datetime.datetime.now(datetime.UTC).date()


@bp.app_errorhandler(404)
def not_found(exc):
    if request.path.startswith("/api/"):
        return exc  # the API answers in JSON by itself
    return render_template("404.html"), 404


def _back_request(back: str | None) -> SearchRequest | None:
    if not back:
        return None
    try:
        return parse_params(parse_qsl(back.lstrip("?")))
    except ParamError:
        return None


def _place(back: str | None, doc_id: str) -> neighbours.Place | None:
    req = _back_request(back)
    return neighbours.place(engine(), req, doc_id) if req else None


def _back_url(back: str | None) -> str:
    """The search page for `back`, rebuilt from its parameters so it can only point here."""
    req = _back_request(back)
    return "/" + query_string(req) if req else "/"
