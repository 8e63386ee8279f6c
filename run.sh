#!/usr/bin/env bash
# Set up and start the counter tool on this PC: a kiosk, two counters and the hall display, on the
# demo hall database when there is no hall database yet. Arguments are passed to `counter-app gui`
# instead (e.g. ./run.sh --role counter --counter 3). Quiet on a normal start: what Qt and the sound
# system say goes to the log beside the database (logs/counter-app.log).
set -euo pipefail
cd "$(dirname "$0")"
scripts/setup.sh
app=.venv/bin/counter-app
db=$(.venv/bin/python -c "from counter_app.paths import database_path; print(database_path())")
if [ ! -s "$db" ]; then  # none yet (or an empty file): the demo hall, once
  echo "No hall database yet: creating the demo hall at $db"
  "$app" init --demo --db "$db" >/dev/null
fi
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(--role kiosk --role counter --counter 1 --role counter --counter 2 --role display)
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "${QT_QPA_PLATFORM:-}" != offscreen ]; then
  echo "No screen on this machine: drawing each window to out/*.png instead."
  mkdir -p out
  QT_QPA_PLATFORM=offscreen exec "$app" gui "${args[@]}" --screenshot out/hall.png
fi
exec "$app" gui "${args[@]}"
