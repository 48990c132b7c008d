"""Sources: where articles come from, as raw ``Record``s. Nothing here cleans, stores or groups.

    readers/   files and dumps (JSON, JSONL, zip, tar, ANT TREC XML, plain-text and HTML pages) → Records
    fetch/     the polite, address-guarded HTTP client; feeds, sitemaps and discovery → FeedItems

A new input format is a new reader module in ``readers/``; a new kind of followed source, a listing
reader in ``fetch/``.
"""
