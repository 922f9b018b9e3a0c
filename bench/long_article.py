"""Time and peak memory of one long article (a script, not a test).

    python bench/long_article.py                          # 100k, 300k and 1,000,000 characters
    python bench/long_article.py --sizes 50000 100000     # other sizes
    python bench/long_article.py --text seed              # the seed article repeated

Each size runs in a fresh process that loads the pipeline, builds one article of that many
characters (BBC News texts one after another, blank lines between them, or the seed article
repeated). It times the parse alone (``eventwire.pipeline.parse``: the segments through
spaCy, joined into one Doc), then the whole extraction (``eventwire.pipeline.extract``: the
parse and every stage), and reports the seconds of each, the peak RSS of the process (model
included), the seconds per 100,000 characters (flat when time grows linearly), and checks
that every evidence, mention, quote, time and place offset points at its text in the
article. ``--parse-only`` skips the stages.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))
SOURCES = {
    "bbc": SHARED / "data" / "bbc_news" / "articles.jsonl",
    "seed": SHARED / "seed" / "article.txt",
}
SIZES = (100_000, 300_000, 1_000_000)


def long_text(source: str, size: int) -> str:
    """``size`` characters of whole texts from ``source``, a blank line between them."""
    path = SOURCES[source]
    if source == "seed":
        texts = [path.read_text(encoding="utf-8").strip()]
    else:
        with path.open(encoding="utf-8") as lines:
            texts = [json.loads(line)["text"].strip() for line in lines if line.strip()]
    parts: list[str] = []
    total = 0
    while total < size:
        for text in texts:
            parts.append(text)
            total += len(text) + 2
            if total >= size:
                break
    return "\n\n".join(parts)[:size]


def misplaced(doc: object, text: str) -> int:
    """How many spans of the document do not point at their own text."""
    from eventwire.records import Document

    assert isinstance(doc, Document)
    spans = [(e.evidence.start, e.evidence.end, e.evidence.text) for e in doc.events]
    spans += [(m.start, m.end, m.text) for a in doc.actors for m in a.mentions]
    spans += [(q.start, q.end, q.text) for q in doc.quotes]
    spans += [(x.start, x.end, x.text) for x in (*doc.times, *doc.places)]
    return sum(text[s:e] != t for s, e, t in spans)


def one(source: str, size: int, parse_only: bool) -> dict[str, object]:
    """Measure one size in this process."""
    from eventwire.nlp import load_pipeline
    from eventwire.pipeline import extract, parse, segments
    from eventwire.records import Article

    nlp = load_pipeline()
    text = long_text(source, size)
    started = time.perf_counter()
    with nlp.memory_zone():
        joined = parse(nlp, text)
        assert joined.text == text
        del joined
    parsed = time.perf_counter() - started
    parse_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    result: dict[str, object] = {"chars": len(text), "segments": len(segments(text)),
                                 "parse_s": round(parsed, 1), "parse_rss_mb": parse_kb // 1024,
                                 "seconds": None, "peak_rss_mb": None, "events": None,
                                 "misplaced": None}
    if not parse_only:
        started = time.perf_counter()
        doc = extract(Article(id=f"long-{size}", text=text), nlp)
        result["seconds"] = round(time.perf_counter() - started, 1)
        result["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        result["events"] = len(doc.events)
        result["misplaced"] = misplaced(doc, text)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--text", choices=sorted(SOURCES), default="bbc")
    parser.add_argument("--parse-only", action="store_true", help="time the parse alone")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # the child process
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.text, args.one, args.parse_only)))
        return
    print(f"{'chars':>9} {'segs':>4} | {'parse s':>7} {'s/100k':>6} {'RSS MB':>6} | "
          f"{'extract s':>9} {'s/100k':>6} {'RSS MB':>6} {'events':>6} {'misplaced':>9}",
          flush=True)
    for size in args.sizes:
        command = [sys.executable, __file__, "--text", args.text, "--one", str(size)]
        out = subprocess.run(command + ["--parse-only"] * args.parse_only,
                             check=True, capture_output=True, text=True).stdout
        r = json.loads(out.strip().splitlines()[-1])
        chars = int(r["chars"])
        line = (f"{chars:>9} {r['segments']:>4} | {r['parse_s']:>7} "
                f"{float(r['parse_s']) / chars * 100_000:>6.2f} {r['parse_rss_mb']:>6} |")
        if r["seconds"] is not None:
            line += (f" {r['seconds']:>9} {float(r['seconds']) / chars * 100_000:>6.2f}"
                     f" {r['peak_rss_mb']:>6} {r['events']:>6} {r['misplaced']:>9}")
        print(line, flush=True)


if __name__ == "__main__":
    main()
