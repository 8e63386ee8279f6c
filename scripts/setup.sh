#!/usr/bin/env bash
# Set up everything the counter tool needs on a fresh Debian/Ubuntu machine: the system libraries Qt
# loads (installed with apt-get when run as root, printed otherwise), a virtual environment in .venv
# and the Python packages. Safe to run again: it only installs what is missing, and says nothing
# when nothing is missing (pip's own output goes to .venv/setup.log).
#
#   scripts/setup.sh           set up (COUNTER_APP_TEST_TOOLS=1: also what the tests need)
#   scripts/setup.sh --check   only list the system packages that are missing (exit 1 if any)
set -euo pipefail
cd "$(dirname "$0")/.."

check_only=0
[ "${1:-}" = "--check" ] && check_only=1

# Each list is read once into a variable and searched with a here-string: `ldconfig -p | grep -q`
# under pipefail fails whenever grep stops reading early (ldconfig gets SIGPIPE), which reported
# installed libraries as missing most of the time.
ldconfig_cmd=$(command -v ldconfig || echo /sbin/ldconfig)  # not on a normal user's PATH on Debian
libs=$("$ldconfig_cmd" -p 2>/dev/null || true)
fonts=$(fc-list 2>/dev/null || true)
have_lib() { grep -qF -- "$1" <<<"$libs"; }

missing=()
need_lib() { have_lib "$1" || missing+=("$2"); }
need_lib libEGL.so.1 libegl1
need_lib libGL.so.1 libgl1
need_lib libfontconfig.so.1 libfontconfig1
need_lib libdbus-1.so.3 libdbus-1-3
need_lib libglib-2.0.so.0 libglib2.0-0
need_lib libpulse.so.0 libpulse0                       # Qt's speech and sound modules
# Qt's xcb platform plugin (a real X display): `ldd` of PySide6's libqxcb.so and libQt6XcbQpa.so.6,
# and QT_DEBUG_PLUGINS=1 under xvfb-run, name these. Without them ./run.sh aborts (exit 134).
need_lib libxkbcommon.so.0 libxkbcommon0
need_lib libxkbcommon-x11.so.0 libxkbcommon-x11-0
need_lib libxcb.so.1 libxcb1
need_lib libX11-xcb.so.1 libx11-xcb1
need_lib libxcb-cursor.so.0 libxcb-cursor0
need_lib libxcb-icccm.so.4 libxcb-icccm4
need_lib libxcb-image.so.0 libxcb-image0
need_lib libxcb-keysyms.so.1 libxcb-keysyms1
need_lib libxcb-randr.so.0 libxcb-randr0
need_lib libxcb-render.so.0 libxcb-render0
need_lib libxcb-render-util.so.0 libxcb-render-util0
need_lib libxcb-shape.so.0 libxcb-shape0
need_lib libxcb-shm.so.0 libxcb-shm0
need_lib libxcb-sync.so.1 libxcb-sync1
need_lib libxcb-util.so.1 libxcb-util1
need_lib libxcb-xfixes.so.0 libxcb-xfixes0
need_lib libxcb-xkb.so.1 libxcb-xkb1
grep -qiE "Noto Sans CJK|WenQuanYi|Source Han" <<<"$fonts" || missing+=(fonts-noto-cjk fontconfig)
if [ "${COUNTER_APP_TEST_TOOLS:-0}" = 1 ]; then
  command -v pdftotext >/dev/null || missing+=(poppler-utils)  # tests read the printed PDFs
  command -v xvfb-run >/dev/null || missing+=(xvfb xauth)     # the real X start test
  command -v import >/dev/null || missing+=(imagemagick)      # … grabs the screen
  command -v xwininfo >/dev/null || missing+=(x11-utils)      # … and lists the windows
  compgen -G "/usr/lib/postgresql/*/bin/pg_ctl" >/dev/null || missing+=(postgresql)  # the hall server tests
fi
command -v python3 >/dev/null || missing+=(python3)
python3 -c "import venv, ensurepip" 2>/dev/null || missing+=(python3-venv)

if [ "$check_only" = 1 ]; then
  [ ${#missing[@]} -eq 0 ] && exit 0
  echo "${missing[*]}"
  exit 1
fi

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing system packages: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Please install these system packages first (as root):"
    echo "  sudo apt-get install ${missing[*]}"
    exit 1
  fi
fi

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
extras=""
[ "${COUNTER_APP_TEST_TOOLS:-0}" = 1 ] && extras="[test]"
stamp=".venv/.installed${extras}"
fresh() { [ -f "$1" ] && [ ! pyproject.toml -nt "$1" ]; }
# the test set-up includes the plain one: ./run.sh after ./test.sh installs nothing again
if ! fresh "$stamp" && ! { [ -z "$extras" ] && fresh ".venv/.installed[test]"; }; then
  echo "Installing the Python packages into .venv (details in .venv/setup.log) …"
  if ! { .venv/bin/python -m pip install -q --upgrade pip &&
    .venv/bin/python -m pip install -q -e ".${extras}"; } >.venv/setup.log 2>&1; then
    tail -n 20 .venv/setup.log
    echo "Installing the Python packages failed; the whole output is in .venv/setup.log"
    exit 1
  fi
  touch "$stamp"
fi

# A library Qt's screen plugin needs that the list above does not know yet (a newer PySide6):
# name it now rather than let the window abort later.
for plugin in .venv/lib/python3*/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so; do :; done
if [ -f "$plugin" ] && command -v ldd >/dev/null; then
  unresolved=$(ldd "$plugin" 2>/dev/null | awk '/not found/ {print $1}' | sort -u | tr '\n' ' ')
  if [ -n "$unresolved" ]; then
    echo "Qt cannot open windows on a screen: these libraries are missing: $unresolved"
    echo "  (apt-cache search the names, or: sudo apt-get install libxcb-cursor0 libxcb-icccm4 …)"
  fi
fi
