"""The command line: a thin layer over the library.

It parses arguments, calls the library, and turns library errors into messages and exit
codes in one place (0: all articles processed; 1: some article or input was bad; 2: unusable
arguments; 141: standard output closed early, as ``| head`` does). Messages go to standard
error through the ``eventwire`` logger (``--quiet``: errors only; ``--verbose``: debugging).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TextIO
from urllib.parse import urlsplit

from . import __version__
from .errors import ArticleError, EventwireError, StageError

__all__ = ["main"]

Command = Callable[[argparse.Namespace], int]

log = logging.getLogger("eventwire")

SCHEDULER_SCHEMES = ("tcp", "tls", "ws", "wss", "ucx")


def _date_arg(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {text!r}") from None


def _port_arg(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"not a port number (1-65535): {text!r}")
    return int(text)


def _scheduler_arg(text: str) -> str:
    """A Dask scheduler address, ``tcp://HOST:PORT`` (the scheme may be left out)."""
    parts = urlsplit(text if "://" in text else f"tcp://{text}")
    try:
        port = parts.port
    except ValueError:
        port = None
    if parts.scheme not in SCHEDULER_SCHEMES or not parts.hostname or not port or parts.path:
        raise argparse.ArgumentTypeError(f"not a scheduler address (tcp://HOST:PORT): {text!r}")
    return text


def _report(err: EventwireError) -> None:
    log.error("skipped %s", err)


