"""Write ``db/schema.sql`` from a freshly migrated hall database.

    python scripts/dump_schema.py [OUT]

Run it after adding a migration and commit the result with it: ``tests/unit/store/test_schema_dump.py``
fails while the committed file differs from what the migrations make.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from counter_app.store.sqlite.hall_file import open_sqlite_store
from counter_app.store.sqlite.migrations import schema_text

ROOT = Path(__file__).resolve().parents[1]


def fresh_schema() -> str:
    with tempfile.TemporaryDirectory(prefix="counter-schema-") as folder:
        store = open_sqlite_store(Path(folder) / "hall.sqlite3", create=True)
        try:
            return schema_text(store.db)
        finally:
            store.close()


def main(out: Path) -> None:
    out.write_text(fresh_schema(), encoding="utf-8")
    print(out)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "db" / "schema.sql")
