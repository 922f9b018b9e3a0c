"""A 400-article BBC sample with publication dates, for corpus measurements (issue 15).

The BBC News set (``../shared/data/bbc_news/articles.jsonl``) carries no dates. This writes
the first 200 ``politics`` and the first 200 ``business`` articles by id (politics/001 ...
politics/200, business/001 ... business/200), each with a deterministic publication date
spread over three months: 2005-01-01 plus (the first 8 hex digits of the SHA-1 of its id,
modulo 91) days, so the same id always gets the same date and the two topics are mixed over
the whole period.

    .venv/bin/python scripts/bbc_sample.py ../shared/data/bbc_news/articles.jsonl > bbc400.jsonl
    .venv/bin/eventwire extract bbc400.jsonl --db bbc400.duckdb --out /dev/null
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from datetime import date, timedelta

TOPICS = ("politics", "business")
PER_TOPIC = 200
START = date(2005, 1, 1)
DAYS = 91  # three months: 2005-01-01 .. 2005-04-01


def published(article_id: str) -> date:
    """The publication date given to an article: fixed by its id."""
    digest = hashlib.sha1(article_id.encode("utf-8")).hexdigest()
    return START + timedelta(days=int(digest[:8], 16) % DAYS)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", help="the BBC set's articles.jsonl")
    parser.add_argument("--per-topic", type=int, default=PER_TOPIC)
    args = parser.parse_args(argv)
    chosen: dict[str, list[dict[str, str]]] = {t: [] for t in TOPICS}
    with open(args.articles, encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("topic") in chosen:
                chosen[row["topic"]].append(row)
    for topic in TOPICS:
        for row in sorted(chosen[topic], key=lambda r: r["id"])[:args.per_topic]:
            out = {"id": row["id"], "title": row["title"], "text": row["text"],
                   "published": published(row["id"]).isoformat(), "source": "BBC"}
            sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
