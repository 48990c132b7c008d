"""An article as one stream of tokens: index form for matching, surface form for display.

    stream = Stream.of(title, body)
    stream.keys[i]       index-form token (naba.text.tokens)
    stream.surface(i)    the same token as the article wrote it (hamza, diacritics kept)
    stream.breaks[i]     1 when punctuation or a line break stands before token i, so no name or
                         phrase runs across it
    stream.title_end     tokens before it come from the title

The tokens, breaks and surfaces come from ``naba.text.tokenize_article``, the pipeline's one pass
over an article (the story profile and the search document read the same tokens); surfaces are only
needed for the dozen tags shown, so they are read on demand.

Clitics (وبوتين، للأردن، بالكتاب) are ``naba.text.clitics``' business, the one place every stage
splits them.
"""

from __future__ import annotations

from dataclasses import dataclass

from naba.text import without_clitics
from naba.text.tokenize import TokenizedText, tokenize_article


@dataclass(frozen=True, slots=True)
class Stream:
    keys: list[str]
    breaks: bytearray
    title_end: int
    text: TokenizedText

    @classmethod
    def of(cls, title: str | None, body: str) -> Stream:
        return cls.of_tokens(tokenize_article(title, body))

    @classmethod
    def of_tokens(cls, text: TokenizedText) -> Stream:
        breaks = bytearray(len(text.tokens))
        for start in text.clause_starts:
            if start < len(breaks):
                breaks[start] = 1
        return cls(text.tokens, breaks, text.title_end, text)

    def __len__(self) -> int:
        return len(self.keys)

    def surface(self, i: int) -> str:
        """Token ``i`` as the article wrote it."""
        return self.text.surface(i)

    def written_text(self) -> str:
        """Title and body as written, one after the other on their own lines: where the text-level
        filters (quotes, addresses) look a name up."""
        return "\n".join(self.text.parts)

    def written(self, start: int, end: int, form: str | None = None) -> str:
        """Tokens ``start:end`` as written, the first cut down to its reading ``form`` (clitics dropped)."""
        first = self.text.surface(start)
        if form is not None:
            first = without_clitics(first, self.keys[start], form)
        return " ".join([first, *(self.text.surface(i) for i in range(start + 1, end))])
