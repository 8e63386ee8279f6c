"""Run inside a real X server (``xvfb-run``): start ``./run.sh`` as a clerk would, wait until its
windows are mapped and have loaded their data, raise each in turn and grab it with ImageMagick's
``import``, grab the whole screen, then stop the tool. Prints one JSON line with what it saw.

    xvfb-run -a -s "-screen 0 1920x1080x24" python tests/system/xstart.py OUT_DIR

Used by ``test_real_x_start.py``; the environment (``COUNTER_APP_DB``, ``HOME``) comes from the test.
"""

from __future__ import annotations

import ctypes
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TITLES = ("取号", "1号窗口", "2号窗口", "叫号屏")  # the default window set, in the hall's language
WINDOW_LINE = re.compile(r'^\s*(0x[0-9a-f]+) "([^"]*)": \(.*\)\s+(\d+)x(\d+)\+(-?\d+)\+(-?\d+)')


def windows() -> dict[str, dict[str, int | str]]:
    tree = subprocess.run(["xwininfo", "-root", "-tree"], capture_output=True, text=True, check=False).stdout
    found: dict[str, dict[str, int | str]] = {}
    for line in tree.splitlines():
        m = WINDOW_LINE.match(line)
        if m and m.group(2) in TITLES:
            found[m.group(2)] = {"id": m.group(1), "width": int(m.group(3)), "height": int(m.group(4))}
    return found


def viewable(window_id: str) -> bool:
    info = subprocess.run(["xwininfo", "-id", window_id], capture_output=True, text=True, check=False).stdout
    return "IsViewable" in info


def raise_window(window_id: str) -> None:
    """XRaiseWindow through libX11 (there is no window manager in Xvfb to do it)."""
    x11 = ctypes.cdll.LoadLibrary("libX11.so.6")
    x11.XOpenDisplay.restype = ctypes.c_void_p
    display = x11.XOpenDisplay(None)
    try:
        x11.XRaiseWindow(ctypes.c_void_p(display), ctypes.c_ulong(int(window_id, 16)))
        x11.XSync(ctypes.c_void_p(display), 0)
    finally:
        x11.XCloseDisplay(ctypes.c_void_p(display))


def wait_for(check: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return True
        time.sleep(0.1)
    return False


def main(out: Path) -> int:
    out.mkdir(parents=True, exist_ok=True)
    log_file = Path(os.environ["COUNTER_APP_DB"]).parent / "logs" / "counter-app.log"
    terminal = out / "run.out"
    with terminal.open("wb") as sink:
        tool = subprocess.Popen(
            [str(ROOT / "run.sh")], stdout=sink, stderr=subprocess.STDOUT, start_new_session=True
        )
    report: dict[str, object] = {"windows": {}, "alive": False}
    try:
        mapped = wait_for(lambda: len(windows()) == len(TITLES) or tool.poll() is not None, 90)
        loaded = wait_for(
            lambda: log_file.exists() and "windows loaded" in log_file.read_text("utf-8", "replace"), 60
        )
        report["loaded"] = mapped and loaded
        found = windows()
        for title, info in found.items():
            raise_window(str(info["id"]))
            time.sleep(0.5)  # the window repaints what was under the others
            shot = out / f"window-{TITLES.index(title)}.png"
            subprocess.run(["import", "-window", str(info["id"]), str(shot)], check=False)
            info.update(viewable=viewable(str(info["id"])), png=str(shot))
        subprocess.run(["import", "-window", "root", str(out / "screen.png")], check=False)
        report["windows"] = found
        report["alive"] = tool.poll() is None
    finally:
        if tool.poll() is None:
            os.killpg(tool.pid, signal.SIGTERM)
        report["exit"] = tool.wait(30)
    report["terminal"] = terminal.read_text("utf-8", "replace")
    print(json.dumps(report, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1])))
