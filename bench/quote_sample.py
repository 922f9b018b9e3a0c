"""Print a seeded random sample of quotations from BBC politics articles for a hand check.

    .venv/bin/python bench/quote_sample.py [--n 30] [--seed 7] [--articles 120]

For each sampled quote it prints the article id, the kind, the speaker text, the cue and the
quoted span, with the attribution's surroundings, so a reader can mark whether the span and
the speaker are right. Reads ../shared/data/bbc_news/articles.jsonl (or $EVENTWIRE_SHARED).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import textwrap

from eventwire.evaluate import shared_dir
from eventwire.nlp import load_pipeline
from eventwire.quotes import find_quotes
from eventwire.records import Quote


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=30, help="quotes to print")
    parser.add_argument("--seed", type=int, default=7, help="random seed")
    parser.add_argument("--articles", type=int, default=120, help="politics articles to read")
    parser.add_argument("--topic", default="politics")
    args = parser.parse_args(argv)

    path = shared_dir() / "data" / "bbc_news" / "articles.jsonl"
    if not path.exists():
        print(f"not found: {path}", file=sys.stderr)
        return 2
    with path.open(encoding="utf-8") as handle:
        articles = [a for a in map(json.loads, handle) if a.get("topic") == args.topic]
    rng = random.Random(args.seed)
    articles = rng.sample(articles, min(args.articles, len(articles)))
    nlp = load_pipeline()
    found: list[tuple[dict[str, str], Quote]] = []
    for article, doc in zip(articles, nlp.pipe(a["text"] for a in articles), strict=True):
        found.extend((article, q) for q in find_quotes(doc))
    print(f"{len(found)} quotes in {len(articles)} articles; sample of {args.n} (seed {args.seed})\n")
    for k, (article, q) in enumerate(rng.sample(found, min(args.n, len(found))), 1):
        text = article["text"]
        lo = min(q.start, q.cue_span.start if q.cue_span else q.start)
        hi = max(q.end, q.cue_span.end if q.cue_span else q.end)
        context = text[max(0, lo - 40):hi + 40].replace("\n", " / ")
        print(f"[{k:02d}] {article['id']}  {q.kind}  speaker={q.speaker_text!r}  cue={q.cue!r}")
        print(textwrap.indent(textwrap.fill(f"QUOTE: {q.text}", 110), "     "))
        print(textwrap.indent(textwrap.fill(f"CONTEXT: ...{context}...", 110), "     "))
        print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
