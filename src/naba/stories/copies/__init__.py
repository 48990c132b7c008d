"""The text side of copies: shingle sketches, LSH band tables, and the filled-in-template guard.

The story stage (naba.stories.stage) sketches every article, finds the articles sharing an LSH band
with it (a copy republished at any distance in time), and lets the sameness model
(naba.stories.sameness) decide which pairs are copies. The parts, as datasketch keeps MinHash apart
from MinHashLSH (each module's docstring has its maths):

- ``sketch``     ``Sketcher`` (the parameters) turns a text's tokens into a frozen ``TextSketch``:
                 shingles, MinHash band keys, the opening; exact overlaps between two sketches
- ``lsh``        ``BandIndex``: the band tables, insert / query / remove of keys by band key
- ``templates``  ``TemplateGuard``: two short texts that are one template with different names or numbers
"""

from naba.stories.copies.lsh import BandIndex
from naba.stories.copies.sketch import Sketcher, TextSketch
from naba.stories.copies.templates import TemplateGuard, gazetteer_name_of

__all__ = ["BandIndex", "Sketcher", "TemplateGuard", "TextSketch", "gazetteer_name_of"]
