#!/usr/bin/env python3
"""Kills `insightflow serve` with SIGKILL at random moments while events arrive, restarts it, and counts what
the kills cost: accepted events lost, events run twice, effects delivered more than once (by Idempotency-Key).

Usage: Benchmarks/scripts/chaos.py INSIGHTFLOW_BINARY [KILLS] [EVENTS_PER_ROUND]
Everything binds 127.0.0.1; the home and the receiver are temporary. Needs sqlite3 on the PATH.
"""
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def post(url, body, token):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=5) as answer:
        return json.loads(answer.read())


def wait_health(port, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1).read()
            return True
        except Exception:
            time.sleep(0.05)
    return False


def sql(home, query):
    out = subprocess.run(["sqlite3", os.path.join(home, "history.sqlite"), query], capture_output=True, text=True, check=True)
    return [line.split("|") for line in out.stdout.strip().splitlines() if line]


def main():
    binary = sys.argv[1]
    kills = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    per_round = int(sys.argv[3]) if len(sys.argv) > 3 else 20
    random.seed(int(os.environ.get("CHAOS_SEED", "7")))
    sink = subprocess.Popen([sys.executable, os.path.join(ROOT, "Tests/support/http_sink.py")], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    sink_port = int(sink.stdout.readline().split()[1])
    home = tempfile.mkdtemp(prefix="insightflow-chaos-")
    os.makedirs(os.path.join(home, "flows"))
    flow = {"id": "chaos", "displayName": "Chaos", "state": "On", "version": 1, "definition": {
        "triggers": {"T": {"type": "DataSourceRefreshFailed", "inputs": {"dataSource": "any"}}},
        "actions": {
            "Note": {"type": "Compose", "inputs": "@triggerBody()?['dataSourceName']", "runAfter": {}},
            "Deliver": {"type": "Http", "runAfter": {"Note": ["Succeeded"]}, "inputs": {
                "method": "POST", "uri": f"http://127.0.0.1:{sink_port}/chaos?delayMs=150", "body": "@outputs('Note')"}},
            "After": {"type": "Compose", "inputs": "done", "runAfter": {"Deliver": ["Succeeded"]}}}}}
    with open(os.path.join(home, "flows", "chaos.json"), "w") as f:
        json.dump(flow, f)
    accepted = []
    port = random.randint(20000, 40000)
    serve = None
    try:
        for round_number in range(kills + 1):
            serve = subprocess.Popen([binary, "serve", "--home", home, "--port", str(port)],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if not wait_health(port):
                print("serve did not start", file=sys.stderr)
                return 2
            token = open(os.path.join(home, "intake-token")).read().strip()
            if round_number == kills:
                break
            kill_at = time.time() + random.uniform(0.05, 0.6)
            sent = 0
            while sent < per_round and time.time() < kill_at:
                try:
                    answer = post(f"http://127.0.0.1:{port}/events",
                                  {"type": "DataSourceRefreshFailed", "fields": {"dataSourceName": f"r{round_number}-e{sent}"}}, token)
                    accepted.append(answer["id"])
                except Exception:
                    pass  # refused or cut by the kill: not accepted, so not counted
                sent += 1
            time.sleep(max(0, kill_at - time.time()))
            serve.send_signal(signal.SIGKILL)
            serve.wait()
        # The last serve finishes everything left open.
        deadline = time.time() + 120
        while time.time() < deadline:
            open_runs = sql(home, "SELECT COUNT(*) FROM run WHERE status IN ('Queued', 'Running')")[0][0]
            unmatched = sql(home, "SELECT COUNT(*) FROM event WHERE processed = 0")[0][0]
            if open_runs == "0" and unmatched == "0":
                break
            time.sleep(0.2)
        serve.send_signal(signal.SIGTERM)
        serve.wait(timeout=30)
        stored = {row[0] for row in sql(home, "SELECT id FROM event")}
        runs_per_event = {row[0]: int(row[1]) for row in sql(home, "SELECT eventId, COUNT(*) FROM run GROUP BY eventId")}
        statuses = dict((row[0], int(row[1])) for row in sql(home, "SELECT status, COUNT(*) FROM run GROUP BY status"))
        with urllib.request.urlopen(f"http://127.0.0.1:{sink_port}/_requests?prefix=/chaos") as answer:
            deliveries = json.loads(answer.read())
        per_key = {}
        for request in deliveries:
            key = request["headers"].get("Idempotency-Key", "?")
            per_key[key] = per_key.get(key, 0) + 1
        lost = [event for event in accepted if event not in stored]
        duplicate_runs = sum(1 for event in accepted if runs_per_event.get(event, 0) > 1)
        never_ran = sum(1 for event in accepted if runs_per_event.get(event, 0) == 0)
        repeats = sum(count - 1 for count in per_key.values() if count > 1)
        print(json.dumps({
            "kills": kills, "events accepted": len(accepted), "events lost": len(lost), "events with no run": never_ran,
            "events run twice": duplicate_runs, "run statuses": statuses, "deliveries": len(deliveries),
            "distinct idempotency keys": len(per_key), "repeated deliveries (same key)": repeats,
        }, indent=2))
        return 0 if not lost and duplicate_runs == 0 and never_ran == 0 else 1
    finally:
        if serve and serve.poll() is None:
            serve.kill()
        sink.stdin.close()
        sink.wait()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
