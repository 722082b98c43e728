#!/usr/bin/env python3
"""The plain-Python baseline of the import benchmark: json + sqlite3.executemany, one transaction.

Reads the same files as `resonance import` (an Instagram follower list, an X tweets.js) into an
equivalent schema (identities + snapshot membership; posts + metric observations). It does less
than Resonance (no format detection, no mojibake repair, no idempotence checks, no history
reconstruction), so it is a generous baseline.

Usage: baseline_import.py DB followers|tweets PATH
"""
import json
import sqlite3
import sys


def main():
    db, kind, path = sys.argv[1:4]
    con = sqlite3.connect(db)
    con.executescript(
        """
        PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
        CREATE TABLE IF NOT EXISTS identities (id INTEGER PRIMARY KEY, handle TEXT UNIQUE);
        CREATE TABLE IF NOT EXISTS members (snapshot INTEGER, identity INTEGER, since INTEGER,
            PRIMARY KEY (snapshot, identity)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS posts (id INTEGER PRIMARY KEY, pid TEXT UNIQUE, published TEXT, text TEXT);
        CREATE TABLE IF NOT EXISTS metrics (post INTEGER, likes INTEGER, shares INTEGER);
        """
    )
    with con:
        if kind == "followers":
            with open(path, encoding="utf-8") as f:
                items = json.load(f)
            rows = []
            for it in items:
                d = it["string_list_data"][0]
                rows.append((d["value"].lower(), d.get("timestamp")))
            con.executemany("INSERT OR IGNORE INTO identities (handle) VALUES (?)", [(h,) for h, _ in rows])
            ids = dict(con.execute("SELECT handle, id FROM identities"))
            con.executemany(
                "INSERT OR IGNORE INTO members VALUES (1, ?, ?)", [(ids[h], ts) for h, ts in rows]
            )
        else:
            with open(path, encoding="utf-8") as f:
                text = f.read()
            items = json.loads(text[text.index("=") + 1 :].strip().rstrip(";"))
            posts = []
            for it in items:
                t = it["tweet"]
                posts.append((t["id_str"], t["created_at"], t["full_text"], int(t["favorite_count"]), int(t["retweet_count"])))
            con.executemany("INSERT OR IGNORE INTO posts (pid, published, text) VALUES (?, ?, ?)", [p[:3] for p in posts])
            ids = dict(con.execute("SELECT pid, id FROM posts"))
            con.executemany("INSERT INTO metrics VALUES (?, ?, ?)", [(ids[p[0]], p[3], p[4]) for p in posts])
    con.close()


if __name__ == "__main__":
    main()
