"""How many people of a database go by more than one key, or more than one country (issue 15).

Reads the stored people through the store (``eventwire.store.registry_rows.people_keys``: the
key is the stored ``actor_key`` where the database has one, else the key the API computes
from the name and country). A person is a full name (two words or more once honorifics such
as "Mr" or "Sir" are dropped) that is not an office ("Prime Minister", "British Health
Minister", "Shadow Secretary"); a short form ("Mr Blair", "Blair") counts for the full name with that surname
when the database has exactly one, or one that has more rows than all the others together
(so a "Mr Blair" left unresolved still counts against Tony Blair). Countries are the
non-null countries of the person's rows; ``text_countries`` those the text itself stated.

    .venv/bin/python scripts/actor_keys.py bbc400.duckdb [--show 20] [--json]

A database of an older schema (one built before actor keys were stored) is read as it is, its
keys computed from the name and country as the API of that release did.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from typing import Any

from eventwire.errors import StoreError
from eventwire.lexicon import lexicon
from eventwire.registry import person_key
from eventwire.store import Store
from eventwire.store.registry_rows import people_keys


def _office(words: list[str], titles: Any) -> bool:
    """A name that is an office: it ends in a title ("British Health Minister"), or is the
    opposition's ("Shadow Secretary")."""
    return words[0] == "shadow" or any(" ".join(words[i:]) in titles for i in range(len(words)))


def count(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """The people of ``rows`` (``people_keys``) and those with several keys or countries."""
    titles = lexicon().titles
    full: dict[str, list[dict[str, Any]]] = defaultdict(list)
    short: list[tuple[str, dict[str, Any]]] = []
    for row in rows:
        words = person_key(row["name"] or "").split()
        if not words or _office(words, titles):
            continue
        if len(words) > 1:
            full[" ".join(words)].append(row)
        else:
            short.append((words[0], row))
    by_surname: dict[str, list[str]] = defaultdict(list)
    for name in full:
        by_surname[name.split()[-1]].append(name)
    unresolved = 0
    for surname, row in short:
        names = sorted(by_surname.get(surname, ()), key=lambda n: -len(full[n]))
        if len(names) == 1 or (names and len(full[names[0]]) > sum(len(full[n])
                                                                    for n in names[1:])):
            full[names[0]].append(row)
        else:
            unresolved += 1
    people = []
    for name, its in sorted(full.items()):
        keys = Counter(r["key"] for r in its)
        countries = Counter(r["country"] for r in its if r["country"])
        stated = {r["country"] for r in its if r["country"] and r["country_source"] == "text"}
        people.append({"person": name, "rows": len(its),
                       "articles": len({r["article_id"] for r in its}),
                       "keys": dict(keys.most_common()), "countries": dict(countries.most_common()),
                       "text_countries": sorted(stated)})
    several_keys = [p for p in people if len(p["keys"]) > 1]
    several_countries = [p for p in people if len(p["countries"]) > 1]
    return {
        "people": len(people),
        "people_in_several_articles": sum(p["articles"] > 1 for p in people),
        "several_keys": len(several_keys),
        "several_countries": len(several_countries),
        "several_countries_not_all_from_text": sum(
            not set(p["countries"]) <= set(p["text_countries"]) for p in several_countries),
        "short_forms_unresolved": unresolved,
        "worst": sorted(several_keys, key=lambda p: (-len(p["keys"]), -p["rows"])),
        "worst_countries": sorted(several_countries,
                                  key=lambda p: (-len(p["countries"]), -p["rows"])),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", help="an eventwire DuckDB database")
    parser.add_argument("--show", type=int, default=15, help="people with several keys to list")
    parser.add_argument("--json", action="store_true", help="the whole result as JSON")
    args = parser.parse_args(argv)
    try:
        with Store(args.db, read_only=True) as store:
            rows = people_keys(store.con)
    except StoreError:  # an older schema (a database built before this release): read as is
        import duckdb

        con = duckdb.connect(args.db, read_only=True)
        rows = people_keys(con)
        con.close()
    result = count(rows)
    if args.json:
        print(json.dumps(result, indent=1, ensure_ascii=False))
        return 0
    for k, v in result.items():
        if not k.startswith("worst"):
            print(f"{k}: {v}")
    for title, worst in (("several keys", "worst"), ("several countries", "worst_countries")):
        print(f"{title}:")
        for p in result[worst][:args.show]:
            print(f"  {p['person']} ({p['articles']} articles): keys {p['keys']} "
                  f"countries {p['countries']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
