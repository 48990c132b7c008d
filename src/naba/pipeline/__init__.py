"""The per-article pipeline: pure functions from one parsed article to what the store keeps.

    clean/       RawArticle → Article: main text, trailing blocks parsed into fields, leaked headlines cut
    tagging/     keywords and canonical named entities
    identity.py  who an article is across re-ingests, and a hash that changes when it does
    searchdoc.py the normalized tokens and stems a store indexes

No I/O: ``naba.engine`` runs these stages over records and hands the results to the store.
"""
