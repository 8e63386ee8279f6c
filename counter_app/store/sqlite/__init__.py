"""What only the embedded SQLite store has: its schema migrations (the connection and pragmas are in
:mod:`counter_app.store.database` and :mod:`counter_app.store.sqlite_sql` for now)."""
