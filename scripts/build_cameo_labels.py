"""Write ``eventwire/data/cameo_event_labels.tsv``: CAMEO event codes and their short names.

Source: ``shared/data/cameo/event_codes.tsv`` (312 codes, CAMEO 1.1b3 names), itself from
github.com/andybega/icews @ 3746c72, ``data-raw/cameo-codes.csv`` (MIT, (c) 2022 Andreas Beger),
with its mojibake repaired. Only the short names are kept; the CAMEO manual's long
descriptions (CC BY-NC-SA) are not redistributed.

    python scripts/build_cameo_labels.py [SOURCE_TSV]
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "data" / "cameo" / "event_codes.tsv"
TARGET = ROOT / "eventwire" / "data" / "cameo_event_labels.tsv"
HEADER = ("# CAMEO 1.1b3 event code names, from andybega/icews @ 3746c72 data-raw/cameo-codes.csv "
          "(MIT, (c) 2022 Andreas Beger); written by scripts/build_cameo_labels.py\n")


def main(source: Path = SOURCE) -> int:
    with source.open(encoding="utf-8", newline="") as fh:
        rows = [(r["code"].strip(), " ".join(r["name"].split()))
                for r in csv.DictReader(fh, delimiter="\t")]
    codes = [code for code, _ in rows]
    if len(set(codes)) != len(codes) or not all(c.isdigit() and 2 <= len(c) <= 4 for c in codes):
        raise SystemExit(f"{source}: codes must be unique strings of 2-4 digits")
    with TARGET.open("w", encoding="utf-8", newline="") as fh:
        fh.write(HEADER)
        fh.write("code\tname\n")
        for code, name in sorted(rows):
            fh.write(f"{code}\t{name}\n")
    print(f"{TARGET.relative_to(ROOT)}: {len(rows)} codes")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE))
