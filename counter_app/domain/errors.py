"""Typed errors shared by every layer.

Two kinds, as in qutebrowser's ``misc/sql.py``: a :class:`HallError` is a refusal the clerk can act on
(bad input, a rule that forbids the action); :class:`StoreUnavailable` is the environment failing
(disk full, database locked past the timeout, damaged or read-only file). Anything else is a bug.

Each error carries a stable ``code`` and its ``params`` so the UI can word it in the clerk's language
(``ui/messages.py``); ``str(error)`` is the English fallback used by the CLI and the logs.
"""

from __future__ import annotations

from typing import Any


class HallError(Exception):
    """A refusal: the action was not done and nothing was changed."""

    code: str = "refused"

    def __init__(self, message: str, *, code: str | None = None, **params: Any) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        self.params: dict[str, Any] = params

    @property
    def message(self) -> str:
        return str(self)


class NotFound(HallError):
    code = "not_found"


class InvalidInput(HallError):
    """Bad input in one field; ``field`` names it so a form can point at it."""

    code = "invalid_input"

    def __init__(self, message: str, *, field: str = "", code: str | None = None, **params: Any) -> None:
        super().__init__(message, code=code, **params)
        self.field = field


class RuleViolation(HallError):
    """The action breaks a business rule (a second finish, a ticket that is not yours, …)."""

    code = "rule"


class NobodyWaiting(HallError):
    code = "nobody_waiting"


class NotAHallDatabase(HallError):
    """The path given is not a hall database this version can use: nothing there (a mistyped
    ``--db``), an empty file, another program's SQLite file, or a hall written by a newer version.
    Nothing was created or changed. ``code`` is ``hall_db_missing``, ``not_a_hall_db`` or
    ``hall_db_newer``; ``path`` names the file."""

    code = "not_a_hall_db"


class AlreadyApplied(Exception):
    """The hall server already has this handed-over action (a replay after a crash between the
    server's commit and the PC's note of it): nothing was changed, and that is the right outcome."""

    def __init__(self, uuid: str, *, earlier: bool = False) -> None:
        super().__init__(f"action {uuid} is already on the server")
        self.uuid = uuid
        self.earlier = earlier
        """The action's UUID was found recorded: an earlier hand-over of this PC settled it (cut
        before the PC noted so); ``False``: the server had the action's effect from elsewhere."""


class StoreUnavailable(Exception):
    """The store cannot be used right now; the action was not done. ``reason`` is one of
    ``locked``, ``disk_full``, ``read_only``, ``corrupt``, ``io``, ``missing``, ``damaged`` (a damaged
    hall file open read-only: every write refused)."""

    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.params: dict[str, Any] = {}
        """What the failed action had already settled (e.g. the guidance recorded before its slip
        could not be written), for the CLI's error line."""


class NotPermitted(HallError):
    """The signed-in member of staff's role may not do this (:mod:`counter_app.domain.roles`), or
    nobody is signed in (``code="sign_in_required"``). ``params``: ``action`` and ``role``."""

    code = "not_permitted"


class FileRefused(HallError):
    """A file the tool was asked to write or read cannot be used as asked; nothing was written.

    ``reason`` (also in ``params``): ``not_regular`` (a device, FIFO, folder…), ``symlink``,
    ``no_folder``, ``no_permission``, ``read_only``, ``bad_name``, ``missing``, ``too_large``.
    """

    code = "file_refused"

    def __init__(self, message: str, *, path: str, reason: str, explanation: str = "") -> None:
        super().__init__(message, path=path, reason=reason)
        self.path = path
        self.reason = reason
        self.explanation = explanation or message  # what is wrong, without the path: for a caller's sentence


class FileUnavailable(StoreUnavailable):
    """A file could not be written because the environment failed (``reason``: ``disk_full`` or
    ``io``); nothing half-written is left. A kind of :class:`StoreUnavailable`, so every place that
    shows the environment failing (the CLI's exit 4, the window's calm message) shows this too."""

    def __init__(self, message: str, *, reason: str, path: str) -> None:
        super().__init__(message, reason=reason)
        self.path = path
