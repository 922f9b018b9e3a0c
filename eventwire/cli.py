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
    """Extract documents from articles; JSON Lines out (or into --db), in input order."""
    from contextlib import ExitStack

    from .articles import read_articles
    from .progress import Progress
    from .scale import count_articles, documents

    if args.workers is not None and args.workers < 1:
        print("eventwire extract: --workers must be at least 1", file=sys.stderr)
        return 2
    if args.actors:  # read it now: a bad file is an unusable argument, found before any article
        from .actors.dictionary import resolve_dictionary

        try:
            resolve_dictionary(args.actors)
        except EventwireError as exc:
            print(f"eventwire extract: --actors: {exc}", file=sys.stderr)
            return 2
    items = read_articles(args.paths, published=args.published)
    failures = 0
    enabled = sys.stderr.isatty() and (args.out is not None or args.db is not None)
    progress = Progress(enabled=enabled, total=count_articles(args.paths) if enabled else None)
    with ExitStack() as stack:
        store = writer = None
        if args.db:
            from .store import Store

            store = stack.enter_context(Store(args.db, dedup=not args.no_dedup))
            items = store.skip_stored(items)
        out: TextIO | None = sys.stdout if store is None else None
        if args.out:
            out = stack.enter_context(open(args.out, "w", encoding="utf-8"))  # noqa: SIM115
        if store is not None:
            writer = stack.enter_context(store.writer())
        stack.callback(progress.done)
        results = stack.enter_context(documents(items, workers=args.workers,
                                                scheduler=args.scheduler,
                                                dictionary=args.actors))
        registry = None
        if not args.no_registry:
            from .registry import Registry

            registry = Registry.from_store(store.con) if store is not None else Registry()
        skipped = 0
        for result in results:
            if store is not None and store.skipped != skipped:
                progress.tick(store.skipped - skipped)
                skipped = store.skipped
            if isinstance(result, (ArticleError, StageError)):
                failures += 1
                progress.clear()
                _report(result)
            else:
                if registry is not None:  # on the client, in input order: same with Dask
                    result = registry.enrich(result)
                    registry.learn(result)
                if writer is not None:
                    writer.add(result)
                if out is not None:
                    out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            for err in writer.drain() if writer is not None else ():
                failures += 1
                progress.clear()
                _report(err)
            progress.tick()
        if store is not None and store.skipped != skipped:
            progress.tick(store.skipped - skipped)
        if writer is not None:
            writer.flush()
            for err in writer.drain():
                failures += 1
                _report(err)
    return 1 if failures else 0


def cmd_export(args: argparse.Namespace) -> int:
    """Write a database out as partitioned Parquet and/or GDELT-like CSV."""
    from .store import Store

    if not (args.parquet or args.csv):
        print("eventwire export: give --parquet DIR and/or --csv FILE", file=sys.stderr)
        return 2
    if not Path(args.db).exists():
        print(f"eventwire export: no such database {args.db}", file=sys.stderr)
        return 2
    with Store(args.db, read_only=True) as store:
        if args.parquet:
            store.export_parquet(args.parquet)
        if args.csv:
            store.export_csv(args.csv)
    return 0


def cmd_dedup(args: argparse.Namespace) -> int:
    """Group the events of a database into stories (one real-world event, many reports)."""
    from .store import Store

    if not Path(args.db).exists():
        print(f"eventwire dedup: no such database {args.db}", file=sys.stderr)
        return 2
    with Store(args.db, window=args.window) as store:
        assigned = store.dedup_pending(rebuild=args.rebuild)
        counts = store.counts()
    print(f"{assigned} events assigned; {counts['events']} events in "
          f"{counts['stories']} stories", file=sys.stderr)
    return 0


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


def cmd_actors(args: argparse.Namespace) -> int:
    """List or search the registry of actors a database has learned, as a table or JSON."""
    import duckdb

    from .registry import Registry

    if not Path(args.db).exists():
        print(f"eventwire actors: no such database {args.db}", file=sys.stderr)
        return 2
    con = duckdb.connect(args.db, read_only=True)
    try:
        registry = Registry.from_store(con)
    finally:
        con.close()
    hits = registry.search(args.query or "", country=args.country, limit=args.limit)
    if args.json:
        for entry in hits:
            print(json.dumps(entry.to_dict(), ensure_ascii=False))
        return 0
    print(f"{'name':<28}{'country':<9}{'sector':<8}{'role':<30}{'since':<12}{'last seen':<12}articles")
    for e in hits:
        since = e.role_since or e.first_seen
        print(f"{e.name[:27]:<28}{e.country or '-':<9}{e.sector or '-':<8}{(e.role or '-')[:29]:<30}"
              f"{since.isoformat() if since else '-':<12}"
              f"{e.last_seen.isoformat() if e.last_seen else '-':<12}{e.articles}")
    print(f"{len(hits)} of {len(registry)} actors", file=sys.stderr)
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Serve the HTTP API and the explorer over a database, read-only."""
    import uvicorn

    from .api import create_app

    app = create_app(args.db)
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"eventwire serve: listening on {args.host}, beyond this machine", file=sys.stderr)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="eventwire", description=__doc__.splitlines()[0] if __doc__ else None)
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract documents from articles (JSON Lines out)")
    p.add_argument("paths", nargs="+", help=".txt, .html, .jsonl, .csv, a directory, or - for JSONL on stdin")
    p.add_argument("--published", type=_date_arg, help="publication date for articles that carry none")
    p.add_argument("--out", help="write JSON Lines here instead of standard output")
    p.add_argument("--db", help="store into this DuckDB file (resumable; skips stored articles)")
    p.add_argument("--no-dedup", action="store_true",
                   help="with --db: do not group events into stories while writing")
    p.add_argument("--workers", type=int, help="run on a local Dask cluster of N processes")
    p.add_argument("--scheduler", help="run on an existing Dask cluster (tcp://HOST:PORT)")
    p.add_argument("--actors", metavar="FILE",
                   help="a user actor dictionary (Phoenix/PETRARCH format, or TSV: name, country, "
                        "sector, role, from, until) added to the shipped one")
    p.add_argument("--no-registry", action="store_true",
                   help="do not complete bare names from actors learned in earlier articles")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("export", help="write a database as Parquet (by month) or flat CSV")
    p.add_argument("--db", required=True, help="a DuckDB file written by `extract --db`")
    p.add_argument("--parquet", help="directory for a hive-partitioned Parquet dataset")
    p.add_argument("--csv", help="file for one row per event in a GDELT-like layout")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("dedup", help="group a database's events into stories across articles")
    p.add_argument("--db", required=True, help="a DuckDB file written by `extract --db`")
    p.add_argument("--rebuild", action="store_true", help="regroup every event from scratch")
    p.add_argument("--window", type=int, default=3, help="days between reports of one event")
    p.set_defaults(func=cmd_dedup)

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

    p = sub.add_parser("actors", help="list or search the actors a database has learned")
    p.add_argument("query", nargs="?", help="part of a name or role")
    p.add_argument("--db", required=True, help="a database written by `eventwire extract --db`")
    p.add_argument("--country", help="only actors of this ISO alpha-3 country")
    p.add_argument("--limit", type=int, default=50, help="at most this many (default 50)")
    p.add_argument("--json", action="store_true", help="JSON Lines instead of a table")
    p.set_defaults(func=cmd_actors)

    p = sub.add_parser("serve", help="serve the HTTP API and the explorer over a database")
    p.add_argument("--db", required=True, help="a DuckDB file written by eventwire (opened read-only)")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    p.set_defaults(func=cmd_serve)
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
