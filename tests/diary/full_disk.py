"""``python -m tests.diary.full_disk ARGS...``: the real ``crampcheck`` CLI on a full disk.

Every SQLite connection the process opens gets ``PRAGMA max_page_count`` set to the
file's current size in pages, so SQLite answers any write that needs one more page with
SQLITE_FULL ("database or disk is full"), exactly as when the file system is out of space.
It needs no tiny file system (no root, no loop device) and touches nothing but this process.
"""

from __future__ import annotations

import sys
from typing import Any

from sqlalchemy import Engine, event


def _no_more_pages(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count = {max(int(pages), 1)}")
    finally:
        cursor.close()


if __name__ == "__main__":
    event.listen(Engine, "connect", _no_more_pages)
    from crampcheck.cli import main

    sys.argv = ["crampcheck", *sys.argv[1:]]
    main()
