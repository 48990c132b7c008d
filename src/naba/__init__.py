"""naba (نبأ): an Arabic-first news aggregation engine.

The packages follow the data: ``sources`` (readers, fetch) → ``pipeline`` (clean, tagging) → ``store`` →
``stories`` (copies, the story stage, related lists); ``engine`` wires them; ``serve`` (search, the JSON
contract, the web) and ``cli`` read. The base every layer may import: ``errors``, ``models``, ``settings``,
``dates``, ``urls``, ``text``, ``gazetteer``. The README's "How it is built" draws the tree.
"""

__version__ = "0.1.0"
