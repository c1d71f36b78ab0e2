#!/usr/bin/env python3
"""Writes N realistic flows into HOME/flows/ (default 20 steps each) for the `flow list` benchmark.

Usage: make-flow-home.py N HOME [STEPS]

Each flow has one of the six Customer Insights connector triggers (with its parameters), an Initialize variable
and then Compose / Set variable / Condition (holding a Compose or a Send email) steps, each after the previous — the
shape of SampleFlows.long in FlowModel, with varied names, triggers and expressions. Files are written the way
InsightFlow writes them (pretty JSON, `<id>.json`, version 1, Off), so the checker has real work to do.
"""
import json
import os
import sys

TRIGGERS = [
    ("When_a_data_source_refresh_fails", "DataSourceRefreshFailed", {"dataSource": "any"}),
    ("When_a_data_source_refresh_succeeds", "DataSourceRefreshSucceeded", {"dataSource": "Orders"}),
    ("When_a_segment_crosses_a_threshold", "SegmentThresholdCrossed", {"segment": "High value customers", "threshold": 100}),
    ("When_a_business_measure_crosses_a_threshold", "MeasureThresholdCrossed", {"measure": "Total revenue", "threshold": 5000}),
    ("When_a_full_refresh_completes", "FullRefreshCompleted", None),
    ("When_unification_completes", "UnificationCompleted", None),
]
SCHEMA = "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#"


def step(i):
    kind = i % 3
    if kind == 0:
        inner = {"type": "Compose", "inputs": f"@{{variables('total')}} profiles after step {i}"}
        if i % 6 == 0:
            inner = {"type": "SendEmail", "inputs": {"connection": "Mail", "to": "owners@contoso.example",
                                                     "subject": f"Step {i}: @{{workflow()?['name']}}",
                                                     "body": "Total @{variables('total')}"}}
        return {"type": "If", "expression": f"@greater(variables('total'), {i * 10})",
                "actions": {f"Inner_{i}": inner}, "else": {"actions": {}}}
    if kind == 1:
        return {"type": "Compose", "inputs": {"step": i, "note": f"Step {i} of @{{workflow()?['name']}}",
                                              "at": "@{utcNow()}"}}
    return {"type": "SetVariable", "inputs": {"name": "total", "value": f"@add(variables('total'), {i})"}}


def flow(n, steps):
    trigger_name, trigger_type, params = TRIGGERS[n % len(TRIGGERS)]
    trigger = {"type": trigger_type}
    if params:
        trigger["inputs"] = params
    actions = {"Init": {"type": "InitializeVariable",
                        "inputs": {"variables": [{"name": "total", "type": "Integer", "value": 0}]}}}
    previous, made, i = "Init", 1, 1
    while made < steps:
        name = f"Step_{i}"
        body = step(i)
        body["runAfter"] = {previous: ["Succeeded"]}
        actions[name] = body
        made += 1 + len(body.get("actions", {}))
        previous, i = name, i + 1
    stamp = "2026-12-01T09:00:00.000Z"
    return {"id": f"flow-{n:05d}", "displayName": f"Flow {n:05d} {trigger_type}", "state": "Off", "version": 1,
            "createdAt": stamp, "modifiedAt": stamp,
            "definition": {"$schema": SCHEMA, "contentVersion": "1.0.0.0",
                           "triggers": {trigger_name: trigger}, "actions": actions}}


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    count, home = int(sys.argv[1]), sys.argv[2]
    steps = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    folder = os.path.join(home, "flows")
    os.makedirs(folder, exist_ok=True)
    for n in range(count):
        document = flow(n, steps)
        with open(os.path.join(folder, document["id"] + ".json"), "w") as out:
            json.dump(document, out, indent=2)
            out.write("\n")


if __name__ == "__main__":
    main()
