"""One small exception hierarchy; the CLI turns these into one-line errors, the app into st.error."""
from __future__ import annotations


class KBError(Exception):
    """Base class of every error the knowledge base raises on purpose."""


class InvalidRecord(KBError, ValueError):
    """A record's fields break the record model."""


class BadInput(KBError):
    """An input file cannot be read as a programme text (empty, binary, undecodable, too large)."""


class IndexMismatch(KBError):
    """The FAISS index on disk was built with another model or does not match the store."""


class BackendUnavailable(KBError, ImportError):
    """An optional backend was asked for but its package is not installed."""


class NotFound(KBError, KeyError):
    """A record id (or other key) does not exist."""

    def __str__(self) -> str:  # KeyError quotes its message; we want it plain
        return str(self.args[0]) if self.args else "not found"


class InvalidQuery(KBError, ValueError):
    """A search request with an unknown filter value or an impossible parameter."""


class VersionConflict(KBError):
    """Someone else saved the record since it was opened: optimistic locking refused the save."""

    def __init__(self, message: str, current: object = None, user: str | None = None, at: str | None = None,
                 fields: list[str] | None = None) -> None:
        super().__init__(message)
        self.current, self.user, self.at, self.fields = current, user, at, fields or []


class AuthError(KBError):
    """Wrong credentials, a disabled account, an expired session or too many failed logins."""


class Forbidden(KBError):
    """The user is logged in but their role does not allow the action."""