def _configure_logging(quiet: bool, verbose: bool) -> None:
    """The ``eventwire`` logger to standard error as ``eventwire: message``."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("eventwire: %(message)s"))
    log.handlers = [handler]
    log.propagate = False
    log.setLevel(logging.ERROR if quiet else logging.DEBUG if verbose else logging.INFO)


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
    if args.db and not Path(args.db).absolute().parent.is_dir():
        print(f"eventwire extract: --db: no folder for {args.db}", file=sys.stderr)
        return 2
    items = read_articles(args.paths, published=args.published)
    failures = extracted = refused = 0  # refused: extracted, then not stored
    enabled = (sys.stderr.isatty() and log.isEnabledFor(logging.INFO)
               and (args.out is not None or args.db is not None))
    progress = Progress(enabled=enabled, total=count_articles(args.paths) if enabled else None)
    with ExitStack() as stack:
        store = writer = None
        if args.db:
            from .store import Store

            store = stack.enter_context(Store(args.db, dedup=not args.no_dedup))
            items = store.skip_stored(items)
        out: TextIO | None = sys.stdout if store is None else None
        if args.out:
            try:
                out = stack.enter_context(open(args.out, "w", encoding="utf-8"))  # noqa: SIM115
            except OSError as exc:
                print(f"eventwire extract: --out: cannot write {args.out} ({exc.strerror})",
                      file=sys.stderr)
                return 2
        if store is not None:
            writer = stack.enter_context(store.writer())
        stack.callback(progress.done)
        try:
            results = stack.enter_context(documents(items, workers=args.workers,
                                                    scheduler=args.scheduler,
                                                    dictionary=args.actors))
        except OSError as exc:  # no cluster answers there: an unusable argument
            if args.scheduler is None:
                raise
            print(f"eventwire extract: --scheduler: cannot reach {args.scheduler} ({exc})",
                  file=sys.stderr)
            return 2
        from .registry import Registry, annotate

        registry = None
        if not args.no_registry:
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
                extracted += 1
                log.debug("%s: %d events", result.article.id, len(result.events))
                extracted_doc = result
                if registry is not None:  # on the client, in input order: same with Dask
                    result = registry.complete(result)
                if writer is not None:  # what the registry changed is kept for settle()
                    writer.add(annotate(extracted_doc, result))
                if out is not None:
                    out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
            for err in writer.drain() if writer is not None else ():
                failures += 1
                refused += 1
                progress.clear()
                _report(err)
            progress.tick()
        if store is not None and store.skipped != skipped:
            progress.tick(store.skipped - skipped)
        if writer is not None:
            writer.flush()
            for err in writer.drain():
                failures += 1
                refused += 1
                _report(err)
            if store is not None and (writer.written or store.skipped):
                # the registry and stories in article order, not in the order of arrival
                store.settle(registry=not args.no_registry)
    if writer is None or store is None:
        log.info("%s", _summary(extracted + failures, failures, extracted=extracted))
    else:  # extracted, not written, no error: the same article twice in one run
        again = store.skipped + max(extracted - writer.written - refused, 0)
        log.info("%s", _summary(writer.written + again + failures, failures,
                                new=writer.written, stored=again))
    return 1 if failures else 0


def _summary(total: int, failures: int, *, extracted: int | None = None, new: int = 0,
             stored: int = 0) -> str:
    """'400 articles: 0 new, 400 already stored, 0 errors' (with --db), else '3 articles:
    2 extracted, 1 error'."""
    def plural(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    done = (f"{extracted} extracted" if extracted is not None
            else f"{new} new, {stored} already stored")
    return f"{plural(total, 'article')}: {done}, {plural(failures, 'error')}"


def cmd_export(args: argparse.Namespace) -> int:
    """Write a database out as partitioned Parquet and/or GDELT-like CSV."""
    from .store import Store

    if not (args.parquet or args.csv):
        print("eventwire export: give --parquet DIR and/or --csv FILE", file=sys.stderr)
        return 2
    if not Path(args.db).exists():
        print(f"eventwire export: no such database {args.db}", file=sys.stderr)
        return 2
    for target in (args.parquet, Path(args.csv).parent if args.csv else None):
        try:  # a folder that cannot be made is an unusable argument, found before any work
            if target is not None:
                Path(target).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            print(f"eventwire export: cannot create folder {target} ({exc.strerror})",
                  file=sys.stderr)
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
    """Print a readable table of the events in extracted documents (a file, - or --db)."""
    from .show import ShowError, events_table, read_documents

    if (args.path is None) == (args.db is None):
        print("eventwire show: give a JSON Lines file, - for standard input, or --db FILE",
              file=sys.stderr)
        return 2
    if args.db is not None:
        from .store import Store

        if not Path(args.db).is_file():
            print(f"eventwire show: no such database {args.db}", file=sys.stderr)
            return 1
        with Store(args.db, read_only=True) as store:
            for article_id in store.article_ids():
                doc = store.document(article_id)
                if doc is not None:
                    print(events_table(doc))
        return 0
    try:
        if args.path == "-":
            for doc in read_documents(sys.stdin.buffer, "<stdin>"):
                print(events_table(doc))
            return 0
        with open(args.path, "rb") as handle:
            for doc in read_documents(handle, args.path):
                print(events_table(doc))
    except ShowError as err:
        print(f"eventwire show: {err}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        raise
    except OSError as exc:
        print(f"eventwire show: cannot read {args.path} ({exc.strerror})", file=sys.stderr)
        return 1
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
        try:
            first = next(ln for ln in Path(args.doc).read_text(encoding="utf-8").splitlines()
                         if ln.strip())
            doc, gold = json.loads(first), json.loads(Path(args.gold).read_text(encoding="utf-8"))
        except (StopIteration, UnicodeDecodeError, json.JSONDecodeError) as exc:
            reason = "no document" if isinstance(exc, StopIteration) else "not JSON"
            print(f"eventwire evaluate: --doc/--gold: {reason} ({exc})".replace(" ()", ""),
                  file=sys.stderr)
            return 1
        reports.append(score_document(doc, gold))
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
    from .errors import StoreError
    from .registry import Registry
    from .store import Store

    if not Path(args.db).exists():
        print(f"eventwire actors: no such database {args.db}", file=sys.stderr)
        return 2
    try:
        with Store(args.db, read_only=True) as store:
            registry = Registry.from_store(store.con)
    except StoreError as exc:
        print(f"eventwire actors: {exc}", file=sys.stderr)
        return 1
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
    from .api.hosts import DEFAULT_HOSTS

    # the address it listens on is a name it answers to; a wildcard is not a name
    listening = [] if args.host in ("0.0.0.0", "::", "") else [args.host]
    app = create_app(args.db, allowed_hosts=[*DEFAULT_HOSTS, *listening, *args.allow_host])
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"eventwire serve: listening on {args.host}, beyond this machine", file=sys.stderr)
    host = f"[{args.host}]" if ":" in args.host else args.host
    print(f"eventwire serve: {args.db} at http://{host}:{args.port}/ (Ctrl-C to stop)",
          file=sys.stderr, flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="eventwire", description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--version", action="version", version=f"eventwire {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("extract", help="extract documents from articles (JSON Lines out)")
    p.add_argument("paths", nargs="+", help=".txt, .html, .jsonl, .csv, a directory, or - for JSONL on stdin")
    p.add_argument("--published", type=_date_arg, help="publication date for articles that carry none")
    p.add_argument("--out", help="write JSON Lines here instead of standard output")
    p.add_argument("--db", help="store into this DuckDB file (resumable; skips stored articles)")
    p.add_argument("--no-dedup", action="store_true",
                   help="with --db: do not group events into stories while writing")
    p.add_argument("--workers", type=int, help="run on a local Dask cluster of N processes")
    p.add_argument("--scheduler", type=_scheduler_arg,
                   help="run on an existing Dask cluster (tcp://HOST:PORT)")
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
    p.add_argument("path", nargs="?",
                   help="a JSON Lines file written by `eventwire extract`, or - for standard input")
    p.add_argument("--db", help="instead, every article stored in this database")
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
    p.add_argument("--port", type=_port_arg, default=8000, help="port to listen on (default: 8000)")
    p.add_argument("--allow-host", action="append", default=[], metavar="NAME",
                   help="also answer requests for this host name (repeatable; default: only "
                        "127.0.0.1, localhost and the --host address, against DNS rebinding)")
    p.set_defaults(func=cmd_serve)
    for p in (parser, *sub.choices.values()):  # before or after the command's name
        p.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS,
                       help="report errors only (no progress, no summary)")
        p.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                       help="report more (debugging messages)")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _configure_logging(getattr(args, "quiet", False), getattr(args, "verbose", False))
    func: Command = args.func
    try:
        return func(args)
    except BrokenPipeError:  # `| head` has what it wanted: end quietly
        _silence_stdout()
        return 141
    except EventwireError as err:
        print(f"eventwire: {err}", file=sys.stderr)
        return 1
    except OSError as exc:  # a file the library did not expect to fail: one line, no traceback
        name = f" {exc.filename}" if exc.filename else ""
        print(f"eventwire: cannot use{name} ({exc.strerror or exc})", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("eventwire: interrupted", file=sys.stderr)
        return 130


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so the interpreter's last flush finds no pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass


if __name__ == "__main__":
    sys.exit(main())
