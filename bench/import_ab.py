#!/usr/bin/env python3
"""What migration 0004 or 0005 costs an import, measured in one run (docs/performance.md, "Scale").

    python3 bench/import_ab.py RESONANCE_BIN EXPORT_FOLDER WORK_DIR [RUNS=3] [MIGRATION=0004]

Imports EXPORT_FOLDER into fresh databases, alternating: (A) the schema as shipped; (B) the same
schema with what the migration added to every import dropped (0004: the follower-aggregates
trigger and the posts index; 0005: the triggers that keep post_facts), which is what an import
cost before it. Prints each run and the medians (wall time and peak memory, through
bench/measure.py).
"""
import json
import os
import sqlite3
import statistics
import subprocess
import sys

binary, folder, work = sys.argv[1], sys.argv[2], sys.argv[3]
runs = int(sys.argv[4]) if len(sys.argv) > 4 else 3
migration = sys.argv[5] if len(sys.argv) > 5 else "0004"
DROP = {
    "0004": "DROP TRIGGER relation_aggregates_on_count; DROP INDEX posts_by_account_time;",
    "0005": "".join(
        f"DROP TRIGGER post_facts_on_{t};"
        for t in ("post_insert", "post_update", "metric_insert", "metric_delete", "metric_update")
    ),
}[migration]
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
        c.executescript(DROP)
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
        print(f"run {i} {name:7} {migration}: {m['seconds']:.2f} s, peak {m['peak_kib'] / 1024:.0f} MB", flush=True)
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
