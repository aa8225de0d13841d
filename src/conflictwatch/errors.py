"""Errors raised by conflictwatch. Third-party errors are mapped to these with ``raise ... from``.

    ConflictwatchError
     ├── ConfigError              a setting is missing or invalid
     ├── InputError               an input cannot be used (the message names it and says why)
     │    ├── EmptyInput
     │    ├── BinaryInput
     │    ├── DecodeError
     │    ├── TooLarge
     │    ├── UnsupportedLanguage
     │    └── MalformedInput      broken JSON line, feed or HTML
     ├── FetchError               a URL could not be fetched
     │    └── BlockedURL          refused: private, loopback or link-local address, bad scheme
     ├── GazetteerError           the gazetteer is missing or unreadable
     ├── ModelError               the spaCy model or a trained classifier cannot be loaded
     ├── ExtractionError          coding one article failed (the batch goes on)
     ├── StoreError               the event store failed (nothing was half-written)
     │    └── NotFound
     └── AuthError                a missing or wrong API key
"""

from __future__ import annotations


class ConflictwatchError(Exception):
    """Base of every error conflictwatch raises on purpose."""


class ConfigError(ConflictwatchError):
    pass


class InputError(ConflictwatchError):
    """An input that cannot be processed. ``source`` names it (a path, a URL, 'file:12')."""

    reason = "unusable input"

    def __init__(self, message: str, source: str | None = None) -> None:
        super().__init__(message)
        self.source = source

    def __str__(self) -> str:
        msg = super().__str__()
        return f"{self.source}: {msg}" if self.source else msg


class EmptyInput(InputError):
    reason = "empty"


class BinaryInput(InputError):
    reason = "binary"


class DecodeError(InputError):
    reason = "undecodable"


class TooLarge(InputError):
    reason = "too large"


class UnsupportedLanguage(InputError):
    reason = "unsupported language"


class MalformedInput(InputError):
    reason = "malformed"


class FetchError(ConflictwatchError):
    pass


class BlockedURL(FetchError):
    pass


class GazetteerError(ConflictwatchError):
    pass


class ModelError(ConflictwatchError):
    pass


class ExtractionError(ConflictwatchError):
    pass


class StoreError(ConflictwatchError):
    pass


class NotFound(StoreError):
    pass


class AuthError(ConflictwatchError):
    pass
