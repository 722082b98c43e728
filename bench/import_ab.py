#!/usr/bin/env python3
"""What migration 0004 costs an import, measured in one run (docs/performance.md, "Scale").

    python3 bench/import_ab.py RESONANCE_BIN EXPORT_FOLDER WORK_DIR [RUNS=3]

Imports EXPORT_FOLDER into fresh databases, alternating: (A) the schema as shipped; (B) the same
schema with the follower-aggregates trigger and the posts index of migration 0004 dropped, which
is what an import cost before it. Prints each run and the medians (wall time and peak memory,
through bench/measure.py).
"""
import json
import os
import sqlite3
import statistics
import subprocess
import sys

binary, folder, work = sys.argv[1], sys.argv[2], sys.argv[3]
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 3
here = os.path.dirname(os.path.abspath(__file__))


def fresh(db, without):
    for suffix in ("", "-wal", "-shm"):
        try:
            os.remove(db + suffix)
        except FileNotFoundError:
            pass
    subprocess.run([binary, "--db", db, "accounts"], check=True, stdout=subprocess.DEVNULL)
    if without:
        c = sqlite3.connect(db)
        c.executescript("DROP TRIGGER relation_aggregates_on_count; DROP INDEX posts_by_account_time;")
        c.close()


def measure(db):
    out = subprocess.run(
        [sys.executable, os.path.join(here, "measure.py"), binary, "--db", db, "import", folder],
        check=True,
        capture_output=True,
    )
    m = json.loads(out.stdout)
    assert m["status"] == 0, m["stderr"]
    return m


os.makedirs(work, exist_ok=True)
db = os.path.join(work, "ab.db")
res = {"with": [], "without": []}
for i in range(runs):
    for name in ("with", "without"):
        fresh(db, name == "without")
        m = measure(db)
        res[name].append(m)
        print(f"run {i} {name:7} 0004: {m['seconds']:.2f} s, peak {m['peak_kib'] / 1024:.0f} MB", flush=True)
w = statistics.median(m["seconds"] for m in res["with"])
wo = statistics.median(m["seconds"] for m in res["without"])
ratios = statistics.median(a["seconds"] / b["seconds"] for a, b in zip(res["with"], res["without"]))
print(
    f"median: with {w:.2f} s (peak {max(m['peak_kib'] for m in res['with']) / 1024:.0f} MB), "
    f"without {wo:.2f} s (peak {max(m['peak_kib'] for m in res['without']) / 1024:.0f} MB); "
    f"ratio with/without {ratios:.2f}"
)
for suffix in ("", "-wal", "-shm"):
    try:
        os.remove(db + suffix)
    except FileNotFoundError:
        pass
