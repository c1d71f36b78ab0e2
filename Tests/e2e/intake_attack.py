#!/usr/bin/env python3
"""Attacks a real `insightflow serve` on 127.0.0.1 and checks that it holds.

Usage: intake_attack.py BIN

Starts `serve` on a fresh home (one flow on "refresh failed"), then, while a separate prober process sends one
legitimate authenticated event every 50 ms on a new connection and the serve's RSS is sampled, runs the attacks:
a 1 MB header line and a 1 MB request line (two connections each), 200 header fields, a body over the limit sent
with Content-Length (and an HTTP request hidden in it), a 400 MB chunked body, 200 slow-header (slowloris)
connections, poison numbers, a replayed signed request, and finally SIGTERM while 200 connections are held open.
Passes when every attack is refused as it should be, every legitimate request is answered in under 100 ms, the
RSS stays under 100 MB, and serve stops within 10 s. Prints one line per check and a summary; exits 1 on a failure.
"""
import hashlib
import hmac
import json
import multiprocessing
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
from serve_endpoint import wait_for_serve  # noqa: E402

LEGIT_LIMIT_MS = 100.0
RSS_LIMIT_MB = 100.0
STOP_LIMIT_S = 10.0
HEAD_TIMEOUT_S = 10.0  # IntakeLimits.headTimeout

EVENT = json.dumps({"type": "DataSourceRefreshFailed",
                    "fields": {"dataSourceName": "Webshop", "errorMessage": "file missing"}}).encode()

FLOW = {"id": "alert", "displayName": "Alert", "state": "On", "version": 1, "definition": {
    "triggers": {"failed": {"type": "DataSourceRefreshFailed", "inputs": {}}},
    "actions": {"Note": {"type": "Compose", "inputs": "@triggerBody()?['dataSourceName']", "runAfter": {}}}}}

failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        failures.append(what)


def request(port, raw, timeout=5.0):
    """Sends raw bytes on a new connection; returns (status or None, seconds)."""
    started = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(raw)
        data = b""
        while b"\r\n\r\n" not in data:
            chunk = s.recv(65536)
            if not chunk:
                break
            data += chunk
    status = int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/1.1 ") else None
    return status, time.monotonic() - started


