"""What the actor dictionaries cost one process in memory (a script, not a test).

    python bench/dictionary_memory.py

Loads, in this fresh process and in this order, the project's lexicon (titles, organisations,
countries, the agent nouns) and then the Phoenix/PETRARCH actor dictionary
(``data/actors_dictionary.tsv.gz``), and prints the resident memory (VmRSS) each adds and the
time it takes. The target of issue 13: the dictionaries add at most 100 MB per process.
"""

from __future__ import annotations

import json
import time
from pathlib import Path


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status (Linux only)")


def main() -> None:
    from eventwire.actors.dictionary import shipped
    from eventwire.lexicon import lexicon

    base = _rss_mb()
    started = time.perf_counter()
    lexicon()
    lexicon_mb, lexicon_s = _rss_mb() - base, time.perf_counter() - started
    before = _rss_mb()
    started = time.perf_counter()
    book = shipped()
    dictionary_mb, dictionary_s = _rss_mb() - before, time.perf_counter() - started
    print(json.dumps({
        "lexicon_mb": round(lexicon_mb, 1), "lexicon_s": round(lexicon_s, 2),
        "actor_dictionary_mb": round(dictionary_mb, 1), "actor_dictionary_s": round(dictionary_s, 2),
        "actor_dictionary_entries": len(book),
        "total_mb": round(lexicon_mb + dictionary_mb, 1), "target_mb": 100,
    }))


if __name__ == "__main__":
    main()
