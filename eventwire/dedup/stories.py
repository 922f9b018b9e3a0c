"""Stories while reports are assigned: which story a report may join (``fits``), and the
greedy, order-independent assignment of a batch (``assign``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from .matching import DEFAULT_WINDOW_DAYS, agree, copied, in_time, near_copy
from .reports import Report

__all__ = ["Story", "assign", "fits"]


@dataclass(slots=True, kw_only=True)
class Story:
    """A story while reports are assigned: its row (``STORY_COLUMNS``) and its reports."""

    story_id: str
    type: str
    mode: str | None
    modality: str
    source_name: str | None
    source_country: str | None
    target_name: str | None
    target_country: str | None
    date: dt.date | None
    last_date: dt.date | None
    place_name: str | None
    n_reports: int
    first_published: dt.date | None
    last_published: dt.date | None
    num_articles: int = 0
    num_sources: int = 0
    reports: list[Report] = field(default_factory=list)
    is_new: bool = False
    added: list[Report] = field(default_factory=list)  # reports joined in this batch

    @classmethod
    def found(cls, report: Report) -> Story:
        return cls(story_id=report.story_id, type=report.type, mode=report.mode,
                   modality=report.modality, source_name=report.source_name,
                   source_country=report.source_country, target_name=report.target_name,
                   target_country=report.target_country, date=report.start,
                   last_date=report.end, place_name=report.place_name, n_reports=0,
                   first_published=report.published, last_published=report.published,
                   is_new=True)

    def join(self, report: Report) -> None:
        self.reports.append(report)
        self.added.append(report)
        self.n_reports += 1
        self.num_articles = len({r.article_id for r in self.reports})
        self.num_sources = len({r.outlet for r in self.reports if r.outlet})
        starts = [d for d in (self.date, report.start) if d is not None]
        ends = [d for d in (self.last_date, report.end) if d is not None]
        self.date = min(starts) if starts else None
        self.last_date = max(ends) if ends else None
        pubs = [d for d in (self.first_published, self.last_published, report.published)
                if d is not None]
        self.first_published, self.last_published = (min(pubs), max(pubs)) if pubs else (None, None)
        self.mode = self.mode or report.mode
        if self.source_name is None:
            self.source_name, self.source_country = report.source_name, report.source_country
        if self.target_name is None:
            self.target_name, self.target_country = report.target_name, report.target_country
        self.place_name = self.place_name or report.place_name


def fits(report: Report, story: Story, window: int = DEFAULT_WINDOW_DAYS) -> float | None:
    """How well a report fits a story; None when it may not join (package docstring)."""
    if report.type != story.type or report.modality != story.modality or not story.reports:
        return None
    if any(member.article_id == report.article_id for member in story.reports):
        return None
    reprint = any(copied(report, member) for member in story.reports)
    near = any(near_copy(report, member) and agree(report, member, window) is not None
               for member in story.reports)
    scores = []
    founder_agrees = reprint or near  # a reprint goes where its sentence went
    for member in story.reports:
        if not reprint and not in_time(report, member, window):
            return None
        score = agree(report, member, window)
        if score is not None:
            scores.append(score)
            founder_agrees |= member.story_id == story.story_id
    if not founder_agrees and 2 * len(scores) <= len(story.reports):
        return None
    return sum(scores) / len(story.reports) + (7.0 if reprint else 0.0)


def assign(reports: Sequence[Report], stories: dict[str, Story],
           window: int = DEFAULT_WINDOW_DAYS) -> dict[tuple[str, str], str]:
    """Put each report, in order, into the best-fitting story of ``stories`` (the candidates
    loaded for this batch, updated in place; new stories are added); ``(article_id,
    event_id) -> story_id``. Ties go to the smaller story id, so the result never depends on
    the order the candidates were loaded in."""
    index: dict[tuple[str, str], set[str]] = {}
    for story in stories.values():
        for member in story.reports:
            for key in member.lookup_keys():
                index.setdefault(key, set()).add(story.story_id)
    out: dict[tuple[str, str], str] = {}
    for report in reports:
        found: set[str] = set()
        for key in report.lookup_keys():
            found |= index.get(key, set())
        best: tuple[float, str] | None = None
        for sid in sorted(found):
            score = fits(report, stories[sid], window)
            if score is not None and (best is None or score > best[0]):
                best = (score, sid)
        if best is None:
            story = stories[report.story_id] = Story.found(report)
        else:
            story = stories[best[1]]
        story.join(report)
        for key in report.lookup_keys():
            index.setdefault(key, set()).add(story.story_id)
        out[(report.article_id, report.event_id)] = story.story_id
    return out
