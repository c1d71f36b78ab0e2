#!/usr/bin/env python3
"""Time from starting the terminal app to its first frame (the Home menu on screen), in a real terminal (tmux).

Usage: app-start.py BIN HOME [REPEATS]

Each repeat copies HOME to a fresh folder (so the runner's background retention of the previous start has not
pruned the history), starts `BIN --home COPY` in a detached 120x40 tmux session and polls `tmux capture-pane`
every 2 ms until the Home menu (its "Monitor" line) is drawn. Prints each time and the median. The poll adds up to
a few milliseconds; a small home run the same way shows the floor.
"""
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

binary, home = sys.argv[1], sys.argv[2]
repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 5
socket = f"app-start-{int(time.time())}"
times = []
for _ in range(repeats):
    folder = tempfile.mkdtemp()
    copy = f"{folder}/home"
    shutil.copytree(home, copy)
    subprocess.run(["sync"])
    start = time.monotonic()
    subprocess.run(["tmux", "-L", socket, "new-session", "-d", "-x", "120", "-y", "40", f"{binary} --home {copy}"], check=True)
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
        sys.exit("the Home menu never appeared within 60 s")
    times.append(shown * 1000)
    print(f"first frame after {shown * 1000:.0f} ms", flush=True)
print(f"median {statistics.median(times):.0f} ms over {len(times)} starts (min {min(times):.0f}, max {max(times):.0f})")
