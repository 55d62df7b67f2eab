"""What the web server keeps in the database: accounts, sessions, interviews, diaries.

The web and API tier hold no state in memory between requests. Everything a
request needs next time lives in the database named by ``CRAMPCHECK_DATABASE_URL``:

* :mod:`.models` / :mod:`.migrations` — the server's own tables (accounts, login
  sessions, failed logins, interviews, the shared secret), migrated by Alembic in
  a chain of their own, separate from the diary's.
* :mod:`.store` — opening it, and a per-person diary: the local person's diary is
  the ordinary one; in server mode each account gets its own (its own PostgreSQL
  schema, or its own SQLite file), so one person's queries cannot reach another's
  rows.
* :mod:`.accounts` — registration, password hashing (argon2), login sessions and
  the login rate limit.
* :mod:`.interviews` — stored interviews: start, answer, go back, show.
"""
