#!/usr/bin/env python3
"""Development check on real conflict-monitor reporting: the UCDP GED sample's source
headlines (../shared/data/ucdp, read from there, never copied), coded by `rung code`.

Every row is a real fatal event of the Russia-Ukraine war as UCDP coded it, so each
headline should give at least one material-conflict event (quad class 4, CAMEO roots
18-20) whose actors are Russian or Ukrainian. This is a recall check with a sanity check on
the actors, not a gold standard: UCDP does not say who acted in each headline.

usage: bench/ucdp_dev.py RUNG_BINARY [--show-misses N]
"""
import collections
import csv
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CSV = ROOT.parent / "shared" / "data" / "ucdp" / "ucdp_ged_sample.csv"


def iso(d):
    """UCDP source_date is dd/mm/yyyy (sometimes with a time)."""
    try:
        dd, mm, yy = d.split()[0].split("/")[:3]
        return f"{int(yy):04d}-{int(mm):02d}-{int(dd):02d}"
    except (ValueError, IndexError):
        return None


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    rung = sys.argv[1]
    show = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[2] == "--show-misses" else 0
    if not CSV.exists():
        print(f"skipped: {CSV} not found")
        return 0
    rows = list(csv.DictReader(CSV.open(encoding="utf-8")))
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for r in rows:
            doc = {"id": r["id"], "text": r["source_headline"]}
            if iso(r["source_date"]):
                doc["date"] = iso(r["source_date"])
            f.write(json.dumps(doc) + "\n")
        path = f.name
    out = subprocess.run([rung, "code", path], capture_output=True, text=True, check=False)
    events = collections.defaultdict(list)
    for line in out.stdout.splitlines():
        e = json.loads(line)
        events[e["doc"]].append(e)
    n = len(rows)
    any_event = sum(1 for r in rows if events[r["id"]])
    violent = [r for r in rows if any(e["quad"] == 4 for e in events[r["id"]])]
    ok_actor = 0
    for r in violent:
        for e in events[r["id"]]:
            src = (e.get("source") or {}).get("code", "")[:3]
            if e["quad"] == 4 and src in ("RUS", "UKR"):
                ok_actor += 1
                break
    other = sum(1 for r in rows for e in events[r["id"]] if e["quad"] != 4)
    total = sum(len(v) for v in events.values())
    print(f"rows {n}: with any event {any_event} ({any_event / n:.1%}), "
          f"with a quad-4 event {len(violent)} ({len(violent) / n:.1%}), "
          f"of those with a RUS/UKR source {ok_actor}; events {total} "
          f"({other} not quad 4)")
    roots = collections.Counter(e["cameo"][:2] for v in events.values() for e in v)
    print("roots:", ", ".join(f"{k} {v}" for k, v in sorted(roots.items())))
    if show:
        misses = [r for r in rows if not any(e["quad"] == 4 for e in events[r["id"]])]
        for r in misses[:show]:
            print("  miss:", r["source_headline"][:160])
    return 0


if __name__ == "__main__":
    sys.exit(main())
