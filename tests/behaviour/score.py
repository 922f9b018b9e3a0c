"""Running the behavioural suites through eventwire and judging each sentence.

    events     pass = some event has the expected type and modality, and the countries of its
               source actors and of its target actors (read through doc.actors) are exactly the
               expected sets (an empty target for reciprocal "X and Y held talks"); a meeting or
               cooperation or a signing written with every party as source and no target
               (the news_dev convention for talks, clashes and signings) also passes a directed expectation over the same parties;
               a case expecting modality "none" ("X did not attack Y") passes when no event
               of its type is produced
    negatives  pass = no event at all
    actors     pass = an actor one of whose mentions covers the marked span has the expected
               country

All sentences go through one ``extract_many`` call (spaCy's ``nlp.pipe`` underneath).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from eventwire.errors import EventwireError
from eventwire.pipeline import extract_many
from eventwire.records import Article, Document, Event

from .generate import (
    PUBLISHED,
    ActorCase,
    EventCase,
    NegativeCase,
    actor_cases,
    event_cases,
    negative_cases,
)

__all__ = ["SUITES", "Case", "Result", "expected", "rates", "rates_by", "run"]

SUITES = ("events", "negatives", "actors")
UNKNOWN = "?"  # an actor without a country, as it shows in a country set
Case = EventCase | NegativeCase | ActorCase


@dataclass(frozen=True, slots=True, kw_only=True)
class Result:
    suite: str
    case: Case
    passed: bool
    reason: str  # "" when passed; else what went wrong: "no event", "type", "source+target", ...
    produced: tuple[str, ...]  # what eventwire gave, one short line each


def _countries(ids: Iterable[str], actors: dict[str, tuple[str, str]]) -> frozenset[str]:
    return frozenset(actors.get(a, (UNKNOWN, a))[0] for a in ids)


def _side(ids: Iterable[str], actors: dict[str, tuple[str, str]]) -> str:
    parts = [f"{actors.get(a, (UNKNOWN, a))[0]}:{actors.get(a, (UNKNOWN, a))[1]}" for a in ids]
    return ", ".join(sorted(parts)) or "-"


def _describe(e: Event, actors: dict[str, tuple[str, str]]) -> str:
    return f"{e.type}/{e.modality} {_side(e.source, actors)} -> {_side(e.target, actors)}"


def expected(case: Case) -> str:
    """The expected result of a case, written like a produced one."""
    if isinstance(case, EventCase) and case.modality == "none":
        return f"no {case.type} event"
    if isinstance(case, EventCase):
        src = ", ".join(sorted(case.sources))
        tgt = ", ".join(sorted(case.targets)) or "-"
        return f"{case.type}/{case.modality} {src} -> {tgt}"
    if isinstance(case, NegativeCase):
        return "no event"
    return f"{case.span!r} = {case.country}"


def _actor_index(doc: Document) -> dict[str, tuple[str, str]]:
    return {a.id: (a.country or UNKNOWN, a.name) for a in doc.actors}


RECIPROCAL_TYPES = frozenset({"CONSULT", "COOPERATE"})
RECIPROCAL_CODES = frozenset({"057"})  # a signing (news_dev: "talks, clashes, signings")


def _judge_event(case: EventCase, doc: Document) -> Result:
    actors = _actor_index(doc)
    produced = tuple(_describe(e, actors) for e in doc.events)
    if case.modality == "none":
        wrong = any(e.type == case.type for e in doc.events)
        return Result(suite="events", case=case, passed=not wrong,
                      reason="event" if wrong else "", produced=produced)
    best: list[str] | None = None
    for e in doc.events:
        sources, targets = _countries(e.source, actors), _countries(e.target, actors)
        if (e.type in RECIPROCAL_TYPES or e.cameo in RECIPROCAL_CODES) and not targets and case.targets \
                and sources == case.sources | case.targets:
            sources, targets = case.sources, case.targets  # the reciprocal form
        misses = [name for name, ok in (
            ("type", e.type == case.type),
            ("modality", e.modality == case.modality),
            ("source", sources == case.sources),
            ("target", targets == case.targets),
        ) if not ok]
        if not misses:
            return Result(suite="events", case=case, passed=True, reason="", produced=produced)
        if "type" in misses:
            misses = ["type"]  # another event altogether: its arguments say nothing
            if best is None:
                best = misses
        elif best is None or best == ["type"] or len(misses) < len(best):
            best = misses
    reason = "+".join(best) if best else "no event"
    return Result(suite="events", case=case, passed=False, reason=reason, produced=produced)


def _judge_negative(case: NegativeCase, doc: Document) -> Result:
    actors = _actor_index(doc)
    produced = tuple(_describe(e, actors) for e in doc.events)
    return Result(suite="negatives", case=case, passed=not produced,
                  reason="event" if produced else "", produced=produced)


def _judge_actor(case: ActorCase, doc: Document) -> Result:
    covering = [a for a in doc.actors
                if any(m.start <= case.start and m.end >= case.end for m in a.mentions)]
    overlapping = [(m, a) for a in doc.actors for m in a.mentions
                   if m.start < case.end and m.end > case.start]
    produced = tuple(f"{m.text!r} = {a.country or UNKNOWN}" for m, a in overlapping)
    if any(a.country == case.country for a in covering):
        return Result(suite="actors", case=case, passed=True, reason="", produced=produced)
    if not covering:
        reason = "span cut" if overlapping else "no actor"
    elif all(a.country is None for a in covering):
        reason = "no country"
    else:
        reason = "wrong country"
    return Result(suite="actors", case=case, passed=False, reason=reason,
                  produced=produced or ("no actor over the span",))


def _failed(suite: str, case: Case, err: EventwireError) -> Result:
    return Result(suite=suite, case=case, passed=False, reason="error",
                  produced=(f"{type(err).__name__}: {err}",))


def run(nlp=None, keep: Callable[[str, Case], bool] | None = None) -> tuple[Result, ...]:
    """Generate the cases of the three suites (those `keep(suite, case)` accepts, when given),
    extract them in one pass and judge each."""
    cases: list[tuple[str, Case]] = [
        *(("events", c) for c in event_cases()),
        *(("negatives", c) for c in negative_cases()),
        *(("actors", c) for c in actor_cases()),
    ]
    if keep is not None:
        cases = [(suite, case) for suite, case in cases if keep(suite, case)]
    published = date(*PUBLISHED)
    articles = [Article(id=f"b{i}", text=c.text, published=published)
                for i, (_, c) in enumerate(cases)]
    judges: dict[str, Callable[..., Result]] = {
        "events": _judge_event, "negatives": _judge_negative, "actors": _judge_actor,
    }
    results = []
    for (suite, case), doc in zip(cases, extract_many(articles, nlp=nlp), strict=True):
        if isinstance(doc, EventwireError):
            results.append(_failed(suite, case, doc))
        else:
            results.append(judges[suite](case, doc))
    return tuple(results)


def rates_by(results: Iterable[Result], key: Callable[[Result], str]) -> dict[str, tuple[int, int]]:
    """(passed, total) for each value of key."""
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for r in results:
        c = counts[key(r)]
        c[0] += r.passed
        c[1] += 1
    return {k: (v[0], v[1]) for k, v in counts.items()}


def rates(results: Iterable[Result]) -> dict[str, float]:
    """The pass rate of each suite."""
    return {suite: passed / total
            for suite, (passed, total) in rates_by(results, lambda r: r.suite).items()}