def post(path, body, headers, token=None):
    lines = [f"POST {path} HTTP/1.1", "Host: 127.0.0.1", f"Content-Length: {len(body)}",
             "Content-Type: application/json", "Connection: close"]
    if token:
        lines.append(f"Authorization: Bearer {token}")
    lines += [f"{k}: {v}" for k, v in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def prober(port, token, stop, out):
    """Runs in its own process (no GIL shared with the attackers): one legitimate event every 50 ms."""
    samples, bad = [], 0
    while not stop.is_set():
        sent = time.time()
        try:
            status, seconds = request(port, post("/events", EVENT, {}, token), timeout=5)
            bad += status != 202
        except OSError:
            bad += 1
            seconds = 5.0
        samples.append((sent, seconds * 1000))
        time.sleep(0.05)
    out.put((samples, bad))


def rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def closed_within(s, seconds):
    """True when the server closes the connection (EOF or reset) within `seconds`; returns (closed, data read)."""
    s.settimeout(0.2)
    deadline = time.monotonic() + seconds
    data = b""
    while time.monotonic() < deadline:
        try:
            chunk = s.recv(65536)
            if not chunk:
                return True, data
            data += chunk
        except socket.timeout:
            continue
        except OSError:
            return True, data
    return False, data


def long_line(port, head):
    """Sends `head` followed by 1 MB without a line end; the server must refuse and close (not scan forever)."""
    s = socket.create_connection(("127.0.0.1", port))
    try:
        s.sendall(head)
        for _ in range(16):
            s.sendall(b"a" * 65536)
    except OSError:
        pass
    closed, data = closed_within(s, 5)
    s.close()
    return closed, data


def attack_long_lines(port):
    for name, head in [("header line", b"GET /health HTTP/1.1\r\nHost: x\r\nX-Long: "), ("request line", b"GET /")]:
        results = []
        threads = [threading.Thread(target=lambda: results.append(long_line(port, head))) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        check(all(closed for closed, _ in results), f"a 1 MB {name} on 2 connections: both closed by the server")
        check(all(d == b"" or d.startswith(b"HTTP/1.1 4") for _, d in results), f"a 1 MB {name}: answered 4xx or closed")


def attack_many_headers(port):
    head = "GET /health HTTP/1.1\r\nHost: x\r\n" + "".join(f"X-H{i}: v\r\n" for i in range(200)) + "\r\n"
    status, _ = request(port, head.encode())
    check(status in (400, 431) or status is None, f"200 header fields: refused ({status})")


def attack_content_length(port, token):
    hidden = b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n"
    body = hidden * (300_000 // len(hidden) + 1)
    raw = post("/events", b"", {}, token).replace(b"Content-Length: 0", f"Content-Length: {len(body)}".encode())
    raw = raw.replace(b"Connection: close\r\n", b"")
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(raw)
    try:
        s.sendall(body)
    except OSError:
        pass
    closed, data = closed_within(s, 5)
    s.close()
    check(data.startswith(b"HTTP/1.1 413"), "a body over the limit with Content-Length: 413")
    check(closed, "after the 413 the connection is closed")
    check(data.count(b"HTTP/1.1 ") == 1, "the unread body is never parsed as another request")


def attack_chunked(port, token):
    raw = post("/events", b"", {"Transfer-Encoding": "chunked"}, token).replace(b"Content-Length: 0\r\n", b"")
    raw = raw.replace(b"Connection: close\r\n", b"")
    s = socket.create_connection(("127.0.0.1", port), timeout=10)
    s.sendall(raw)
    chunk = b"10000\r\n" + b"x" * 0x10000 + b"\r\n"
    sent = 0
    try:
        while sent < 400 * 1024 * 1024:
            s.sendall(chunk)
            sent += 0x10000
    except OSError:
        pass
    closed, data = closed_within(s, 5)
    s.close()
    check(sent < 64 * 1024 * 1024, f"a 400 MB chunked body: cut off after {sent / 1048576:.1f} MiB sent")
    check(closed and (data == b"" or data.startswith(b"HTTP/1.1 413")), "the chunked body got 413 or a close")


def slow_connections(port, count, pause=0.0):
    """`count` connections that each send the start of a request head and no more (yet), `pause` s apart."""
    sockets = []
    for _ in range(count):
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(b"POST /events HTTP/1.1\r\nHost: x\r\n")
        sockets.append(s)
        time.sleep(pause)
    return sockets


def attack_slowloris(port):
    # Opened over about a second, as slowloris tools do (a debug build takes ~100 ms to set up 200 at once).
    sockets = slow_connections(port, 200, pause=0.005)
    started = time.monotonic()
    open_ = set(range(len(sockets)))
    while open_ and time.monotonic() - started < HEAD_TIMEOUT_S + 8:
        for i in list(open_):
            try:
                sockets[i].sendall(b"X-a: b\r\n")
            except OSError:
                open_.discard(i)
        time.sleep(1)
    elapsed = time.monotonic() - started
    for s in sockets:
        s.close()
    check(not open_, f"200 slow-header connections: all closed by the server after {elapsed:.1f} s "
                     f"({len(open_)} still open)")


def attack_poison(port, token):
    for text in ['1e308', '1e999', '-1e999', '123456789012345678901234567890']:
        body = ('{"type": "SegmentMembershipChanged", "fields": {"segmentName": "Big", "currentCount": %s}}' % text).encode()
        status, _ = request(port, post("/events", body, {}, token))
        check(status == 400, f"poison number {text}: 400 ({status})")


def attack_replay(port, token):
    stamp = str(int(time.time()))
    signature = hmac.new(token.encode(), stamp.encode() + b"." + EVENT, hashlib.sha256).hexdigest()
    headers = {"X-InsightFlow-Timestamp": stamp, "X-InsightFlow-Signature": "sha256=" + signature}
    first, _ = request(port, post("/events", EVENT, headers))
    second, _ = request(port, post("/events", EVENT, headers))
    check(first == 202 and second == 401, f"a replayed signed request: {first} then {second}")


def main():
    binary = sys.argv[1]
    work = tempfile.mkdtemp()
    home = os.path.join(work, "home")
    os.makedirs(os.path.join(home, "flows"))
    with open(os.path.join(home, "flows", "alert.json"), "w") as f:
        json.dump(FLOW, f)
    log = open(os.path.join(work, "serve.log"), "w")
    serve = subprocess.Popen([binary, "serve", "--home", home, "--port", "0"], stdout=log, stderr=log)
    try:
        port, token = wait_for_serve(home)
        print(f"serve pid {serve.pid} on 127.0.0.1:{port}", flush=True)

        stop, out = multiprocessing.Event(), multiprocessing.Queue()
        probe = multiprocessing.Process(target=prober, args=(port, token, stop, out))
        probe.start()
        peak = [0.0]
        sampling = threading.Event()

        def sample():
            while not sampling.is_set():
                peak[0] = max(peak[0], rss_mb(serve.pid))
                time.sleep(0.1)
        sampler = threading.Thread(target=sample)
        sampler.start()

        time.sleep(1)  # the prober's first requests warm the runner up
        phases = []
        for name, attack in [("no attack (baseline)", lambda: time.sleep(5)),
                             ("long lines", lambda: attack_long_lines(port)),
                             ("many headers", lambda: attack_many_headers(port)),
                             ("Content-Length", lambda: attack_content_length(port, token)),
                             ("chunked", lambda: attack_chunked(port, token)),
                             ("slowloris", lambda: attack_slowloris(port)),
                             ("poison", lambda: attack_poison(port, token)),
                             ("replay", lambda: attack_replay(port, token))]:
            started = time.time()
            attack()
            phases.append((name, started, time.time()))

        stop.set()
        samples, bad = out.get(timeout=30)
        probe.join()
        during = [(t, ms) for t, ms in samples if t >= phases[0][1]]
        for name, start, end in phases:
            inside = [ms for t, ms in during if start <= t <= end]
            if inside:
                print(f"     legitimate events during {name}: {len(inside)}, slowest {max(inside):.1f} ms, "
                      f"median {sorted(inside)[len(inside) // 2]:.1f} ms", flush=True)
                slow = [f"{ms:.0f} ms at +{t - start:.1f} s" for t, ms in during if start <= t <= end and ms > LEGIT_LIMIT_MS / 2]
                if slow:
                    print("       over half the limit: " + ", ".join(slow), flush=True)
        worst = max((ms for _, ms in during), default=0.0)
        check(bad == 0, f"legitimate events during the attacks: {len(samples)} sent, {bad} not answered 202")
        check(worst < LEGIT_LIMIT_MS, f"slowest legitimate event: {worst:.1f} ms (limit {LEGIT_LIMIT_MS:.0f} ms)")

        # Stopping under attack: 200 connections held open and a body arriving slowly.
        held = slow_connections(port, 200)
        slow_body = socket.create_connection(("127.0.0.1", port))
        slow_body.sendall(post("/events", b"", {}, token).replace(b"Content-Length: 0", b"Content-Length: 1000") + b"{")
        time.sleep(0.5)
        started = time.monotonic()
        serve.send_signal(signal.SIGTERM)
        try:
            code = serve.wait(timeout=STOP_LIMIT_S + 5)
        except subprocess.TimeoutExpired:
            code = None
        stopped = time.monotonic() - started
        sampling.set()
        sampler.join()
        for s in held + [slow_body]:
            s.close()
        check(code == 0 and stopped < STOP_LIMIT_S,
              f"SIGTERM with 201 connections held: stopped in {stopped:.1f} s, exit {code}")
        check(peak[0] < RSS_LIMIT_MB, f"serve's peak RSS: {peak[0]:.1f} MB (limit {RSS_LIMIT_MB:.0f} MB)")
    finally:
        if serve.poll() is None:
            serve.kill()
        log.close()
        if failures:
            print("--- serve.log (tail)")
            print("".join(open(os.path.join(work, "serve.log")).readlines()[-20:]))
        shutil.rmtree(work, ignore_errors=True)
    print(f"{len(failures)} failure(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
