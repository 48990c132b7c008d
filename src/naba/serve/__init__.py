"""Serving: the read side. Everything here reads the store; nothing here writes articles.

    search.py   query parsing in the index's normal form, snippets cut from the display text
    contract/   the JSON contract: one typed model per concept, for the API, every CLI --json and the export
    paging.py   cursors and keyset slices (``next_cursor`` is part of the contract)
    export.py   the export contract (one JSON object per article, the contract's Article)
    web/        the FastAPI site, JSON API and Atom feeds
"""
