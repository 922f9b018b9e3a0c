"""Who someone is when the text does not say: the Phoenix actor dictionaries, by date.

The Phoenix/PETRARCH dictionaries (MIT licence, ``data/LICENSE.phoenix``) list heads of state
and government, ministers, opposition leaders and officials with date-bounded CAMEO codes
(``[USAGOV >090120]``), international organisations, non-state armed groups, and the generic
agent nouns ("soldier", "ministry of defence") with their agent codes. ``scripts/build_actors.py``
converts them into ``data/actors_dictionary.tsv.gz`` (one row per name form) and
``data/agents_dictionary.tsv``; this module reads those files lazily and answers:

- ``lookup(name, on)``: the country, sector and CAMEO code of the role valid on a date;
- ``agent(noun)``: the PLOVER sector of a generic agent noun;
- ``load_user_actors(path)``: the shipped dictionary with a user file added (the Phoenix
  format itself, or a TSV ``name  country  sector  role  from  until``), which carries it past
  the dictionaries' last update (2019) or corrects it;
- ``fill_from_dictionary``: the actor stage's use of it (text evidence wins).

Choice of role. A date-bounded code valid on the date wins (the first in file order, as
PETRARCH does), then the entry's default (undated) code; a user's roles come before the
shipped ones. With no date, the latest role is taken. When no role is valid on the date and
the person held a state office (government, military, legislature, courts, police,
intelligence) that has ended, the country is kept with sector ELI, which PLOVER defines as
"former government officials"; before any role began, the country is kept without a sector.

Matching. Names are folded like the registry's (``name_key``: case, accents, punctuation).
A name form that several entries share counts only when they agree on the date; a
one-word form ("Merkel") counts only when the dictionary lists exactly it, one entry holds
it, and it is not a common English word or a generic agent noun ("Care", "Hope", "Police").
A person's name that no entry lists exactly is matched on its variant key (``variant_key``):
the Arabic and Persian particles after the first word dropped ("Abdel Fattah Sisi" for "abdel
fattah el sisi"; "al", "bin", "ibn"), a leading office or honorific dropped ("Prime Minister
X"), letters that carry no accent mark folded ("Yıldırım"); the first and the last word must
then agree, and the middle words of one must be among the other's
("George W Bush" is not "George H W Bush"'s variant, "George Bush" is either's: they must then
agree, like any shared form). A name that leaves out an entry's middle word matches it only
while a dated role of the entry is valid on the date: a current officeholder is who the news
names so, an undated or past entry is as likely someone else ("John Smith").
"""

from __future__ import annotations

import csv
import gzip
import io
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ..errors import EventwireError
from ..ontology import STATE_SECTORS
from ..registry import HONORIFICS, name_key

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "ACTORS_FILE", "AGENTS_FILE", "ActorDictionary", "DictEntry", "DictionaryError", "PhoenixCode",
    "PhoenixEntry",
    "add_user_actors", "agent", "fill_from_dictionary", "load_user_actors", "lookup", "parse_phoenix",
    "resolve_dictionary", "shipped", "variant_key",
]

ACTORS_FILE = "actors_dictionary.tsv.gz"
AGENTS_FILE = "agents_dictionary.tsv"
CODES_FILE = "cameo_actor_codes.tsv"
# PETRARCH (after KEDS and TABARI) reads a two-digit year 00-30 as 20YY, otherwise 19YY
CENTURY_BREAK = 30
# sectors of a state office: when it has ended, its holder is a former official (PLOVER ELI)
# an IGO's court, police, force, assembly, health or education body keeps that sector;
# otherwise a non-state body has its prefix's default sector (as organisations.tsv decides)
BODY_SECTORS = frozenset({"JUD", "COP", "MIL", "LEG", "MED", "EDU"})
# the longest name form a user's file may have matched in the text, in tokens
MAX_NAME_TOKENS = 8
# words that, just before a mention, say the role is over ("former President X", "ex-premier")
# name particles that one spelling of a person's name writes and another leaves out; never
# dropped as the first word ("Al Gore", "Ben Wallace")
NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "bint", "ben"})
# words of an office or honorific that a name form may start with (the Phoenix files list
# "prime minister X" beside "X"); dropped while two words remain
NAME_TITLES = HONORIFICS | frozenset({
    "president", "vice", "prime", "minister", "foreign", "defence", "defense", "finance",
    "secretary", "general", "chancellor", "premier", "deputy", "acting", "interim", "king",
    "queen", "prince", "princess", "emir", "pope"})
