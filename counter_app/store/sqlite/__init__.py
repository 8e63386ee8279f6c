"""The embedded engine: one SQLite file per hall PC (``hall.sqlite3``).

``hall_file.py`` opens it as a :class:`~counter_app.store.hall_store.HallStore`; ``connection.py``
opens and checks the file and runs one action as one transaction; ``migrations.py`` and the
``schema_*.py`` modules (queue, applications, accounts, hall, quality) make and upgrade its tables
(``db/README.md`` says how they are written and numbered); ``changes.py`` notices other processes'
commits.
"""
