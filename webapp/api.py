"""The JSON API under /api."""

from flask import Blueprint

bp = Blueprint("api", __name__)