# letters NFKD leaves whole: folded as English news writes them
PLAIN_LETTERS = str.maketrans({"ı": "i", "ø": "o", "ł": "l", "đ": "d", "ß": "ss", "æ": "ae",
                               "œ": "oe", "ð": "d", "þ": "th"})
FORMER_WORDS = frozenset({"former", "ex", "erstwhile", "onetime", "one-time", "late"})
KINDS = ("person", "organization", "group", "country")
USER_COLUMNS = ("name", "country", "sector", "role", "from", "until")


class DictionaryError(EventwireError):
    """An actor dictionary file that cannot be read."""


# --- the Phoenix/PETRARCH format ------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PhoenixCode:
    """One CAMEO code of an entry, valid from ``since`` to ``until`` (inclusive; None: open)."""

    code: str
    since: date | None = None
    until: date | None = None

    def compact(self) -> str:
        """``USAGOV>20090120<20170120``: the form the shipped file keeps."""
        out = self.code
        if self.since:
            out += ">" + self.since.strftime("%Y%m%d")
        if self.until:
            out += "<" + self.until.strftime("%Y%m%d")
        return out

    def valid(self, on: date) -> bool:
        return (self.since is None or self.since <= on) and (self.until is None or on <= self.until)


@dataclass(frozen=True, slots=True, kw_only=True)
class PhoenixEntry:
    """One entry of a Phoenix actor dictionary: its name forms (folded) and its codes."""

    names: tuple[str, ...]
    codes: tuple[PhoenixCode, ...]
    kind: str
    comment: str = ""


def _date(text: str) -> date | None:
    """YYMMDD (up to 7 digits, as PETRARCH reads them) or YYYYMMDD; None when invalid."""
    digits = re.sub(r"\D", "", text)
    try:
        if 6 <= len(digits) <= 7:
            yy = int(digits[:2])
            return date((2000 if yy <= CENTURY_BREAK else 1900) + yy, int(digits[2:4]), int(digits[4:6]))
        if len(digits) >= 8:
            return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None
    return None


def parse_code(inner: str) -> PhoenixCode | None:
    """The inside of ``[CODE]``, ``[CODE >YYMMDD]``, ``[CODE <YYMMDD]``, ``[CODE D1-D2]``."""
    code, _, rest = inner.strip().partition(" ")
    code, rest = code.upper(), rest.strip()
    if not code or code.startswith("-"):
        return None  # "[---]": explicitly no code
    if not rest:
        return PhoenixCode(code)
    if rest[0] in "<>":
        when = _date(rest[1:])
        if when is None:
            return None
        return PhoenixCode(code, since=when) if rest[0] == ">" else PhoenixCode(code, until=when)
    first, dash, last = rest.partition("-")
    since, until = _date(first), _date(last)
    if not dash or since is None or until is None or until < since:
        return None  # PETRARCH skips such a line too
    return PhoenixCode(code, since=since, until=until)


def _codes_in(text: str) -> list[PhoenixCode]:
    return [c for inner in re.findall(r"\[([^\]\[]*)[\]}]", text) if (c := parse_code(inner))]


def phoenix_name(text: str) -> str:
    """A dictionary phrase folded for look-up: ``SECRETARY-GENERAL_BAN_KI-MOON_`` -> words."""
    return name_key(text.replace("_", " "))


def _kind(codes: Sequence[PhoenixCode], comment: str, default: str,
          states: frozenset[str]) -> str:
    if codes and all(len(c.code) == 3 and c.code in states for c in codes) and default != "group":
        return "country"
    if "CountryInfo" in comment or any(c.since or c.until for c in codes):
        return "person"
    return default


