"""Where an article's dateline ends: «دبي، الإمارات العربية المتحدة (CNN)--», «الرياض – واس», «عين اليوم – مكة».

A dateline names where a report was filed and who filed it, not what it is about: two CNN reports
filed in Dubai share «دبي» and «الإمارات» and nothing else. The text keeps it (it is what the outlet
printed); evidence of what two articles share reads the text after it. Hand-written, as no library
reads Arabic datelines: at the very start of the body, a short run of names (at most MAX_WORDS words,
no full stop, no digit) ending either in a parenthesised outlet and a dash or colon
(«... (CNN) --», «(CNN)--»), or in a dash followed by the text or by a short credit and a line break
(«الرياض – واس»).
"""

from __future__ import annotations

import re

MAX_WORDS = 7
_DASH = r"\-–—"
# a place list (names and commas), then "(OUTLET)" and dashes or a colon
_WITH_OUTLET = re.compile(r"^\s*([^\n().؟!:]{0,80}?)\s*\(\s*[^()\n]{1,30}\s*\)\s*(?:[" + _DASH + r"]+|:)\s*")
# up to MAX_WORDS words, a dash, then up to three words of credit and a line break (or nothing)
_WITH_DASH = re.compile(r"^\s*([^\n.؟!:،,\"«(]{1,60}?)\s+[" + _DASH + r"]{1,2}\s+(?:([^\n.؟!:" + _DASH
                        + r"]{1,30})[ \t]*\n\s*|(?=\S))")


def dateline_end(body: str) -> int:
    """The offset in ``body`` where its dateline ends (0 when it opens without one)."""
    found = _WITH_OUTLET.match(body)
    if found and len(found.group(1).split()) <= MAX_WORDS:
        return found.end()
    found = _WITH_DASH.match(body)
    if found and _names(found.group(1), 4) and (found.group(2) is None or len(found.group(2).split()) <= 3):
        return found.end()
    return 0


def _names(run: str, most: int) -> bool:
    """A short run of words with no digit (a year and a dash open a timeline entry, not a dateline)."""
    return len(run.split()) <= most and not any(c.isdigit() for c in run)


def without_dateline(body: str) -> str:
    return body[dateline_end(body):]
