"""API keys: made once, shown once, stored only as a SHA-256 hash in an ``api_keys`` table.

Keys are 32 random bytes (url-safe), so a plain SHA-256 is enough: there is nothing to guess.
The table lives in the same database as the events (``Settings.database_url``); the store's
Alembic migrations create it (0002), and first use here brings the database to the latest one.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import UTC, datetime

import sqlalchemy as sa
from fastapi.security import APIKeyHeader

from conflictwatch.errors import AuthError
from conflictwatch.store.tables import api_keys

KEY_HEADER = "X-API-Key"
KEY_PREFIX = "cw_"


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class ApiKeyStore:
    """Create and check API keys in ``url``'s database."""

    def __init__(self, url: str) -> None:
        from conflictwatch.store.engine import make_engine  # same URL rules as the event store

        self.engine = make_engine(url)
        self._ready = False

    def _ensure(self) -> None:
        if not self._ready:
            from conflictwatch.store.engine import migrate

            migrate(self.engine)  # raises StoreError with the reason when it cannot
            self._ready = True

    def create(self, label: str | None = None) -> str:
        """Make a new key, store its hash and return the key itself (the only time it is seen)."""
        self._ensure()
        key = KEY_PREFIX + secrets.token_urlsafe(32)
        with self.engine.begin() as conn:
            conn.execute(api_keys.insert().values(key_hash=hash_key(key), label=label,
                                                  created=datetime.now(UTC).replace(tzinfo=None),
                                                  revoked=False))
        return key

    def entries(self) -> list[dict]:
        """Every key's id, label, creation time and state; never the key (it is not stored)."""
        self._ensure()
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(api_keys.c.id, api_keys.c.label, api_keys.c.created,
                                          api_keys.c.revoked).order_by(api_keys.c.id)).mappings()
            return [dict(r) for r in rows]

    def revoke(self, key_id: int) -> None:
        """Revoke a key by its id; NotFound if there is none."""
        from conflictwatch.errors import NotFound

        self._ensure()
        with self.engine.begin() as conn:
            done = conn.execute(api_keys.update().where(api_keys.c.id == key_id).values(revoked=True)).rowcount
        if not done:
            raise NotFound(f"no API key with id {key_id}")

    def verify(self, key: str | None) -> None:
        """Raise AuthError unless ``key`` is a known, unrevoked key."""
        if not key:
            raise AuthError(f"missing API key: send it in the {KEY_HEADER} header")
        self._ensure()
        digest = hash_key(key)
        with self.engine.connect() as conn:
            row = conn.execute(
                sa.select(api_keys.c.key_hash).where(api_keys.c.key_hash == digest, ~api_keys.c.revoked)
            ).first()
        if row is None or not hmac.compare_digest(row[0], digest):
            raise AuthError("unknown or revoked API key")

    def close(self) -> None:
        self.engine.dispose()


key_header = APIKeyHeader(
    name=KEY_HEADER, auto_error=False, description="A key made with `conflictwatch apikey create`."
)
