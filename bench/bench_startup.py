"""App start to first painted window, against a bare PySide6 window started the same way.

Both are started as fresh processes by this script (``python -c …`` for the bare window,
``python -m counter_app gui --role …`` for the app, offscreen), and each prints a line and quits as
soon as its first window receives its first paint event. The figure is the wall time from spawning
the process to reading that line (interpreter start, imports, opening the hall's profile, building
and painting the window), median over N runs; the child's own count (from when its GUI module was
imported) is printed beside it. Goal: ≤ 1.5×.

    python bench/bench_startup.py [--runs 15] [--role counter]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE = r"""
import sys, time
t0 = time.perf_counter()
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("counter"))
window.resize(1280, 800)
class First(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(f"first-paint-ms {(time.perf_counter() - t0) * 1000:.1f}", flush=True)
            QTimer.singleShot(0, app.quit)
            obj.removeEventFilter(self)
        return False
f = First()
window.installEventFilter(f)
window.show()
app.exec()
"""


def run(cmd: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(spawn → first paint seen by this process, the child's own count from its start) in ms."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert proc.stdout is not None
    paint = 0.0
    seen = 0.0
    for line in proc.stdout:
        if line.startswith("first-paint-ms"):
            seen = (time.perf_counter() - start) * 1000
            paint = float(line.split()[1])
    if proc.wait(timeout=60) != 0 or not seen:
        raise RuntimeError(f"{cmd[:4]} did not paint (exit {proc.returncode})")
    return seen, paint


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--role", default="counter", choices=["counter", "kiosk", "display"])
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "COUNTER_APP_EXIT_AFTER_PAINT": "1"}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "hall.sqlite3"
        subprocess.run(
            [sys.executable, "-m", "counter_app", "init", "--demo", "--db", str(db)],
            env=env,
            check=True,
            capture_output=True,
        )
        app_cmd = [
            sys.executable,
            "-m",
            "counter_app",
            "gui",
            "--role",
            args.role,
            "--db",
            str(db),
            "--language",
            "zh_CN",
        ]
        bare_cmd = [sys.executable, "-c", BARE]
        run(bare_cmd, env), run(app_cmd, env)  # warm the page cache for both
        bare, app = [], []
        for _ in range(args.runs):  # interleaved, so drift on the machine hits both alike
            bare.append(run(bare_cmd, env))
            app.append(run(app_cmd, env))
    result = {}
    for name, samples in (("bare", bare), ("app", app)):
        result[name] = {
            "wall_median_ms": round(statistics.median(s[0] for s in samples), 1),
            "paint_median_ms": round(statistics.median(s[1] for s in samples), 1),
        }
    ratio_wall = result["app"]["wall_median_ms"] / result["bare"]["wall_median_ms"]
    ratio_paint = result["app"]["paint_median_ms"] / result["bare"]["paint_median_ms"]
    print(f"{'':22}{'spawn→first paint':>22}{'in-process first paint':>26}")
    for name in ("bare", "app"):
        wall, paint = result[name]["wall_median_ms"], result[name]["paint_median_ms"]
        print(f"{name + ' window':22}{wall:>19.1f} ms{paint:>23.1f} ms")
    print(f"{'ratio app/bare':22}{ratio_wall:>21.2f}×{ratio_paint:>25.2f}×   (goal ≤ 1.5×)")
    print(
        json.dumps(
            {
                "bench": "startup",
                "role": args.role,
                "runs": args.runs,
                **result,
                "ratio_wall": round(ratio_wall, 2),
                "ratio_paint": round(ratio_paint, 2),
            }
        )
    )


if __name__ == "__main__":
    main()
