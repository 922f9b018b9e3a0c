"""The BBC politics database and the random sample of its stories that eval/stories/ judges.

Two steps (issue 15, part 1):

``articles``: the 417 politics articles of ``../shared/data/bbc_news/articles.jsonl`` as an
eventwire JSONL input. The BBC set carries no dates, so each article gets a deterministic
publication date spread over three months: 2005-01-01 plus (the first 8 bytes of the SHA-256
of its id, as an integer) modulo 91 days. Every article's ``source`` is ``bbc``.

``ag-articles``: the 1,900 AG News World items (``../shared/data/ag_news_world``), all
published on one day (2004-11-15), their ``source`` read from an "AFP - " style prefix: a
stress test of precision, since every pair of reports then passes the publication-date
window and only the rules on identities, dates the text states and evidence keep them apart.

``sample``: from a database built with ``eventwire extract --db`` on that input, a random
sample (seed 15) of the stories with more than one report, written as TSV with the story id
and its reports (article id, event id, type); the verdicts are kept beside it, one line a
story. ``show`` prints a sampled story's reports with their evidence sentences, to judge it
(the texts stay in the database: the BBC's licence forbids republishing them).

    .venv/bin/python scripts/build_story_sample.py articles /tmp/stories/bbc_politics.jsonl
    .venv/bin/eventwire extract /tmp/stories/bbc_politics.jsonl --db /tmp/stories/bbc_politics.duckdb -q
    .venv/bin/python scripts/build_story_sample.py sample /tmp/stories/bbc_politics.duckdb eval/stories/sample.tsv
    .venv/bin/python scripts/build_story_sample.py show /tmp/stories/bbc_politics.duckdb eval/stories/sample.tsv
    .venv/bin/python scripts/build_story_sample.py purity eval/stories/sample.tsv eval/stories/verdicts.tsv
    .venv/bin/python scripts/build_story_sample.py copies /tmp/stories/bbc_politics.duckdb
    .venv/bin/python scripts/build_story_sample.py reworded /tmp/stories/bbc_politics.duckdb
    .venv/bin/python scripts/build_story_sample.py ag-articles /tmp/stories/ag.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BBC = ROOT.parent / "shared" / "data" / "bbc_news" / "articles.jsonl"
AG = ROOT.parent / "shared" / "data" / "ag_news_world" / "items.jsonl"
AG_DAY = date(2004, 11, 15)
_AG_SOURCE = re.compile(r"\s*([A-Z][A-Za-z. ]{1,30}?) - ")
FIRST_DAY = date(2005, 1, 1)
SPAN_DAYS = 91  # three months
SEED = 15
SAMPLE_SIZE = 60


def published(article_id: str) -> date:
    """The deterministic publication date of a BBC article: a hash of its id over 91 days."""
    digest = hashlib.sha256(article_id.encode("utf-8")).digest()
    return FIRST_DAY + timedelta(days=int.from_bytes(digest[:8], "big") % SPAN_DAYS)


def write_articles(out: Path, topic: str = "politics") -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with open(BBC, encoding="utf-8") as src, open(out, "w", encoding="utf-8") as dst:
        for line in src:
            record = json.loads(line)
            if record["topic"] != topic:
                continue
            dst.write(json.dumps({"id": record["id"], "title": record["title"],
                                  "text": record["text"], "source": "bbc",
                                  "published": published(record["id"]).isoformat()}) + "\n")
            n += 1
    return n


def write_ag_articles(out: Path) -> int:
    out.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with open(AG, encoding="utf-8") as src, open(out, "w", encoding="utf-8") as dst:
        for line in src:
            record = json.loads(line)
            prefix = _AG_SOURCE.match(record["text"])
            dst.write(json.dumps({"id": record["id"], "title": record["title"],
                                  "text": record["text"], "published": AG_DAY.isoformat(),
                                  "source": prefix.group(1) if prefix else None}) + "\n")
            n += 1
    return n


def _multi_report_stories(db: Path) -> list[tuple[str, list[tuple[str, str, str]]]]:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute(
        """SELECT r.story_id, r.article_id, r.event_id, e.type
           FROM story_reports r JOIN events e USING (article_id, event_id)
           WHERE r.story_id IN (SELECT story_id FROM story_reports GROUP BY story_id
                                HAVING count(*) > 1)
           ORDER BY r.story_id, r.article_id, r.event_id""").fetchall()
    con.close()
    stories: dict[str, list[tuple[str, str, str]]] = {}
    for sid, aid, eid, etype in rows:
        stories.setdefault(sid, []).append((aid, eid, etype))
    return sorted(stories.items())


def write_sample(db: Path, out: Path) -> int:
    stories = _multi_report_stories(db)
    chosen = random.Random(SEED).sample(stories, min(SAMPLE_SIZE, len(stories)))
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as handle:
        handle.write("story_id\tn_reports\treports\n")
        for sid, reports in chosen:
            handle.write(f"{sid}\t{len(reports)}\t"
                         + " ".join(f"{a}#{e}#{t}" for a, e, t in reports) + "\n")
    print(f"{len(stories)} stories with more than one report; sampled {len(chosen)}",
          file=sys.stderr)
    return len(chosen)


def show(db: Path, sample: Path) -> None:
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    for n, line in enumerate(sample.read_text(encoding="utf-8").splitlines()[1:], 1):
        sid, _, reports = line.split("\t")
        print(f"=== {n} {sid}")
        for item in reports.split():
            aid, eid, etype = item.split("#")
            row = con.execute(
                """SELECT a.published, e.date, e.mode, e.modality, e.evidence_text,
                          (SELECT list(x.name) FROM actors x WHERE x.article_id = e.article_id
                           AND list_contains(e.source, x.actor_id)),
                          (SELECT list(x.name) FROM actors x WHERE x.article_id = e.article_id
                           AND list_contains(e.target, x.actor_id))
                   FROM events e JOIN articles a ON a.id = e.article_id
                   WHERE e.article_id = ? AND e.event_id = ?""", [aid, eid]).fetchone()
            print(f"  {aid} {etype} {row}")
    con.close()


def purity(sample: Path, verdicts: Path) -> float:
    sampled = [line.split("\t")[0] for line in sample.read_text(encoding="utf-8").splitlines()[1:]]
    judged = {}
    for line in verdicts.read_text(encoding="utf-8").splitlines()[1:]:
        sid, verdict, _reason = line.split("\t")
        judged[sid] = verdict
    missing = [s for s in sampled if s not in judged]
    if missing:
        raise SystemExit(f"{len(missing)} sampled stories have no verdict")
    pure = sum(judged[s] == "one_event" for s in sampled)
    print(f"purity {pure}/{len(sampled)} = {pure / len(sampled):.3f}")
    return pure / len(sampled)


def copies(db: Path) -> tuple[int, int]:
    """Events of the BBC set's byte-identical copies (``duplicate_groups.tsv``) that share the
    story of the same event (same offset and type) in the kept article."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    groups = [line.split("\t") for line in (BBC.parent / "duplicate_groups.tsv").read_text(
        encoding="utf-8").splitlines()[1:]]
    joined = total = 0
    sql = "SELECT evidence_start, type, story_id FROM events WHERE article_id = ?"
    for keep, *dupes in groups:
        kept = {(r[0], r[1]): r[2] for r in con.execute(sql, [keep.strip()]).fetchall()}
        for dupe in dupes:
            for start, etype, story in con.execute(sql, [dupe.strip()]).fetchall():
                if (start, etype) in kept:
                    total += 1
                    joined += kept[(start, etype)] == story
    con.close()
    print(f"copies joined {joined}/{total}")
    return joined, total


