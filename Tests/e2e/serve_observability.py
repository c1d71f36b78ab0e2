#!/usr/bin/env python3
"""Drives a real `insightflow serve --log-format json` and checks what operators see.

Usage: serve_observability.py BIN

On a fresh home with two flows (one succeeds, one fails by Terminate): /health and /ready answer without
credentials; 5 + 3 events are accepted and 1 refused; /metrics needs the token, parses as the Prometheus text
format (with prometheus_client's parser when it is installed, else a strict parser here) and its counters equal
the runs caused; removing history.sqlite makes /ready answer 503 naming the store; after SIGTERM every stderr
line is a JSON object with timestamp, level, label and message, runs are logged with run and flow, and the
intake token appears nowhere. Prints one line per check; exits 1 on a failure.
"""
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from serve_endpoint import wait_for_serve  # noqa: E402

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        failures.append(what)


def flow(flow_id, trigger, actions):
    return {"id": flow_id, "displayName": flow_id, "state": "On", "version": 1,
            "definition": {"triggers": {"t": {"type": trigger, "inputs": {}}}, "actions": actions}}


GOOD = flow("good", "DataSourceRefreshFailed", {"Note": {"type": "Compose", "inputs": "x", "runAfter": {}}})
BAD = flow("bad", "DataSourceRefreshSucceeded", {"Stop": {"type": "Terminate", "runAfter": {},
           "inputs": {"runStatus": "Failed", "runError": {"code": "NoData", "message": "nothing"}}}})


def call(port, method, path, body=None, token=None):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=body, method=method)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    if body is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


SAMPLE = re.compile(r'^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)( \d+)?$')
LABEL = re.compile(r'([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"(,|$)')


def parse(text):
    """{(name, frozenset(labels)): value}; prometheus_client's parser when installed, else a strict one."""
    samples = {}
    try:
        from prometheus_client.parser import text_string_to_metric_families
        for family in text_string_to_metric_families(text):
            for s in family.samples:
                samples[(s.name, frozenset(s.labels.items()))] = s.value
        return samples, "prometheus_client"
    except ImportError:
        pass
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        match = SAMPLE.match(line)
        if not match:
            raise ValueError(f"not a sample line: {line!r}")
        labels, rest = {}, match.group(3) or ""
        while rest:
            label = LABEL.match(rest)
            if not label:
                raise ValueError(f"bad labels: {line!r}")
            labels[label.group(1)] = label.group(2)
            rest = rest[label.end():]
        samples[(match.group(1), frozenset(labels.items()))] = float(match.group(4))
    return samples, "the strict parser in this script"


def value(samples, name, **labels):
    found = [v for (n, ls), v in samples.items() if n == name and set(labels.items()) <= set(ls)]
    return found[0] if found else None


def main():
    binary = sys.argv[1]
    work = tempfile.mkdtemp()
    home = os.path.join(work, "home")
    os.makedirs(os.path.join(home, "flows"))
    for f in (GOOD, BAD):
        with open(os.path.join(home, "flows", f["id"] + ".json"), "w") as out:
            json.dump(f, out)
    log_path = os.path.join(work, "serve.log")
    log = open(log_path, "w")
    serve = subprocess.Popen([binary, "serve", "--home", home, "--port", "0", "--log-format", "json",
                              "--log-level", "debug"], stdout=subprocess.DEVNULL, stderr=log)
    try:
        port, token = wait_for_serve(home)

        status, body = call(port, "GET", "/health")
        check(status == 200 and json.loads(body) == {"status": "ok"}, f"/health without credentials: {status} {body.strip()}")
        status, body = call(port, "GET", "/ready")
        check(status == 200 and json.loads(body)["status"] == "ready", f"/ready without credentials: {status}")

        good = json.dumps({"type": "DataSourceRefreshFailed", "fields": {"dataSourceName": "Webshop"}}).encode()
        bad = json.dumps({"type": "DataSourceRefreshSucceeded", "fields": {"dataSourceName": "Webshop"}}).encode()
        runs = []
        for event in [good] * 5 + [bad] * 3:
            status, body = call(port, "POST", "/events", event, token)
            runs += json.loads(body).get("runs", [])
        check(len(runs) == 8, f"8 events accepted, 8 runs ({len(runs)})")
        status, _ = call(port, "POST", "/events", b"{ not json", token)
        check(status == 400, "a malformed event is refused")
        for run in runs:
            call(port, "POST", "/runs/wait", json.dumps({"run": run, "seconds": 20}).encode(), token)

        status, _ = call(port, "GET", "/metrics")
        check(status == 401, f"/metrics without the token: {status}")
        samples = {}
        for _ in range(50):  # a run's record is saved just before the runner counts it: settle
            status, text = call(port, "GET", "/metrics", token=token)
            samples, parser = parse(text)
            if value(samples, "insightflow_runs_failed_total", flow="bad") == 3 and \
               value(samples, "insightflow_runs_succeeded_total", flow="good") == 5:
                break
            time.sleep(0.1)
        check(status == 200, f"/metrics with the token, parsed by {parser}")
        expected = [("insightflow_events_accepted_total", {"origin": "http"}, 8),
                    ("insightflow_events_rejected_total", {"reason": "malformed"}, 1),
                    ("insightflow_runs_started_total", {"flow": "good"}, 5),
                    ("insightflow_runs_succeeded_total", {"flow": "good"}, 5),
                    ("insightflow_runs_started_total", {"flow": "bad"}, 3),
                    ("insightflow_runs_failed_total", {"flow": "bad", "status": "Failed"}, 3),
                    ("insightflow_step_duration_seconds_count", {"type": "Compose"}, 5),
                    ("insightflow_history_runs", {}, 8)]
        for name, labels, want in expected:
            got = value(samples, name, **labels)
            check(got == want, f"{name}{labels} == {want} ({got})")

        for suffix in ("", "-wal", "-shm"):
            try:
                os.remove(os.path.join(home, "history.sqlite" + suffix))
            except FileNotFoundError:
                pass
        status, body = call(port, "GET", "/ready")
        check(status == 503 and json.loads(body)["failing"] == ["store"], f"/ready once the history is removed: {status} {body.strip()[:120]}")
    finally:
        serve.send_signal(signal.SIGTERM)
        try:
            serve.wait(timeout=20)
        except subprocess.TimeoutExpired:
            serve.kill()
        log.close()

    lines = open(log_path).read().splitlines()
    parsed = []
    for line in lines:
        try:
            parsed.append(json.loads(line))
        except json.JSONDecodeError:
            check(False, f"a stderr line is not JSON: {line[:120]!r}")
    check(len(parsed) == len(lines) and len(lines) > 0, f"{len(lines)} stderr lines, each one JSON object")
    check(all({"timestamp", "level", "label", "message"} <= set(p) for p in parsed), "each has timestamp, level, label, message")
    check(any(p.get("message") == "run finished" and p.get("run") and p.get("flow") == "bad" and p.get("level") == "warning"
              for p in parsed), "a failed run is logged at warning with run and flow")
    check(any(p.get("message") == "event accepted" and p.get("event") for p in parsed), "accepted events are logged with their id")
    check(token not in open(log_path).read(), "the intake token is never logged")
    print(f"{len(failures)} failed" if failures else "all checks passed", flush=True)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
