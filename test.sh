#!/usr/bin/env bash
# Set up and run the whole test suite, then the linters, as CI does.
set -euo pipefail
cd "$(dirname "$0")"
COUNTER_APP_TEST_TOOLS=1 scripts/setup.sh
export QT_QPA_PLATFORM=offscreen
.venv/bin/python -m pytest -q "$@"
.venv/bin/ruff check counter_app tests bench scripts
.venv/bin/ruff format --check counter_app tests bench scripts
.venv/bin/mypy
.venv/bin/lint-imports --no-cache
