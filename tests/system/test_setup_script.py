"""``scripts/setup.sh``: what it says is missing is really missing.

Each check runs against fake ``ldconfig`` / ``fc-list`` commands first on ``PATH``, so the machine's
own libraries do not matter: a long listing (where ``grep -q`` stops reading early and the lister
gets SIGPIPE, which ``pipefail`` turned into "missing") and a listing without the X libraries Qt's
xcb plugin needs.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
XCB = {
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}
OTHER = [
    "libEGL.so.1",
    "libGL.so.1",
    "libfontconfig.so.1",
    "libdbus-1.so.3",
    "libglib-2.0.so.0",
    "libpulse.so.0",
    "libxkbcommon.so.0",
    "libxcb.so.1",
    "libX11-xcb.so.1",
    "libxcb-randr.so.0",
    "libxcb-render.so.0",
    "libxcb-shape.so.0",
    "libxcb-shm.so.0",
    "libxcb-sync.so.1",
    "libxcb-util.so.1",
    "libxcb-xfixes.so.0",
    "libxcb-xkb.so.1",
]


def fake_tools(folder: Path, libraries: list[str], filler: int) -> dict[str, str]:
    """``ldconfig -p`` listing ``libraries`` first and then ``filler`` more lines; ``fc-list`` with
    a CJK font first and then as many other fonts."""
    folder.mkdir(parents=True, exist_ok=True)
    listing = folder / "libs.txt"
    lines = [f"\t{name} (libc6,x86-64) => /lib/x86_64-linux-gnu/{name}" for name in libraries]
    lines += [f"\tlibfiller{i}.so.1 (libc6,x86-64) => /lib/libfiller{i}.so.1" for i in range(filler)]
    listing.write_text("\n".join(lines) + "\n")
    fonts = folder / "fonts.txt"
    fonts.write_text(
        "/usr/share/fonts/NotoSansCJK-Regular.ttc: Noto Sans CJK SC:style=Regular\n"
        + "".join(f"/usr/share/fonts/f{i}.ttf: Filler {i}:style=Regular\n" for i in range(filler))
    )
    for tool, source in (("ldconfig", listing), ("fc-list", fonts)):
        script = folder / tool
        script.write_text(f"#!/bin/sh\ncat {source}\n")
        script.chmod(0o755)
    return {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}", "COUNTER_APP_TEST_TOOLS": "0"}


def check(env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ROOT / "scripts" / "setup.sh"), "--check"], env=env, capture_output=True, text=True, timeout=60
    )


@pytest.mark.system
def test_installed_packages_are_never_reported_missing(tmp_path: Path) -> None:
    env = fake_tools(tmp_path / "bin", [*XCB, *OTHER], filler=20_000)
    for attempt in range(5):
        done = check(env)
        assert (done.returncode, done.stdout) == (0, ""), f"attempt {attempt}: {done.stdout}{done.stderr}"


@pytest.mark.system
def test_the_x_libraries_of_qts_xcb_plugin_are_checked(tmp_path: Path) -> None:
    env = fake_tools(tmp_path / "bin", OTHER, filler=10)
    done = check(env)
    assert done.returncode == 1
    assert set(done.stdout.split()) == set(XCB.values())
