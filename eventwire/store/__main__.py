"""``python -m eventwire.store --markdown``: the README's schema tables, generated from the
declaration in ``schema.py``."""

from __future__ import annotations

import sys

from .schema import markdown

if __name__ == "__main__":
    if sys.argv[1:] != ["--markdown"]:
        sys.exit("usage: python -m eventwire.store --markdown")
    print(markdown())