def parse_phoenix(lines: Iterable[str], kind: str = "organization",
                  states: frozenset[str] = frozenset()) -> list[PhoenixEntry]:
    """The entries of a TABARI/PETRARCH actor dictionary.

    An entry line ``NAME_ [CODE]`` or ``NAME_  # comment``; ``+SYNONYM`` lines; indented
    ``[CODE]``, ``[CODE >YYMMDD]``, ``[CODE <YYMMDD]``, ``[CODE YYMMDD-YYMMDD]`` lines (several
    codes may also follow the name on its own line). Underscores are spaces; ``#`` starts a
    comment, as does ``<!-- ... -->`` (over several lines too); ``---STOP---`` ends the file. As in PETRARCH, an entry line without codes that is
    followed by another entry line shares that entry's codes (a second spelling). ``kind`` is
    the default kind (``group`` for armed groups); people (dated codes or CountryInfo) and
    countries (a bare state code from ``states``) are recognised.
    """
    entries: list[PhoenixEntry] = []
    names: list[str] = []
    codes: list[PhoenixCode] = []
    comment = ""

    def close() -> None:
        if names:
            entries.append(PhoenixEntry(names=tuple(dict.fromkeys(names)), codes=tuple(codes),
                                        kind=_kind(codes, comment, kind, states),
                                        comment=comment))

    in_comment = False
    for raw in lines:
        line = raw.rstrip("\r\n")
        stripped = line.strip()
        if "---STOP---" in line:
            break
        if in_comment or stripped.startswith("<!--"):  # <!-- ... --> may span lines
            in_comment = "-->" not in stripped
            continue
        if not stripped or stripped.startswith("#"):
            continue
        body, _, note = line.partition("#")
        if line[0] in " \t":  # an indented code line
            codes.extend(_codes_in(body))
            continue
        if line[0] == "+":
            name = phoenix_name(re.split(r"[\[;]", body[1:], maxsplit=1)[0])
            if name:
                names.append(name)
            codes.extend(_codes_in(body))
            continue
        name = phoenix_name(re.split(r"[\[;]", body, maxsplit=1)[0])
        if not name:
            continue
        if names and not codes:  # the previous entry line had no codes: a second spelling
            names.append(name)
        else:
            close()
            names, codes, comment = [name], [], note.strip()
        codes.extend(_codes_in(body))
    close()
    return entries


# --- code tables ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class _Codes:
    """CAMEO code parts -> PLOVER codes (countries.tsv + cameo_actor_codes.tsv)."""

    states: dict[str, str]
    sectors: dict[str, str]
    nonstate: dict[str, tuple[str, str]]
    bodies: dict[str, str]
    regions: frozenset[str]


def _data_text(name: str) -> str:
    return resources.files("eventwire").joinpath("data", name).read_text(encoding="utf-8")


