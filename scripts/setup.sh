#!/usr/bin/env bash
# Set up everything the counter tool needs on a fresh Debian/Ubuntu machine: the system libraries Qt
# loads (installed with apt-get when run as root, printed otherwise), a virtual environment in .venv
# and the Python packages. Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
have_lib() { ldconfig -p 2>/dev/null | grep -q "$1"; }
have_lib libEGL.so.1 || missing+=(libegl1)
have_lib libGL.so.1 || missing+=(libgl1)
have_lib libxkbcommon.so.0 || missing+=(libxkbcommon0)
have_lib libfontconfig.so.1 || missing+=(libfontconfig1)
have_lib libdbus-1.so.3 || missing+=(libdbus-1-3)
have_lib libglib-2.0.so.0 || missing+=(libglib2.0-0)
have_lib libpulse.so.0 || missing+=(libpulse0)                 # Qt's speech and sound modules
have_lib libxcb-cursor.so.0 || missing+=(libxcb-cursor0)       # Qt on a real X display
fc-list 2>/dev/null | grep -qiE "Noto Sans CJK|WenQuanYi|Source Han" || missing+=(fonts-noto-cjk fontconfig)
if [ "${COUNTER_APP_TEST_TOOLS:-0}" = 1 ]; then
  command -v pdftotext >/dev/null || missing+=(poppler-utils)  # tests read the printed PDFs
fi
command -v python3 >/dev/null || missing+=(python3)
python3 -c "import venv, ensurepip" 2>/dev/null || missing+=(python3-venv)

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
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".${extras}"
  touch "$stamp"
fi
