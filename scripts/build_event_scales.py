"""Write the two event scales the store's research columns read:

- ``eventwire/data/goldstein.tsv``: CAMEO event code -> Goldstein conflict-cooperation weight
  (-10..+10). Source: ``shared/data/cameo/goldstein.tsv`` (312 codes), from
  github.com/andybega/icews @ 3746c72, ``data-raw/cameo-codes.csv`` (MIT, (c) 2022 Andreas
  Beger), whose upstream is the ICEWS/CAMEO 1.1b3 codebook.
- ``eventwire/data/plover_intensity.tsv``: PLOVER type and mode -> intensity score (the
  manual's conflict-cooperation score table, -10..+10; blank mode = the type's own score).
  Source: ``shared/data/plover/scores.tsv``, from the PLOVER manual (openeventdata/PLOVER @
  5e0c24f, CC BY-SA 4.0, Open Event Data Alliance); the derived file carries the same licence.
  One correction, named in the file: the manual scores ACCUSE (type level) +3 while all its
  modes score -2 to -3.5; the shared data's README calls it a sign typo, and -3 is written.

Codes stay text ("030", never 30).

    python scripts/build_event_scales.py [CAMEO_DIR PLOVER_DIR [OUT_DIR]]
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
DATA = ROOT / "eventwire" / "data"

GOLDSTEIN_HEADER = (
    "# Goldstein conflict-cooperation weights of CAMEO 1.1b3 event codes, from andybega/icews @ "
    "3746c72 data-raw/cameo-codes.csv (MIT, (c) 2022 Andreas Beger); written by "
    "scripts/build_event_scales.py\n")
INTENSITY_HEADER = (
    "# PLOVER intensity (conflict-cooperation score) by event type and mode (blank: the type's "
    "score), from the PLOVER manual, openeventdata/PLOVER @ 5e0c24f (CC BY-SA 4.0, Open Event "
    "Data Alliance; this file carries the same licence); written by scripts/build_event_scales.py\n"
    "# correction: ACCUSE's type-level score is +3 in the manual's table, a sign typo (its modes "
    "score -2 to -3.5); written as -3\n")
CORRECTIONS = {("ACCUSE", ""): ("3", "-3")}  # (type, mode): (manual's value, written value)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def _number(text: str) -> str:
    value = float(text)
    if not -10 <= value <= 10:
        raise SystemExit(f"score out of -10..10: {text}")
    return f"{value:g}"


def main(cameo: Path = SHARED / "cameo", plover: Path = SHARED / "plover", out: Path = DATA) -> int:
    goldstein = [(r["code"].strip(), _number(r["goldstein"])) for r in _rows(cameo / "goldstein.tsv")]
    codes = [c for c, _ in goldstein]
    if len(set(codes)) != len(codes) or not all(c.isdigit() and 2 <= len(c) <= 4 for c in codes):
        raise SystemExit("goldstein codes must be unique strings of 2-4 digits")
    with (out / "goldstein.tsv").open("w", encoding="utf-8", newline="") as fh:
        fh.write(GOLDSTEIN_HEADER + "code\tgoldstein\n")
        fh.writelines(f"{c}\t{v}\n" for c, v in sorted(goldstein))
    intensity = []
    for r in _rows(plover / "scores.tsv"):
        key = (r["type"].strip(), (r["mode"] or "").strip())
        value = r["plover_score"].strip()
        if key in CORRECTIONS:
            manual, written = CORRECTIONS[key]
            if value != manual:
                raise SystemExit(f"{key}: expected the manual's {manual}, found {value}")
            value = written
        intensity.append((*key, _number(value)))
    if len({(t, m) for t, m, _ in intensity}) != len(intensity):
        raise SystemExit("scores.tsv: a type and mode twice")
    with (out / "plover_intensity.tsv").open("w", encoding="utf-8", newline="") as fh:
        fh.write(INTENSITY_HEADER + "type\tmode\tintensity\n")
        fh.writelines(f"{t}\t{m}\t{v}\n" for t, m, v in sorted(intensity))
    print(f"eventwire/data/goldstein.tsv: {len(goldstein)} codes; "
          f"eventwire/data/plover_intensity.tsv: {len(intensity)} types and modes")
    return 0


if __name__ == "__main__":
    sys.exit(main(*(Path(p) for p in sys.argv[1:4])))
