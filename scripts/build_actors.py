"""Build eventwire/data/actors_dictionary.tsv.gz and agents_dictionary.tsv from Phoenix.

    .venv/bin/python scripts/build_actors.py [DIR]

DIR (default ``../shared/data/cameo/phoenix_dictionaries``) holds the Phoenix/PETRARCH
dictionaries of the Open Event Data Alliance (MIT licence; ``eventwire/data/LICENSE.phoenix``):
``Phoenix.Countries.actors.txt`` (states and their office holders, with dated roles),
``Phoenix.International.actors.txt`` (IGOs, NGOs, multinationals and their officials),
``Phoenix.MilNonState.actors.txt`` (non-state armed groups) and ``Phoenix.agents.txt`` (generic
agent nouns). Nothing is added by hand: the files say what they say.

``actors_dictionary.tsv.gz`` has one row per name form, grouped by entry::

    name  entry  kind  codes

``name`` is the form folded for look-up (``eventwire.actors.dictionary.phoenix_name``), ``entry``
the entry's first form (``#2``... when two entries begin alike), ``kind`` person, organization,
group or country, and ``codes`` the entry's CAMEO codes with their date bounds
(``USAELI>19780101<20000101 USAGOV>20090120``; YYMMDD read as PETRARCH does), on the entry's
first row only. CAMEO codes are kept: ``eventwire/data/cameo_actor_codes.tsv`` and
``countries.tsv`` read them when loaded, so a user file in the Phoenix format is read the
same way. ``agents_dictionary.tsv`` has ``noun  code  sector``: substitution sets
(``!PERSON!``) and irregular plurals (``{...}``) expanded, regular plurals left to the look-up.
The gzip header carries no time, so a rebuild from the same files gives the same bytes.
"""

from __future__ import annotations

import gzip
import re
import sys
from pathlib import Path

from eventwire.actors.dictionary import (
    ACTORS_FILE,
    AGENTS_FILE,
    PhoenixEntry,
    code_tables,
    parse_phoenix,
    phoenix_name,
    read_code,
)

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "eventwire" / "data"
DEFAULT_DIR = ROOT.parent / "shared" / "data" / "cameo" / "phoenix_dictionaries"
SOURCES = (  # file, default kind of its entries
    ("Phoenix.Countries.actors.txt", "organization"),
    ("Phoenix.International.actors.txt", "organization"),
    ("Phoenix.MilNonState.actors.txt", "group"),
)
AGENTS = "Phoenix.agents.txt"


def read_lines(path: Path) -> list[str]:
    """Lines of a dictionary file: UTF-8, or Latin-1 where a line is not (Countries is mixed)."""
    out = []
    for raw in path.read_bytes().splitlines():
        try:
            out.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            out.append(raw.decode("latin-1"))
    return out


def actor_rows(directory: Path) -> tuple[list[str], dict[str, int]]:
    """The rows of actors_dictionary.tsv.gz and the count of codes no table reads."""
    states = frozenset(code_tables().states)
    rows: list[str] = []
    seen: dict[str, int] = {}
    unread: dict[str, int] = {}
    for name, kind in SOURCES:
        entries: list[PhoenixEntry] = parse_phoenix(read_lines(directory / name), kind, states)
        for e in entries:
            if not e.codes:
                continue  # a name with no code codes nothing
            for c in e.codes:
                country, sector, _ = read_code(c.code)
                if country is None and sector is None:
                    unread[c.code] = unread.get(c.code, 0) + 1
            first = e.names[0]
            seen[first] = seen.get(first, 0) + 1
            entry_id = first if seen[first] == 1 else f"{first}#{seen[first]}"
            codes = " ".join(dict.fromkeys(c.compact() for c in e.codes))
            rows.append(f"{first}\t{entry_id}\t{e.kind}\t{codes}")
            rows.extend(f"{n}\t{entry_id}\t\t" for n in e.names[1:])
    return rows, unread


def agent_rows(directory: Path) -> list[str]:
    """``noun  code  sector`` rows of the agents file, first spelling of a noun wins."""
    subst: dict[str, list[str]] = {}
    out: dict[str, tuple[str, str]] = {}
    for line in read_lines(directory / AGENTS):
        body = line.partition("#")[0].strip()
        if not body:
            continue
        if "=" in body and body.startswith("!"):  # !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
            marker, _, words = body.partition("=")
            subst[marker.strip().strip("!")] = [w.strip() for w in words.split(",") if w.strip()]
            continue
        m = re.match(r"(?P<noun>[^\[{]*)(?:\{(?P<plural>[^}]*)\})?\s*\[(?P<code>[^\]}]*)[\]}]", body)
        if not m:
            continue
        code = m["code"].strip()
        _, sector, _ = read_code(code.replace("~", "")) if code.startswith("~") else (None, None, ())
        forms = [m["noun"]] + ([m["plural"]] if m["plural"] else [])
        for form in forms:
            found = re.search(r"!(\w+)!", form)
            variants = [form[:found.start()] + w + form[found.end():] for w in subst.get(found[1], [])] \
                if found else [form]
            for v in variants:
                noun = phoenix_name(v)
                if noun:
                    out.setdefault(noun, (code, sector or ""))
    return [f"{n}\t{c}\t{s}" for n, (c, s) in out.items()]


def main(argv: list[str]) -> int:
    directory = Path(argv[1]) if len(argv) > 1 else DEFAULT_DIR
    if not (directory / SOURCES[0][0]).exists():
        print(f"build_actors: no Phoenix dictionaries in {directory}", file=sys.stderr)
        return 2
    rows, unread = actor_rows(directory)
    header = ("# Phoenix/PETRARCH actor dictionaries (Open Event Data Alliance, MIT licence: "
              "LICENSE.phoenix),\n# converted by scripts/build_actors.py; one row per name form.\n"
              "name\tentry\tkind\tcodes\n")
    text = header + "\n".join(rows) + "\n"
    with open(DATA / ACTORS_FILE, "wb") as fh, \
            gzip.GzipFile(filename="", mode="wb", fileobj=fh, mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))
    agents = agent_rows(directory)
    (DATA / AGENTS_FILE).write_text(
        "# Phoenix.agents.txt (Open Event Data Alliance, MIT licence: LICENSE.phoenix), converted\n"
        "# by scripts/build_actors.py: generic agent nouns, their CAMEO agent code and PLOVER sector\n"
        "# (through cameo_actor_codes.tsv; empty when the code names no sector, e.g. [IGO~]).\n"
        "noun\tcode\tsector\n" + "\n".join(agents) + "\n", encoding="utf-8")
    entries = sum(1 for r in rows if r.split("\t")[2])
    print(f"{entries} entries, {len(rows)} name forms -> {DATA / ACTORS_FILE}; "
          f"{len(agents)} agent nouns -> {DATA / AGENTS_FILE}")
    if unread:
        top = ", ".join(f"{c} ({n})" for c, n in sorted(unread.items(), key=lambda x: -x[1])[:15])
        print(f"{len(unread)} codes read as neither a country nor a sector: {top}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