def reworded(db: Path) -> tuple[int, int]:
    """In pairs of articles sharing two or more stories (versions of one article), events of
    one type and modality whose sentences differ a little (word Jaccard 0.5 to 1): how many
    share a story."""
    import duckdb

    con = duckdb.connect(str(db), read_only=True)
    pairs = con.execute(
        """SELECT a.article_id, b.article_id FROM story_reports a JOIN story_reports b
           ON a.story_id = b.story_id AND a.article_id < b.article_id
           GROUP BY 1, 2 HAVING count(*) >= 2""").fetchall()
    sql = "SELECT type, modality, evidence_text, story_id FROM events WHERE article_id = ?"

    def words(text: str) -> set[str]:
        return set(re.findall(r"[a-z]+", text.lower()))

    joined = total = 0
    for x, y in pairs:
        theirs = con.execute(sql, [y]).fetchall()
        for etype, modality, text, story in con.execute(sql, [x]).fetchall():
            near = [(len(words(text) & words(t)) / len(words(text) | words(t)), s)
                    for ty, m, t, s in theirs if (ty, m) == (etype, modality)]
            best = max(near, key=lambda pair: pair[0], default=None)
            if best is not None and 0.5 <= best[0] < 1.0:
                total += 1
                joined += best[1] == story
    con.close()
    print(f"{len(pairs)} article pairs; reworded sentences joined {joined}/{total}")
    return joined, total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="step", required=True)
    p = sub.add_parser("articles")
    p.add_argument("out", type=Path)
    p = sub.add_parser("ag-articles")
    p.add_argument("out", type=Path)
    p = sub.add_parser("sample")
    p.add_argument("db", type=Path)
    p.add_argument("out", type=Path)
    p = sub.add_parser("show")
    p.add_argument("db", type=Path)
    p.add_argument("sample", type=Path)
    for name in ("copies", "reworded"):
        p = sub.add_parser(name)
        p.add_argument("db", type=Path)
    p = sub.add_parser("purity")
    p.add_argument("sample", type=Path)
    p.add_argument("verdicts", type=Path)
    args = parser.parse_args(argv)
    if args.step == "articles":
        print(f"{write_articles(args.out)} articles", file=sys.stderr)
    elif args.step == "ag-articles":
        print(f"{write_ag_articles(args.out)} articles", file=sys.stderr)
    elif args.step == "sample":
        write_sample(args.db, args.out)
    elif args.step == "show":
        show(args.db, args.sample)
    elif args.step == "copies":
        copies(args.db)
    elif args.step == "reworded":
        reworded(args.db)
    else:
        purity(args.sample, args.verdicts)
    return 0


if __name__ == "__main__":
    sys.exit(main())
