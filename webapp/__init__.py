"""Flask app factory: the browser UI (`webapp.ui`) and the JSON API (`webapp.api`)."""

from __future__ import annotations

from flask import Flask

from indexer import config
from indexer.engine import open_engine

ENV_PREFIX = "KHOJALY_SEARCH_"
EXPORT_LIMIT = 10_000


def create_app(test_config: dict | None = None) -> Flask:
    """Config comes from defaults, then KHOJALY_SEARCH_* environment variables, then test_config."""
    app = Flask(__name__)
    app.config.from_mapping(
        INDEX=str(config.index_dir()),
        CORPUS=str(config.corpus_dir()),
        EXPORT_LIMIT=EXPORT_LIMIT,  # documents in one CSV or JSON export
    )
    app.config.from_prefixed_env(prefix=ENV_PREFIX.rstrip("_"))
    if test_config:
        app.config.from_mapping(test_config)

    # One engine per process; it reopens by itself when a build switches the index.
    app.extensions["search_engine"] = open_engine(app.config["INDEX"])
    app.extensions["search_engine"].warm_up()  # the first visitor should not wait for it

    from webapp import api, feeds, i18n, security, ui

    security.init_app(app)
    i18n.init_app(app)
    app.register_blueprint(ui.bp)
    app.register_blueprint(feeds.bp)
    app.register_blueprint(api.bp, url_prefix="/api")
    return app


def engine(app: Flask | None = None):
    from flask import current_app

    return (app or current_app).extensions["search_engine"]
