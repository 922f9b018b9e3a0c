"""What the behavioural suites (tests/behaviour/) pass and fail, for finding what to fix.

    .venv/bin/python scripts/behaviour_report.py                      # rates and every failure
    .venv/bin/python scripts/behaviour_report.py --type SANCTION      # one PLOVER type
    .venv/bin/python scripts/behaviour_report.py --form capital       # one actor form
    .venv/bin/python scripts/behaviour_report.py --suite actors --examples 2
    .venv/bin/python scripts/behaviour_report.py --summary            # rates only

Prints the pass rate per suite, per PLOVER type, per source form, per modality frame and per
actor-suite form, then the failures grouped by template, most failures first: for each template
its failure count, the reasons, and examples as sentence / expected / produced.
"""

from __future__ import annotations

import argparse
import signal
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from behaviour.generate import ActorCase, EventCase  # noqa: E402
from behaviour.score import SUITES, Case, Result, expected, rates_by, run  # noqa: E402


def _table(title: str, counts: dict[str, tuple[int, int]], order: Iterable[str] | None = None) -> None:
    print(f"\n{title}")
    keys = list(order) if order is not None else sorted(counts, key=lambda k: counts[k][0] / counts[k][1])
    for key in keys:
        if key in counts:
            passed, total = counts[key]
            print(f"  {key:<24} {passed / total:6.1%}  {passed:>4}/{total:<4}")


def _attr(name: str) -> Callable[[Result], str]:
    return lambda r: getattr(r.case, name)


def _template(r: Result) -> str:
    case = r.case
    if isinstance(case, EventCase):
        return f"{case.type} {case.template}"
    if isinstance(case, ActorCase):
        return f"actors {case.template}"
    return f"negatives {case.template}"


def _keep(suite: str, case: Case, args: argparse.Namespace) -> bool:
    if args.suite and suite != args.suite:
        return False
    if args.type and not (isinstance(case, EventCase) and case.type == args.type.upper()):
        return False
    if args.form and not (isinstance(case, EventCase) and args.form in (case.source_form, case.target_form)
                          or isinstance(case, ActorCase) and case.form == args.form):
        return False
    if args.frame and not (isinstance(case, EventCase) and case.frame == args.frame):
        return False
    return True


def report(results: tuple[Result, ...], args: argparse.Namespace) -> None:
    shown = [r for r in results if _keep(r.suite, r.case, args)]
    if not shown:
        print("no case matches the filters")
        return
    _table("suites", rates_by(shown, lambda r: r.suite), SUITES)
    events = [r for r in shown if r.suite == "events"]
    if events:
        _table("events by PLOVER type", rates_by(events, _attr("type")))
        _table("events by modality frame", rates_by(events, _attr("frame")))
        _table("events by source form", rates_by(events, _attr("source_form")))
        _table("events by target form", rates_by(events, _attr("target_form")))
        _table("events by style", rates_by(events, _attr("style")))
        reasons = Counter(r.reason for r in events if not r.passed)
        print("\nevent failures by reason: "
              + ", ".join(f"{k} {v}" for k, v in reasons.most_common()))
    negatives = [r for r in shown if r.suite == "negatives"]
    if negatives:
        _table("negatives by domain", rates_by(negatives, _attr("domain")))
    actors = [r for r in shown if r.suite == "actors"]
    if actors:
        _table("actors by form", rates_by(actors, _attr("form")))
        reasons = Counter(r.reason for r in actors if not r.passed)
        print("\nactor failures by reason: "
              + ", ".join(f"{k} {v}" for k, v in reasons.most_common()))
    if args.summary:
        return
    groups: dict[str, list[Result]] = defaultdict(list)
    for r in shown:
        if not r.passed:
            groups[_template(r)].append(r)
    total = Counter(_template(r) for r in shown)
    print(f"\nfailures by template ({sum(map(len, groups.values()))} in {len(groups)} templates)")
    for key, failed in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        reasons = Counter(r.reason for r in failed)
        print(f"\n== {key}: {len(failed)}/{total[key]} failed ("
              + ", ".join(f"{k} {v}" for k, v in reasons.most_common()) + ")")
        for r in _examples(failed, args.examples):
            case = r.case
            where = ""
            if isinstance(case, EventCase):
                where = f"[{case.frame}, {case.source_form}->{case.target_form}] "
            print(f"  {where}{case.text}")
            print(f"      expected  {expected(case)}")
            for line in r.produced or ("nothing",):
                print(f"      produced  {line}")


def _examples(failed: list[Result], limit: int) -> list[Result]:
    """Up to `limit` failures, one per reason first so that each kind of miss shows."""
    picked: list[Result] = []
    seen: set[str] = set()
    for r in failed:
        if r.reason not in seen:
            seen.add(r.reason)
            picked.append(r)
    picked.extend(r for r in failed if r not in picked)
    return picked[:limit] if limit else picked


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", choices=SUITES, help="only this suite")
    parser.add_argument("--type", help="only events of this PLOVER type, e.g. SANCTION")
    parser.add_argument("--form", help="only this actor form (events: source or target form, "
                                       "e.g. capital; actors: e.g. counterpart)")
    parser.add_argument("--frame", help="only this modality frame, e.g. denied_had")
    parser.add_argument("--examples", type=int, default=3,
                        help="failures shown per template (0: all; default 3)")
    parser.add_argument("--summary", action="store_true", help="rates only, no failures")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `| head` ends the listing quietly
    report(run(keep=lambda suite, case: _keep(suite, case, args)), args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
