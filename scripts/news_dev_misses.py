"""Print what eventwire misses and invents on the news-dev passages, passage by passage.

    .venv/bin/python scripts/news_dev_misses.py                  # strict level, every passage
    .venv/bin/python scripts/news_dev_misses.py --level country  # GDELT-style country level
    .venv/bin/python scripts/news_dev_misses.py --article ID --article ID2
    .venv/bin/python scripts/news_dev_misses.py --type CONSULT   # only lines about one type

MISS lines are required gold events no produced event matched (gold type/alternatives,
source -> target with countries, other codings in [also: ...]), followed by the evidence and
what eventwire produced on that sentence. FALSE lines are produced events that match no free
gold event (a second event for an already matched one says so), with source/target names and
countries and the evidence sentence. Each ends with the summary table of the passages shown.
"""

from __future__ import annotations

import argparse
import sys

from eventwire.evaluate import shared_dir
from eventwire.evaluate.news_dev import (
    extract_records,
    misses,
    read_gold,
    report_outcomes,
    score_article,
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--level", choices=("strict", "country"), default="strict",
                        help="which matching to report (default strict)")
    parser.add_argument("--article", action="append", help="only this passage id (repeatable)")
    parser.add_argument("--type", help="only misses of this gold PLOVER type and false events "
                                       "of this type (the table still covers every type)")
    parser.add_argument("--limit", type=int, help="only the first N passages")
    parser.add_argument("--no-table", action="store_true", help="leave out the summary table")
    args = parser.parse_args(argv)

    records = read_gold(shared_dir(), args.limit)
    if args.article:
        records = [r for r in records if r["article"]["id"] in set(args.article)]
        if not records:
            print(f"no passage with id {', '.join(args.article)}", file=sys.stderr)
            return 2
    docs = extract_records(records)
    outcomes = [score_article(r, d) for r, d in zip(records, docs, strict=True)]
    print("\n".join(misses(outcomes, args.level, args.type)))
    if not args.no_table:
        print()
        print(report_outcomes(outcomes).table())
    return 0


if __name__ == "__main__":
    try:
        raise SystemExit(main())
    except BrokenPipeError:  # piped into head or less and closed early
        sys.stderr.close()
        raise SystemExit(0) from None
