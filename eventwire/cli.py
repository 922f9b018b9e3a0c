"""The command line: a thin layer over the library.

It parses arguments, calls the library, and turns library errors into messages and exit
codes in one place (0: all articles processed; 1: some article was bad; 2: unusable arguments).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TextIO

from .errors import ArticleError, EventwireError, StageError

__all__ = ["main"]

Command = Callable[[argparse.Namespace], int]


def _date_arg(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {text!r}") from None


def _report(err: EventwireError) -> None:
    print(f"eventwire: skipped {err}", file=sys.stderr)


def cmd_extract(args: argparse.Namespace) -> int:
    """Extract documents from articles; JSON Lines out, in input order."""
    from .articles import read_articles
    from .pipeline import extract_many
    from .progress import Progress

    items = read_articles(args.paths, published=args.published)
    failures = 0
    out: TextIO = open(args.out, "w", encoding="utf-8") if args.out else sys.stdout  # noqa: SIM115
    progress = Progress(enabled=sys.stderr.isatty() and args.out is not None)
    try:
        for result in extract_many(items):
            if isinstance(result, (ArticleError, StageError)):
                failures += 1
                progress.clear()
                _report(result)
            else:
                out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            progress.tick()
    finally:
        progress.done()
        if out is not sys.stdout:
            out.close()
    return 1 if failures else 0


def cmd_show(args: argparse.Namespace) -> int:
    """Print a readable table of the events in extracted documents."""
    from .show import events_table

    for line in Path(args.path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            print(events_table(json.loads(line)))
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    """Score against a gold file in the seed's format, or against named gold sets."""
    from .evaluate import GOLD_SETS, run_gold_set
    from .evaluate.seed import score_document

    reports = []
    if args.doc or args.gold:
        if not (args.doc and args.gold):
            print("eventwire evaluate: --doc and --gold go together", file=sys.stderr)
            return 2
        first = next(ln for ln in Path(args.doc).read_text(encoding="utf-8").splitlines() if ln.strip())
        gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
        reports.append(score_document(json.loads(first), gold))
    names = list(GOLD_SETS) if args.set == ["all"] else (args.set or [])
    for name in names:
        reports.append(run_gold_set(name, limit=args.limit))
    if not reports:
        print("eventwire evaluate: give --doc/--gold or --set NAME "
              f"(one of: all, {', '.join(GOLD_SETS)})", file=sys.stderr)
        return 2
    for report in reports:
        print(report.table())
    if args.json:
        Path(args.json).write_text(json.dumps([r.to_dict() for r in reports], indent=2) + "\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="eventwire", description=__doc__.splitlines()[0] if __doc__ else None)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract documents from articles (JSON Lines out)")
    p.add_argument("paths", nargs="+", help=".txt, .html, .jsonl, .csv, a directory, or - for JSONL on stdin")
    p.add_argument("--published", type=_date_arg, help="publication date for articles that carry none")
    p.add_argument("--out", help="write JSON Lines here instead of standard output")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("show", help="print the events of extracted documents as a table")
    p.add_argument("path", help="a JSON Lines file written by `eventwire extract`")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("evaluate", help="score against gold sets (P/R/F1 tables)")
    p.add_argument("--doc", help="a produced document (JSON Lines; the first line is scored)")
    p.add_argument("--gold", help="a gold file in the seed's format")
    p.add_argument("--set", action="append", help="a named gold set, or 'all' (repeatable)")
    p.add_argument("--limit", type=int, help="score only the first N items of each gold set")
    p.add_argument("--json", help="also write the reports as JSON here")
    p.set_defaults(func=cmd_evaluate)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func: Command = args.func
    try:
        return func(args)
    except EventwireError as err:
        print(f"eventwire: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("eventwire: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
