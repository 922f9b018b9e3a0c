"""Request and response shapes: query parameters, pydantic models, and the dependencies that
turn a request into event filters and a database cursor."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Literal

import duckdb
from fastapi import Depends, HTTPException, Query, Request
from pydantic import BaseModel, BeforeValidator, Field, computed_field

from ..errors import StoreError
from ..ontology import EventType, Modality
from ..store.reads import Cursor, EventFilters
from ..times.periods import precision
from .limits import MAX_PAGE, MAX_PAGE_SIZE, MAX_TEXT_CHARS

Text = Annotated[str | None, Query(max_length=200)]
PageNo = Annotated[int, Query(ge=1, le=MAX_PAGE, description="1-based page number")]
PageSize = Annotated[int, Query(ge=1, le=MAX_PAGE_SIZE)]


class ExtractRequest(BaseModel):
    """One article to run through the pipeline."""

    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS)
    id: str = Field(default="api", min_length=1, max_length=200)
    title: str | None = Field(default=None, max_length=1000)
    published: date | None = None
    source: str | None = Field(default=None, max_length=200)
    url: str | None = Field(default=None, max_length=2000)


class ActorRef(BaseModel):
    id: str
    key: str
    name: str | None
    country: str | None
    sector: str | None = None
    kind: str | None = None


def _timex(value: object) -> object:
    """A stored date as its TIMEX3 value (a DATE column's day reads as that day)."""
    return value.isoformat() if isinstance(value, date) else value


TimexDate = Annotated[str | None, BeforeValidator(_timex), Field(
    description="the event's own date, TIMEX3 value at the text's precision: "
                "YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY; null when the text does not tell")]


class EventSummary(BaseModel):
    id: str
    article_id: str
    event_id: str
    type: str
    mode: str | None
    quad_class: int | None
    modality: str | None
    cameo: str | None
    date: TimexDate
    date_text: str | None
    date_source: str | None = Field(default=None, description="where the date was read: clause, sentence, story (text: a stored document that does not say)")
    place_source: str | None = Field(default=None, description="where the place was read: sentence, story (text: a stored document that does not say)")
    published: dt.date | None
    day: dt.date | None = Field(description="the first day of the event's date, else its article's publication date")
    confidence: float | None
    evidence: str | None
    title: str | None
    outlet: str | None
    place: str | None
    place_country: str | None
    story_id: str | None
    source: list[ActorRef]
    target: list[ActorRef]
    goldstein: float | None = Field(default=None, description="Goldstein weight of the CAMEO code")
    intensity: float | None = Field(default=None, description="PLOVER intensity of type and mode")
    cameo_label: str | None = Field(default=None, description="CAMEO 1.1b3 name of the code")
    is_root_event: bool | None = Field(default=None, description="in the article's lead sentence")
    place_precision: str | None = Field(default=None, description="country, admin1, city or region")
    dyadic: bool | None = Field(default=None, description="a source and a target have a country")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def date_precision(self) -> str | None:
        """day, week, month or year: the precision of ``date``."""
        return precision(self.date)


class EventPage(BaseModel):
    total: int
    page: int
    page_size: int
    items: list[EventSummary]


class ActorSummary(BaseModel):
    key: str
    name: str | None
    country: str | None
    sector: str | None
    kind: str | None
    n_articles: int
    n_events: int


class ActorPage(BaseModel):
    total: int
    page: int
    page_size: int
    items: list[ActorSummary]


def event_filters(
    actor: Annotated[str | None, Query(max_length=200, description="actor key or part of a name")] = None,
    side: Annotated[Literal["any", "source", "target"], Query(description="which side the actor is on")] = "any",
    country: Annotated[str | None, Query(pattern=r"^[A-Za-z]{3}$", description="ISO alpha-3 or PLOVER code of a participant")] = None,
    type: Annotated[list[EventType] | None, Query(description="PLOVER event type (repeatable)")] = None,
    quad_class: Annotated[list[Annotated[int, Field(ge=1, le=4)]] | None, Query(description="1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict")] = None,
    mode: Text = None,
    date_from: date | None = None,
    date_to: date | None = None,
    place: Text = None,
    modality: Modality | None = None,
    q: Annotated[str | None, Query(max_length=200, description="words that must all appear in the evidence")] = None,
    article: Annotated[str | None, Query(max_length=500)] = None,
    story: Text = None,
    min_confidence: Annotated[float | None, Query(ge=0.0, le=1.0)] = None,
) -> EventFilters:
    if date_from and date_to and date_from > date_to:
        raise HTTPException(400, "date_from is after date_to")
    return EventFilters(
        actor=actor or None, side=side, country=country.upper() if country else None,
        types=[str(t) for t in type or ()], quad_class=list(quad_class or ()), mode=mode or None,
        date_from=date_from, date_to=date_to, place=place or None,
        modality=str(modality) if modality else None, q=q or None, article=article or None,
        story=story or None, min_confidence=min_confidence)


Filters = Annotated[EventFilters, Depends(event_filters)]


def cursor(request: Request) -> Iterator[Cursor]:
    """A cursor of the app's read-only connection for one request."""
    cur: Cursor = request.app.state.con.cursor()
    try:
        yield cur
    except duckdb.Error as exc:
        raise StoreError(f"query failed: {exc}") from exc
    finally:
        cur.close()


Cur = Annotated[Cursor, Depends(cursor)]

