"""One small exception hierarchy with stable codes.

Every error carries a `code` (stable, for programs) and the `values` involved; its
message is English for logs and the CLI. The app turns codes into its own Dutch words
(web/ui.py `error_text`) instead of reading the English message.
"""
from __future__ import annotations

from typing import Any


class KBError(Exception):
    """Base class of every error the knowledge base raises on purpose."""

    code = "error"

    def __init__(self, message: str = "", *, code: str | None = None, **values: Any) -> None:
        super().__init__(message)
        self.code = code or type(self).code
        self.values = values


class InvalidRecord(KBError, ValueError):
    """A record's fields break the record model."""

    code = "invalid_record"


class BadInput(KBError):
    """An input file cannot be read as a programme text (empty, binary, undecodable, too large)."""

    code = "bad_input"


class IndexMismatch(KBError):
    """The FAISS index on disk was built with another model or does not match the store."""

    code = "index_mismatch"


class BackendUnavailable(KBError, ImportError):
    """An optional backend was asked for but its package is not installed."""

    code = "backend_unavailable"


class NotFound(KBError, KeyError):
    """A record id (or other key) does not exist."""

    code = "not_found"

    def __str__(self) -> str:  # KeyError quotes its message; we want it plain
        return str(self.args[0]) if self.args else "not found"


class InvalidQuery(KBError, ValueError):
    """A search request with an unknown filter value or an impossible parameter."""

    code = "invalid_query"


class VersionConflict(KBError):
    """Someone else saved the record since it was opened: optimistic locking refused the save."""

    code = "version_conflict"

    def __init__(self, message: str, current: object = None, user: str | None = None, at: str | None = None,
                 fields: list[str] | None = None, code: str | None = None, **values: object) -> None:
        super().__init__(message, code=code, user=user, at=at, fields=fields or [], **values)
        self.current, self.user, self.at, self.fields = current, user, at, fields or []


class AuthError(KBError):
    """Wrong credentials, a disabled account, an expired session or too many failed logins."""

    code = "auth"


class Forbidden(KBError):
    """The user is logged in but their role does not allow the action."""

    code = "forbidden"
