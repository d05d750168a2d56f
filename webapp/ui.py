"""The browser search page and document pages.

Both read the same parameters as the API (`indexer.params`) and make one search-core call.
"""

from __future__ import annotations

from urllib.parse import parse_qsl

from flask import Blueprint, abort, render_template, request, url_for

from indexer.params import ParamError, parse_params, query_string
from indexer.results import QueryError, SearchRequest
from webapp import engine, presenters
from webapp.paging import text_page

bp = Blueprint("ui", __name__)

EXAMPLES = [("Khojaly", None), ("Xocalı", "az"), ("Ходжалы", "ru"), ('"Ter-Petrosyan"', None)]


bp.add_app_template_filter(presenters.language_name, "language_name")
bp.add_app_template_filter(presenters.human_date, "human_date")
bp.add_app_template_filter(presenters.safe_snippet, "safe_snippet")
bp.add_app_template_filter(presenters.link_url, "link_url")
bp.add_app_template_filter(presenters.format_name, "format_name")


@bp.get("/")
def search():
    """The search page; errors in the query or the parameters are shown, not raised."""
    error = tip = None
    try:
        req = parse_params(request.args.items(multi=True))
    except ParamError as exc:
        req = SearchRequest(q=request.args.get("q", "")[:1000])
        error = presenters.param_message(exc.param, exc.detail)
        tip = "Correct it in the address bar, or start a new search."
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
        "examples": EXAMPLES,
        "search_qs": query_string(req),
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
    )


@bp.app_errorhandler(404)
def not_found(exc):
    if request.path.startswith("/api/"):
        return exc  # the API answers in JSON by itself
    return render_template("404.html"), 404


def _back_url(back: str | None) -> str:
    """The search page for `back`, rebuilt from its parameters so it can only point here."""
    if not back:
        return "/"
    try:
        req = parse_params(parse_qsl(back.lstrip("?")))
    except ParamError:
        return "/"
    return "/" + query_string(req)
