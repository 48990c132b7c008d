"""Serving: the read side. Everything here reads the store; nothing here writes articles.

    search.py   query parsing in the index's normal form, snippets cut from the display text
    export.py   the export contract (one JSON object per article)
    web/        the FastAPI site, JSON API and Atom feeds
"""
