#!/usr/bin/env python3
"""Time from starting the terminal app to its first frame (the Home menu on screen), in a real terminal (tmux).

Usage: app-start.py BIN HOME [REPEATS] [BASE_BIN]

Each repeat copies HOME to a fresh folder (so the runner's background retention of the previous start has not
pruned the history), starts `BIN --home COPY` in a detached 120x40 tmux session and polls `tmux capture-pane`
every 2 ms until the Home menu (its "Monitor" line) is drawn. Prints each time and the median. The poll adds up to
a few milliseconds; a small home run the same way shows the floor.

With BASE_BIN, each repeat starts BIN and BASE_BIN one after the other (interleaved, so load drifts hit both) and
the medians and their ratio are printed.

WARM_INDEX=1: before each start, let the copy's files settle (3 s: files changed within 2 s are never trusted from
the flow index) and run `BIN flow list --home COPY` once, so the start finds the flow index current ("warm"). A
copy gives every file a new inode, so without this the index of HOME is never current in the copy.
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

binary, home = sys.argv[1], sys.argv[2]
repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 5
base = sys.argv[4] if len(sys.argv) > 4 else None
warm = os.environ.get("WARM_INDEX") == "1"
socket = f"app-start-{int(time.time())}"


def start_once(program):
    folder = tempfile.mkdtemp()
    copy = f"{folder}/home"
    shutil.copytree(home, copy)
    subprocess.run(["sync"])
    if warm:
        time.sleep(3)
        subprocess.run([program, "flow", "list", "--home", copy], stdout=subprocess.DEVNULL, check=True)
    start = time.monotonic()
    subprocess.run(["tmux", "-L", socket, "new-session", "-d", "-x", "120", "-y", "40", f"{program} --home {copy}"], check=True)
    shown = None
    while time.monotonic() - start < 60:
        screen = subprocess.run(["tmux", "-L", socket, "capture-pane", "-p"], capture_output=True, text=True).stdout
        if "Monitor" in screen and "InsightFlow" in screen:
            shown = time.monotonic() - start
            break
        time.sleep(0.002)
    subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)
    time.sleep(0.5)
    shutil.rmtree(folder, ignore_errors=True)
    if shown is None:
        sys.exit(f"{program}: the Home menu never appeared within 60 s")
    return shown * 1000


programs = [("BIN", binary)] + ([("BASE_BIN", base)] if base else [])
times = {name: [] for name, _ in programs}
for _ in range(repeats):
    for name, program in programs:
        ms = start_once(program)
        times[name].append(ms)
        print(f"{name}: first frame after {ms:.0f} ms", flush=True)
for name, _ in programs:
    values = times[name]
    print(f"{name}: median {statistics.median(values):.0f} ms over {len(values)} starts (min {min(values):.0f}, max {max(values):.0f})")
if base:
    print(f"ratio BIN / BASE_BIN (medians): {statistics.median(times['BIN']) / statistics.median(times['BASE_BIN']):.3f}")
