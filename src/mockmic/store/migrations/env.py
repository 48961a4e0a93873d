"""Alembic environment: migrations run programmatically by mockmic.store.db.migrate().

The caller hands over an open connection in `config.attributes["connection"]`; run from the
alembic command line instead, the URL comes from `sqlalchemy.url` or MOCKMIC_DATABASE_URL.
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy import create_engine

from mockmic.store.models import Base


def _run(connection: object) -> None:
    context.configure(
        connection=connection,  # type: ignore[arg-type]
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite cannot ALTER most things; batch mode rebuilds tables
    )
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = context.config.get_main_option("sqlalchemy.url") or os.environ["MOCKMIC_DATABASE_URL"]
    with create_engine(url).connect() as conn:
        _run(conn)
