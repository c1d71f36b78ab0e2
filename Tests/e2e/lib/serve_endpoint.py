"""Shared by the e2e scripts that start a real `insightflow serve`: wait for it to listen, read its port and token."""
import json
import os
import time


def wait_for_serve(home, seconds=30):
    """Waits until `serve` on `home` writes runner.json; returns (port, intake token)."""
    endpoint = os.path.join(home, "runner.json")
    deadline = time.time() + seconds
    while not os.path.exists(endpoint) and time.time() < deadline:
        time.sleep(0.1)
    with open(endpoint) as f:
        port = json.load(f)["port"]
    with open(os.path.join(home, "intake-token")) as f:
        token = f.read().strip()
    return port, token
