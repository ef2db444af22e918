#!/usr/bin/env python3
"""Checks a claims database for the reliability scripts (crash-test.sh, concurrency-test.sh).

  reliability_check.py snapshot DB OUT.json      per-article claim and response counts and totals of a reference
  reliability_check.py integrity DB              PRAGMA integrity_check, foreign_key_check and the FTS index
  reliability_check.py partial DB REF.json       every stored article holds exactly the claims the reference has
  reliability_check.py complete DB REF.json      the same, and every reference article is there, totals equal
  reliability_check.py watch DB REF.json STOP    reader loop: until the file STOP exists, repeatedly read the
                                                 per-article counts in one read transaction (read-only) and
                                                 report any article seen with a count other than the reference's

Prints one line per problem (at most 20) and exits 1 when there is any. Uses only the standard library.
"""
import json
import os
import sqlite3
import sys
import time

PER_ARTICLE = """
    SELECT a.key,
           (SELECT count(*) FROM claims c WHERE c.article_id = a.id),
           (SELECT count(*) FROM responses r JOIN claims c ON c.id = r.from_claim_id WHERE c.article_id = a.id),
           (SELECT count(*) FROM claim_targets t JOIN claims c ON c.id = t.claim_id WHERE c.article_id = a.id)
    FROM articles a
"""
TOTALS = ["articles", "claims", "claim_targets", "responses"]


def connect(path, readonly=True):
    if readonly:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30, isolation_level=None)
    else:
        con = sqlite3.connect(path, timeout=30, isolation_level=None)
    con.execute("PRAGMA busy_timeout = 30000")
    return con


def read_snapshot(con):
    """Per-article counts and table totals, read in one transaction so they belong to one snapshot."""
    con.execute("BEGIN")
    try:
        rows = con.execute(PER_ARTICLE).fetchall()
        totals = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TOTALS}
    finally:
        con.execute("COMMIT")
    keys = [r[0] for r in rows]
    per = {r[0]: {"claims": r[1], "responses": r[2], "targets": r[3]} for r in rows}
    return keys, per, totals


def compare(per, ref, problems):
    for key, counts in per.items():
        want = ref["articles"].get(key)
        if want is None:
            problems.append(f"article {key!r} is not in the reference")
        elif counts != want:
            problems.append(f"article {key!r} holds {counts}, the reference run gives {want} (half stored?)")


def report(problems, ok_line):
    for p in problems[:20]:
        print("  " + p)
    if len(problems) > 20:
        print(f"  ... and {len(problems) - 20} more")
    if problems:
        return 1
    if ok_line:
        print(ok_line)
    return 0


def integrity(path):
    problems = []
    # A writable connection, as the sqlite3 shell uses: it recovers the WAL of a killed writer.
    con = connect(path, readonly=False)
    result = [r[0] for r in con.execute("PRAGMA integrity_check").fetchall()]
    if result != ["ok"]:
        problems += [f"integrity_check: {r}" for r in result]
    for row in con.execute("PRAGMA foreign_key_check").fetchall():
        problems.append(f"foreign_key_check: {row}")
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
    if "claims_fts" in names:
        try:
            # FTS5's own check that the index matches the claims table; it changes nothing.
            con.execute("INSERT INTO claims_fts(claims_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as e:
            problems.append(f"claims_fts integrity-check: {e}")
    con.close()
    return problems


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 64
    command, db = argv[1], argv[2]
    if command == "snapshot":
        keys, per, totals = read_snapshot(connect(db))
        with open(argv[3], "w") as f:
            json.dump({"articles": per, "totals": totals}, f, indent=0, sort_keys=True)
        return 0
    if command == "integrity":
        if not os.path.exists(db):
            return report(["no database at " + db], None)
        return report(integrity(db), None)
    ref = json.load(open(argv[3]))
    if command in ("partial", "complete"):
        problems = []
        if not os.path.exists(db):
            # A kill before the database was created leaves nothing, which is fine for a partial check.
            return report(["no database at " + db] if command == "complete" else [], None)
        con = connect(db)
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "articles" not in tables:
            # Killed while the database was being created: the first migration is all or nothing.
            if command == "partial" and tables <= {"schema_migrations"}:
                print("0 articles, 0 claims (schema not created yet)")
                return 0
            return report([f"the database has tables {sorted(tables)} but no articles table"], None)
        keys, per, totals = read_snapshot(con)
        if len(keys) != len(set(keys)):
            problems.append("some article key is stored more than once")
        compare(per, ref, problems)
        if command == "complete":
            missing = sorted(set(ref["articles"]) - set(per))
            if missing:
                problems.append(f"{len(missing)} reference articles are missing, e.g. {missing[:3]}")
            if totals != ref["totals"]:
                problems.append(f"totals {totals} differ from the reference {ref['totals']}")
        print(f"{len(per)} articles, {totals['claims']} claims")
        return report(problems, None)
    if command == "watch":
        stop = argv[4]
        problems, reads, seen = [], 0, set()
        while not os.path.exists(stop):
            if os.path.exists(db):
                try:
                    con = connect(db)
                    keys, per, totals = read_snapshot(con)
                    con.close()
                except sqlite3.OperationalError as e:
                    # The file exists but the first writer has not created the schema yet.
                    if "no such table" in str(e):
                        time.sleep(0.02)
                        continue
                    problems.append(f"reader: {e}")
                    break
                reads += 1
                seen.add(len(per))
                before = len(problems)
                compare(per, ref, problems)
                if len(keys) != len(set(keys)):
                    problems.append("reader saw an article key stored twice")
                if len(problems) > before:
                    break
            time.sleep(0.01)
        states = ", ".join(str(n) for n in sorted(seen))
        print(f"reader: {reads} consistent reads; article counts seen: {states}" if not problems else
              f"reader: inconsistent read after {reads} reads")
        return report(problems, None)
    print(__doc__)
    return 64


if __name__ == "__main__":
    sys.exit(main(sys.argv))
