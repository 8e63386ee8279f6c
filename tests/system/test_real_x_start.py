"""``./run.sh`` on a machine with a screen: the default window set on a real X server (Xvfb).

The offscreen platform the other tests use does not load Qt's xcb plugin, so a missing X library
(``libxcb-icccm4``, ``libxcb-keysyms1``, …) aborted the real start (exit 134) while every test
passed. This test starts ``run.sh`` as a clerk would, under ``xvfb-run``, grabs each window and the
screen, and checks what a clerk would see: four windows drawn in the hall's colours, and a quiet
terminal (Qt's and the sound system's messages go to the log).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

HERE = Path(__file__).resolve().parent
TEAL = (0x00, 0x70, 0x6B)  # the kiosk's and counters' header
DISPLAY_BACKGROUND = (0x06, 0x30, 0x2E)


def share(image: Image.Image, colour: tuple[int, int, int], box: tuple[int, int, int, int]) -> float:
    """Share of the pixels in ``box`` that have ``colour`` (within a small tolerance)."""
    part = image.convert("RGB").crop(box)
    pixels = [part.getpixel((x, y)) for y in range(0, part.height, 2) for x in range(0, part.width, 2)]
    near = sum(1 for p in pixels if all(abs(a - b) <= 6 for a, b in zip(p, colour, strict=True)))
    return near / len(pixels)


@pytest.mark.system
def test_run_sh_opens_the_default_windows_on_a_real_x_server(tmp_path: Path) -> None:
    for tool, package in (("xvfb-run", "xvfb"), ("import", "imagemagick"), ("xwininfo", "x11-utils")):
        assert shutil.which(tool), f"{tool} is missing: scripts/setup.sh installs {package} for the tests"
    home = tmp_path / "home"
    home.mkdir()
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY", "COUNTER_APP_PROFILE"}
    }
    env.update(HOME=str(home), COUNTER_APP_DB=str(tmp_path / "hall" / "hall.sqlite3"))
    out = tmp_path / "shots"
    done = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1920x1080x24", sys.executable, str(HERE / "xstart.py"), str(out)],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["alive"], f"the tool stopped by itself (exit {report['exit']}):\n{report['terminal']}"
    assert report["loaded"], report
    shown = report["windows"]
    assert sorted(shown) == sorted(["取号", "1号窗口", "2号窗口", "叫号屏"])
    for title, window in shown.items():
        assert window["viewable"], title
        image = Image.open(window["png"])
        width, height = image.size
        assert (width, height) == (window["width"], window["height"])
        if title == "叫号屏":
            assert share(image, DISPLAY_BACKGROUND, (0, 0, width, height)) > 0.15, title
        else:
            assert share(image, TEAL, (0, 0, width, 50)) > 0.5, title  # the header band is drawn
        assert len(image.convert("RGB").getcolors(1 << 24) or []) > 50, f"{title} has no text or pictures"
    screen = Image.open(out / "screen.png")
    assert screen.size == (1920, 1080)
    # a clerk's terminal: the demo hall line on the first start, nothing from Qt or PulseAudio
    lines = [line for line in report["terminal"].splitlines() if line.strip()]
    assert lines == [f"No hall database yet: creating the demo hall at {tmp_path / 'hall' / 'hall.sqlite3'}"]
    # the log is beside the database, in the hall's time (Asia/Shanghai)
    log = (tmp_path / "hall" / "logs" / "counter-app.log").read_text("utf-8")
    assert "windows loaded" in log
    assert all("+08:00 " in line for line in log.splitlines() if line[:4].isdigit())