def _tsv(text: str) -> list[dict[str, str]]:
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return [{k: (v or "").strip() for k, v in row.items()}
            for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


@cache
def code_tables() -> _Codes:
    """The tables that read a CAMEO actor code (loaded once)."""
    states = {r["cameo"]: r["iso3"] for r in _tsv(_data_text("countries.tsv")) if r["cameo"]}
    sectors: dict[str, str] = {}
    nonstate: dict[str, tuple[str, str]] = {}
    bodies: dict[str, str] = {}
    regions: set[str] = set()
    for r in _tsv(_data_text(CODES_FILE)):
        code, kind = r["code"], r["kind"]
        if kind == "sector":
            sectors[code] = r["sector"]
        elif kind == "state":
            states.setdefault(code, r["country"])
        elif kind == "nonstate":
            nonstate[code] = (r["country"], r["sector"])
        elif kind == "body":
            bodies[code] = r["country"]
        elif kind == "region":
            regions.add(code)
    return _Codes(states, sectors, nonstate, bodies, frozenset(regions))


def read_code(code: str, lenient: bool = False) -> tuple[str | None, str | None, tuple[str, ...]]:
    """(country, sector, other sectors) of a CAMEO actor code: ``DEUGOVEDU`` -> DEU, GOV, (EDU,).

    ``lenient`` (a user's file): a first part no table knows is taken as the state's own code
    (``ARNGOV`` -> ARN, GOV), as a dictionary that defines its own states intends.
    """
    t = code_tables()
    code = code.strip("~").upper()
    parts = [code[i:i + 3] for i in range(0, len(code), 3)]
    country: str | None = None
    default: str | None = None
    if parts and parts[0] in t.states:
        country = t.states[parts.pop(0)]
    elif lenient and len(parts[0]) == 3 and parts[0].isalpha() and parts[0] not in t.sectors \
            and parts[0] not in t.nonstate and parts[0] not in t.regions:
        country = parts.pop(0)
    elif parts and parts[0] in t.nonstate:
        country, default = t.nonstate[parts.pop(0)]
        if country == "IGO":
            country = next((t.bodies[p] for p in parts if p in t.bodies), country)
    elif parts and parts[0] in t.regions:
        parts.pop(0)
    sectors = [s for p in parts if (s := t.sectors.get(p))]
    if default is not None:  # a non-state body: its prefix decides unless it is a court, a force...
        own = next((s for s in sectors if s in BODY_SECTORS), None)
        sectors = [own or default] + [s for s in sectors if s != (own or default)]
    sectors = list(dict.fromkeys(sectors))
    return country, (sectors[0] if sectors else None), tuple(sectors[1:])


# --- the loaded dictionary --------------------------------------------------------------------
@dataclass(frozen=True, slots=True, kw_only=True)
class DictEntry:
    """What the dictionary says about a name on a date."""

    name: str  # the entry's first name form, folded
    kind: str  # person | organization | group | country
    country: str | None
    sector: str | None
    other_sectors: tuple[str, ...] = ()
    role: str | None = None
    cameo: str | None = None
    since: date | None = None
    until: date | None = None
    former: bool = False  # no role is valid on the date: the country of an ended role
    source: str = "phoenix"  # phoenix | user


@dataclass(frozen=True, slots=True)
class _Role:
    country: str | None
    sector: str | None
    other_sectors: tuple[str, ...]
    role: str | None
    cameo: str | None
    since: date | None
    until: date | None
    source: str

    @property
    def dated(self) -> bool:
        return self.since is not None or self.until is not None

    def valid(self, on: date) -> bool:
        return (self.since is None or self.since <= on) and (self.until is None or on <= self.until)


@cache
def _roles_of(codes: str, source: str = "phoenix") -> tuple[_Role, ...]:
    """The roles of an entry, from its compact codes (parsed when first asked)."""
    out = []
    for item in codes.split():
        m = re.fullmatch(r"([^<>]+)(?:>(\d{8}))?(?:<(\d{8}))?", item)
        if not m:
            continue
        country, sector, others = read_code(m[1], lenient=source == "user")
        out.append(_Role(country, sector, others, None, m[1].upper(), _date(m[2] or ""),
                         _date(m[3] or ""), source))
    return tuple(out)


@dataclass(slots=True)
class _Entry:
    name: str
    kind: str
    codes: str = ""  # shipped codes, compact
    user: tuple[_Role, ...] = ()  # a user file's roles: they come first

    def roles(self) -> tuple[_Role, ...]:
        return self.user + _roles_of(self.codes)


def _choose(roles: Sequence[_Role], on: date | None) -> tuple[_Role, bool] | None:
    """The role valid on ``on`` (or the latest), and whether it is a past one (see module doc)."""
    if not roles:
        return None
    for source in ("user", "phoenix"):
        mine = [r for r in roles if r.source == source]
        if on is not None:
            hit = next((r for r in mine if r.dated and r.valid(on)), None) \
                or next((r for r in mine if not r.dated), None)
        else:
            open_ = [r for r in mine if r.dated and r.until is None]
            hit = max(open_, key=lambda r: r.since or date.min) if open_ else \
                next((r for r in mine if not r.dated), None) or \
                max(mine, key=lambda r: r.until or date.min, default=None)
        if hit is not None:
            return hit, False
    assert on is not None
    ended = [r for r in roles if r.until is not None and r.until < on]
    if ended:
        return max(ended, key=lambda r: r.until or date.min), True
    return min(roles, key=lambda r: r.since or date.max), True


def variant_key(name: str) -> tuple[str, str, frozenset[str]] | None:
    """(first word, last word, middle words) of a person's name with its particles dropped
    ("Abdel Fattah el-Sisi" -> ("abdel", "sisi", {"fattah"})), or None for a one-word name."""
    words = name_key(name.lower().translate(PLAIN_LETTERS)).split()
    while len(words) > 2 and words[0] in NAME_TITLES:  # "prime minister viktor yanukovich"
        words = words[1:]
    words = words[:1] + [w for w in words[1:] if w not in NAME_PARTICLES]
    if len(words) < 2:
        return None
    return words[0], words[-1], frozenset(words[1:-1])


class ActorDictionary:
    """Name forms -> entries with dated roles; agent nouns -> sectors."""

    def __init__(self) -> None:
        self.names: dict[str, tuple[int, ...]] = {}
        self.entries: list[_Entry] = []
        self.agents: dict[str, str] = {}
        self.user_names: set[str] = set()  # name forms a user's file gave
        # (first, last) -> (middle words, entry) of people's name forms; built when first asked
        self._variants: dict[tuple[str, str], list[tuple[frozenset[str], int]]] | None = None

    def _variant_hits(self, name: str) -> dict[int, bool]:
        """The people whose name forms are variants of ``name`` (see the module doc), each
        with whether ``name`` leaves out one of its middle words."""
        key = variant_key(name)
        if key is None:
            return {}
        if self._variants is None:
            self._variants = {}
            for form, indices in self.names.items():
                people = [i for i in indices if self.entries[i].kind == "person"]
                if people and (k := variant_key(form)) is not None:
                    self._variants.setdefault(k[:2], []).extend((k[2], i) for i in people)
        first, last, middle = key
        hits: dict[int, bool] = {}
        for m, i in self._variants.get((first, last), ()):
            if m <= middle or middle <= m:
                hits[i] = hits.get(i, True) and not m <= middle
        return hits

    def __len__(self) -> int:
        return len(self.entries)

    def _add(self, entry: _Entry, names: Iterable[str]) -> int:
        index = len(self.entries)
        self.entries.append(entry)
        for n in names:
            self.names[n] = (*self.names.get(n, ()), index)
        self._variants = None
        return index

    def copy(self) -> ActorDictionary:
        other = ActorDictionary()
        other.names = dict(self.names)
        other.entries = [_Entry(e.name, e.kind, e.codes, e.user) for e in self.entries]
        other.agents = self.agents
        other.user_names = set(self.user_names)
        return other

    def add_user(self, names: Sequence[str], kind: str, roles: Sequence[_Role] = (),
                 codes: str = "") -> None:
        """A user's entry: it takes over the entries that share one of its name forms."""
        taken = {i for n in names for i in self.names.get(n, ())}
        user = tuple(roles) + _user_roles(codes)
        self.user_names.update(names)
        if taken:
            for i in taken:
                self.entries[i].user = user + self.entries[i].user
            for n in names:  # a new spelling joins them
                self.names[n] = tuple(sorted(set(self.names.get(n, ())) | taken))
            self._variants = None
            return
        self._add(_Entry(names[0], kind, "", user), names)

    def lookup(self, name: str, on: date | None = None,
               kinds: Iterable[str] = KINDS) -> DictEntry | None:
        """The entry ``name`` names, with the role valid on ``on`` (see the module doc)."""
        key = name_key(name)
        hits = [i for i in self.names.get(key, ()) if self.entries[i].kind in set(kinds)]
        shorter: dict[int, bool] = {}  # a variant's hits: whether the name leaves a word out
        if not hits and "person" in kinds:
            shorter = self._variant_hits(name)
            hits = sorted(shorter)
        if not hits or (" " not in key and (len(hits) > 1 or _common(key, self.agents))):
            return None
        found: list[tuple[int, DictEntry]] = []
        for i in hits:
            e = self.entries[i]
            chosen = _choose(e.roles(), on)
            if chosen is None:
                continue
            r, former = chosen
            sector = r.sector
            if former:  # an ended state office: a former official; before any role: none
                ended = r.until is not None and on is not None and r.until < on
                sector = "ELI" if ended and r.sector in STATE_SECTORS | {"ELI"} else None
            rank = 2 if former else 0 if r.dated else 1
            if shorter.get(i) and rank:
                continue
            found.append((rank, DictEntry(
                name=e.name, kind=e.kind, country=r.country, sector=sector,
                other_sectors=() if former else r.other_sectors, role=r.role,
                cameo=None if former else r.cameo, since=r.since, until=r.until,
                former=former, source=r.source)))
        # entries sharing the name: a role dated to this day outranks a default, which
        # outranks a past role; those left must agree
        best = [f for rank, f in found if rank == min((r for r, _ in found), default=0)]
        if not best or any((f.country, f.sector) != (best[0].country, best[0].sector)
                           for f in best):
            return None
        return best[0]

    def agent(self, noun: str) -> str | None:
        """The PLOVER sector of a generic agent noun ("soldiers" -> MIL), or None."""
        key = name_key(noun)
        for form in _singulars(key):
            if form in self.agents:
                return self.agents[form] or None
        return None


def _user_roles(codes: str) -> tuple[_Role, ...]:
    return _roles_of(codes, "user")


def _singulars(key: str) -> Iterator[str]:
    yield key
    head, _, last = key.rpartition(" ")
    pre = head + " " if head else ""
    if last.endswith("ies"):
        yield pre + last[:-3] + "y"
    if last.endswith("es"):
        yield pre + last[:-2]
    if last.endswith("s"):
        yield pre + last[:-1]
    if last.endswith("men"):
        yield pre + last[:-3] + "man"


@cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _common(word: str, agents: dict[str, str]) -> bool:
    """A one-word name form that is an ordinary word: never matched alone."""
    return len(word) < 3 or word in _stop_words() or any(f in agents for f in _singulars(word))


# --- shipped data and user files --------------------------------------------------------------
def read_agents(text: str) -> dict[str, str]:
    return {r["noun"]: r["sector"] for r in _tsv(text)}


@cache
def shipped() -> ActorDictionary:
    """The dictionary built from the Phoenix files (loaded once per process)."""
    book = ActorDictionary()
    raw = resources.files("eventwire").joinpath("data", ACTORS_FILE).read_bytes()
    current = ""
    names: list[str] = []
    entry = _Entry("", "")
    for line in gzip.decompress(raw).decode("utf-8").splitlines():
        if not line or line.startswith("#") or line.startswith("name\t"):
            continue
        name, entry_id, kind, codes = line.split("\t")
        if entry_id != current:  # rows of one entry are together; the first has kind and codes
            if names:
                book._add(entry, names)
            current, entry, names = entry_id, _Entry(name, kind, codes), []
        names.append(name)
    if names:
        book._add(entry, names)
    book.agents = read_agents(_data_text(AGENTS_FILE))
    return book


def _user_date(text: str, path: Path, n: int) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise DictionaryError(f"{path}:{n}: not a date (YYYY-MM-DD): {text!r}") from None


def _read_user_tsv(text: str, path: Path, book: ActorDictionary) -> None:
    """``name  country  sector  role  from  until`` rows; one row per role of a name."""
    from ..ontology import NONSTATE_CODES, SECTORS

    rows: dict[str, list[_Role]] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")] + [""] * 6
        if n == 1 and cells[0].lower() == "name":
            continue
        name, country_cell, sector_cell, role, since, until = cells[:6]
        country, sector = country_cell.upper() or None, sector_cell.upper() or None
        if country and not (len(country) == 3 and country.isalpha()) \
                and country not in NONSTATE_CODES:
            raise DictionaryError(f"{path}:{n}: country must be ISO alpha-3: {country!r}")
        if sector and sector not in SECTORS:
            raise DictionaryError(f"{path}:{n}: not a PLOVER sector: {sector!r}")
        key = name_key(name)
        if not key:
            raise DictionaryError(f"{path}:{n}: no name")
        rows.setdefault(key, []).append(_Role(
            country, sector, (), role or None, None, _user_date(since, path, n),
            _user_date(until, path, n), "user"))
    for key, roles in rows.items():
        book.add_user([key], "person" if any(r.role for r in roles) or " " in key
                      else "organization", roles)


def load_user_actors(path: str | Path, base: ActorDictionary | None = None) -> ActorDictionary:
    """The shipped dictionary (or ``base``) with the entries of a user file added.

    The file is either in the Phoenix/PETRARCH actor format (recognised by its ``+`` synonym
    lines, ``[CODE]`` brackets or ``.actors``/``.txt`` name) or a TSV with the columns
    ``name  country  sector  role  from  until`` (ISO alpha-3, PLOVER sector, free text,
    YYYY-MM-DD, YYYY-MM-DD; empty cells allowed; an optional header row; one row per role).
    A user entry takes over any shipped entry that shares one of its name forms: its roles
    are tried first, the shipped ones after.
    """
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as exc:
        raise DictionaryError(f"{path}: {exc.strerror or exc}") from exc
    book = (base or shipped()).copy()
    tsv_like = all("\t" in ln for ln in text.splitlines()[:20] if ln.strip()
                   and not ln.startswith("#"))
    if tsv_like and "[" not in text:
        _read_user_tsv(text, path, book)
        return book
    for entry in parse_phoenix(io.StringIO(text)):
        compact = " ".join(c.compact() for c in entry.codes)
        # a bare three-letter code is a state, the user's own ones too ("ARNOR_ [ARN]")
        bare = entry.codes and all(len(c.code) == 3 and not c.since and not c.until
                                   and read_code(c.code, lenient=True)[1] is None
                                   and read_code(c.code, lenient=True)[0] for c in entry.codes)
        book.add_user(list(entry.names), "country" if bare else entry.kind, codes=compact)
    return book


@cache
def _load_cached(path: str) -> ActorDictionary:
    return load_user_actors(path)


def resolve_dictionary(dictionary: ActorDictionary | str | Path | None) -> ActorDictionary:
    """An ``ActorDictionary`` from what a caller passes: None (shipped), a path, or one."""
    if dictionary is None:
        return shipped()
    if isinstance(dictionary, ActorDictionary):
        return dictionary
    return _load_cached(str(Path(dictionary).resolve()))


def lookup(name: str, on: date | None = None) -> DictEntry | None:
    """The shipped dictionary's entry for ``name`` on ``on`` (see ``ActorDictionary.lookup``)."""
    return shipped().lookup(name, on)


def agent(noun: str) -> str | None:
    """The PLOVER sector of a generic agent noun in the shipped dictionary."""
    return shipped().agent(noun)


# --- the actor stage's use ----------------------------------------------------------------------
class Draft(Protocol):
    """What ``fill_from_dictionary`` reads and sets on an actor being built."""

    key: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    other_sectors: tuple[str, ...]
    role: str | None
    cameo: str | None
    mentions: dict[tuple[int, int], str]
    inferred: bool


def _said_former(doc: Doc, starts: Iterable[int]) -> bool:
    """'former' (or 'ex-') within the three words before a mention."""
    by_char = {t.idx: t.i for t in doc}
    for start in starts:
        i = by_char.get(start)
        if i is None:
            continue
        for t in doc[max(0, i - 4):i]:
            if t.lower_.strip("-") in FORMER_WORDS or t.lower_.startswith("ex-"):
                return True
    return False


def fill_from_dictionary(drafts: Iterable[Draft], doc: Doc, published: date | None,
                         dictionary: ActorDictionary | str | Path | None = None) -> set[str]:
    """People and organisations the text left without a country, completed from the dictionary.

    Only drafts with no country, or one merely inferred, are touched; a sector or role the
    text gave is kept. The entry is the one valid on the publication date; when the text says
    "former" before a mention, a state sector becomes ELI. Returns the keys it completed.
    """
    book = resolve_dictionary(dictionary)
    done: set[str] = set()
    drafts = list(drafts)
    for d in drafts:
        unmatch_partial_name(d)
    # the states the text names: an elite of no dated office ("GBRELI") is taken only for an
    # article that names its state (a common name is as likely someone else's)
    named = {d.country for d in drafts if d.country and not d.inferred}
    for d in drafts:
        if d.kind not in ("person", "organization") or (d.country and not d.inferred):
            continue
        kinds = ("person",) if d.kind == "person" else ("organization", "group")
        forms = sorted({d.name, *d.mentions.values()}, key=len, reverse=True)
        entry = next((e for f in forms if (e := book.lookup(f, published, kinds))), None)
        if entry is None or entry.country is None:
            continue
        if entry.sector == "ELI" and entry.since is None and entry.until is None \
                and entry.country not in named and entry.source == "phoenix":
            continue
        d.country, d.inferred = entry.country, False
        if d.sector is None:
            former = entry.former or _said_former(doc, (s for s, _ in d.mentions))
            d.sector = "ELI" if former and entry.sector in STATE_SECTORS else entry.sector
            d.other_sectors = () if former else entry.other_sectors
        done.add(d.key)
    return done


# words a mention may carry before an organisation's name without naming another body
LEADING_WORDS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our"})


def _partial_prefix(text: str, org_key: str) -> list[str] | None:
    """The capitalised words a mention puts right before the part of it that names the known
    body ``org_key`` ("the Liberal Democrats" -> ["Liberal"] for the Democratic Party; "Rights
    watchdog Amnesty International" -> []), or None when no part of it names that
    body (a pronoun, "the party")."""
    from ..lexicon import lexicon, name_modifier

    lex = lexicon()
    words = [w for w in re.split(r"\s+", text.strip(" ,;:()\"“”")) if w]
    while words and words[0].lower() in LEADING_WORDS:
        words = words[1:]
    for i in range(len(words)):
        org = lex.organisation(" ".join(words[i:]))
        if org is not None and org.name.lower() == org_key:
            j = i  # the proper words right before the name ("rights organization X": none),
            # short of one that describes the body or names another ("UN World Food Program")
            while j > 0 and words[j - 1][:1].isupper() and not name_modifier(words[j - 1]) \
                    and lex.organisation(words[j - 1]) is None:
                j -= 1
            return words[j:i]
    return None


def unmatch_partial_name(d: Draft) -> bool:
    """A known body matched on a word another name shares ("the Liberal Democrats" is no
    "Democrats", the US Democratic Party): when every mention that names the body puts another
    proper word before it, and that word is not the body's own country ("US Democrats"), the
    draft is that other body: it takes the whole name and loses the known body's country,
    CAMEO code and role (the dictionary, then the context, may place it). True when changed."""
    from ..lexicon import lexicon

    if not d.key.startswith("org:") or d.kind not in ("organization", "group"):
        return False
    lex = lexicon()
    org_key = d.key[4:]
    prefixes = [(text, p) for text in d.mentions.values()
                if (p := _partial_prefix(text, org_key)) is not None]
    if not prefixes or any(not p or all(lex.country_code(w) == d.country for w in p)
                           for _, p in prefixes):
        return False  # the body named on its own, or with its own country's name
    whole = max((text for text, _ in prefixes), key=len)
    words = [w for w in whole.strip(" ,;:()\"“”").split() if w]
    while words and words[0].lower() in LEADING_WORDS:
        words = words[1:]
    d.name = " ".join(words)
    d.country, d.inferred, d.cameo, d.role = None, False, None, None
    return True


class Reader(Protocol):
    """What ``add_user_actors`` uses of the actor stage's reader."""

    doc: Doc
    drafts: dict[str, Any]
    token_owner: dict[int, str]

    def draft(self, key: str, name: str, kind: str) -> Any: ...

    def mention(self, d: Any, start_tok: int, end_tok: int, head: Token) -> None: ...


def add_user_actors(reader: Reader, published: date | None,
                    dictionary: ActorDictionary | str | Path | None) -> set[str]:
    """Actors only a user's file knows: its name forms found in the text that no actor holds.

    A dictionary that defines its own actors ("ARNOR_ [ARN]") means them to be found as
    PETRARCH finds them, by their names, whatever the named-entity model made of them. The
    longest name form wins; it must start with a capital and hold no token another actor
    holds; a state's name inside a countryless group or body ("the ambassadors of Arnor")
    gives it that state. The shipped dictionary does not add actors (the reader finds real ones). Returns
    the keys of the actors made.
    """
    if dictionary is None:
        return set()
    book = resolve_dictionary(dictionary)
    if not book.user_names:
        return set()
    doc, done = reader.doc, set()
    longest = max((n.count(" ") + 1 for n in book.user_names), default=0)
    i = 0
    while i < len(doc):
        step = 1
        if doc[i].text[:1].isupper():
            for n in range(min(longest, MAX_NAME_TOKENS, len(doc) - i), 0, -1):
                span = doc[i:i + n]
                key = name_key(span.text)
                if key not in book.user_names:
                    continue
                entry = book.lookup(span.text, published)
                if entry is None or (entry.country is None and entry.sector is None):
                    continue
                owners = {reader.token_owner.get(t.i) for t in span} - {None}
                if owners:  # inside another actor: "the ambassadors of Arnor" are Arnor's
                    holder = reader.drafts.get(owners.pop() or "") if len(owners) == 1 else None
                    if holder is not None and holder.country is None and entry.kind == "country" \
                            and holder.kind in ("group", "organization"):
                        holder.country = entry.country
                        done.add(holder.key)
                    continue
                kind = entry.kind if entry.kind in KINDS else "organization"
                d = reader.draft(f"country:{entry.country}" if kind == "country"
                                 else f"user:{entry.name}", span.text, kind)
                if d.country is None:
                    d.country, d.sector, d.other_sectors = \
                        entry.country, entry.sector, entry.other_sectors
                reader.mention(d, span.start, span.end, span.root)
                done.add(d.key)
                step = n
                break
        i += step
    return done
