#!/usr/bin/env python3
"""Runs duckdb_equivalent.sql against a fresh DuckDB file and prints the same summary as the sqlite3 run.

Usage (from the workspace folder): duckdb_run.py DB_FILE SQL_FILE
"""
import sys

import duckdb


def main():
    db_file, sql_file = sys.argv[1], sys.argv[2]
    con = duckdb.connect(db_file)
    with open(sql_file) as f:
        con.execute(f.read())
    print("profiles", con.execute("SELECT count(*) FROM customer").fetchone()[0])
    for name, value in con.execute("SELECT * FROM measure_value").fetchall():
        print(name, value)
    for segment, count in con.execute("SELECT segment, count(*) FROM segment_member GROUP BY segment ORDER BY segment").fetchall():
        print(segment, count)
    con.close()


if __name__ == "__main__":
    main()
