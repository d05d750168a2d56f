"""The browser search page and document pages."""

from flask import Blueprint

bp = Blueprint("ui", __name__)
