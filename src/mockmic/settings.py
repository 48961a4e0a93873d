"""One place for every setting of the stored sessions, the web app and the terminal session.

Each setting can come from the environment with the `MOCKMIC_` prefix (MOCKMIC_DATABASE_URL,
MOCKMIC_DATA_DIR, MOCKMIC_PORT, ...) or be passed in by the command line (`--database URL`).
The database defaults to a SQLite file in the user's data directory, next to the recorded answers.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

__all__ = ["Settings"]


def _default_data_dir() -> Path:
    return platformdirs.user_data_path("mockmic", appauthor=False)


class Settings(BaseSettings):
    """Settings of stored sessions, the web app and the terminal session."""

    model_config = SettingsConfigDict(env_prefix="MOCKMIC_", extra="ignore", frozen=True)

    data_dir: Path = Field(
        default_factory=_default_data_dir,
        description="Where recorded answers (and the default SQLite database) are kept.",
    )
    database_url: str | None = Field(
        default=None,
        description="SQLAlchemy URL, e.g. postgresql+psycopg://user@host/mockmic. "
        "Default: sqlite:///<data_dir>/mockmic.db",
    )
    host: str = Field(default="127.0.0.1", description="Address the web app binds to.")
    port: int = Field(default=8000, ge=0, le=65535, description="Port the web app listens on.")
    max_upload_bytes: int = Field(
        default=25 * 1024 * 1024, gt=0, description="Largest answer upload accepted, in bytes."
    )
    max_answer_seconds: float = Field(
        default=600.0, gt=0, description="Longest answer recording accepted, in seconds."
    )
    max_text_chars: int = Field(
        default=20_000, gt=0, description="Longest typed answer accepted, in characters."
    )

    @property
    def audio_dir(self) -> Path:
        """Recorded answers, one file per answer, named by the answer's id."""
        return self.data_dir / "answers"

    @property
    def url(self) -> str:
        """The database URL in effect."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'mockmic.db'}"

    def with_database(self, database: str | None) -> Settings:
        """These settings with `--database URL` applied (a plain path means a SQLite file)."""
        if not database:
            return self
        url = database if "://" in database else f"sqlite:///{Path(database).resolve()}"
        return self.model_copy(update={"database_url": url})
