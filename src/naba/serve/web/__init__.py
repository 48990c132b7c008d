"""The web site and JSON API (FastAPI, Jinja2): ``create_app(store_url)``; ``naba serve`` runs it."""

from __future__ import annotations

from naba.serve.web.app import create_app

__all__ = ["create_app"]
