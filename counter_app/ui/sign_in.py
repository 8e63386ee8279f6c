"""Signing in at a counter or the supervisor's dashboard (登录), the idle lock (闲置锁屏) and the
first start's administrator.

:class:`SignInCover` lies over the whole counter window: the window's own widgets stay exactly as they
are underneath (the form half filled in, the tab open, the customer at the counter) and are disabled
while covered, so no key reaches them. :class:`CounterSignIn` decides when the cover shows:

* the hall has accounts and nobody is signed in on this PC → **sign in** (staff code + password);
* the clerk has not touched the PC for the idle minutes (``domain/sign_in.IdlePolicy``, measured on a
  monotonic clock, so a clock jump neither locks nor unlocks) → **locked**: only that clerk resumes,
  with their PIN (or password when they set no PIN), and finds everything as they left it; anyone
  else signs in afresh;
* the hall has no administrator yet and the clerk button is pressed → **set up**: create one here,
  with a password chosen here (never a default), or on the command line (``counter-app user add NAME
  --role admin``); "Later" goes on as before (a typed name), since a hall without accounts enforces
  nothing. Once created, the counter asks for a clerk's sign-in (the administrator serves no one).

The supervisor's dashboard uses the same cover and controller (``counter=None``, ``roles`` = the
supervisor and the administrator): it stays covered from the start until the hall says who may see
it, and refuses a clerk plainly.

What the window shows above its content (its menu widget: the damaged-file strip) stays in sight and
usable under the cover.

Every check runs in the service (``UserService``) through the hall's worker; this module only asks.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import StrEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect, Qt, Signal, Slot
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.masking import mask_name
from counter_app.domain.roles import Role
from counter_app.domain.sign_in import DEFAULT_IDLE_POLICY, IdlePolicy, IdleState, idle_status
from counter_app.ui import style
from counter_app.ui.messages import QT_TRANSLATE_NOOP, describe, register
from counter_app.ui.widgets import make_timer

if TYPE_CHECKING:
    from counter_app.services.hall import Hall
    from counter_app.services.session import Session
    from counter_app.ui.hall_client import HallClient


class CoverMode(StrEnum):
    SIGN_IN = "sign_in"
    LOCKED = "locked"
    SET_UP = "set_up"
    WAITING = "waiting"  # until the hall says whether it has accounts (the dashboard shows nothing)


DESK_ROLES = frozenset({Role.CLERK, Role.SUPERVISOR})
"""Who serves at a counter."""
LEAD_ROLES = frozenset({Role.SUPERVISOR, Role.ADMINISTRATOR})
"""Who opens the supervisor's dashboard."""


_ACTIVITY = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
    }
)

_CARD = f"""
QFrame#card {{ background: white; border-radius: 12px; }}
QLabel#title {{ color: {style.TEAL_DARK}; }}
QLabel#note {{ color: {style.MUTED}; }}
QLabel#problem {{ color: {style.RED}; }}
QLineEdit {{ border: 1px solid #b8c4c4; border-radius: 6px; padding: 6px 10px; background: white; }}
QLineEdit:focus {{ border-color: {style.TEAL}; }}
QPushButton#primary {{ background: {style.TEAL}; color: white; border: none; border-radius: 6px;
    padding: 8px 22px; }}
QPushButton#primary:disabled {{ background: #9fbfbd; }}
QPushButton#secondary {{ background: transparent; color: {style.TEAL_DARK}; border: 1px solid {style.TEAL};
    border-radius: 6px; padding: 8px 16px; }}
"""


class SignInCover(QWidget):
    """The cover and its card; says what it asks, and hands what was typed to its controller."""

    submitted = Signal()
    other_clerk = Signal()
    later = Signal()
    cancelled = Signal()

    def __init__(self, window: QMainWindow, counter: int | None) -> None:
        """``counter``: the counter's number, or ``None`` for the supervisor's dashboard."""
        super().__init__(window)
        self.window_ = window
        self.counter = counter
        self.mode = CoverMode.SIGN_IN
        self.cancellable = False
        self.locked_name = ""
        self.setObjectName("signInCover")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        outer = QVBoxLayout(self)
        outer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.card = QFrame(self)
        self.card.setObjectName("card")
        self.card.setStyleSheet(_CARD)
        self.card.setFixedWidth(460)
        outer.addWidget(self.card, 0, Qt.AlignmentFlag.AlignCenter)
        column = QVBoxLayout(self.card)
        column.setContentsMargins(32, 28, 32, 28)
        column.setSpacing(10)
        self.title = QLabel(self.card)
        self.title.setObjectName("title")
        self.title.setFont(style.font(18, bold=True))
        self.note = QLabel(self.card)
        self.note.setObjectName("note")
        self.note.setWordWrap(True)
        self.note.setFont(style.font(11))
        column.addWidget(self.title)
        column.addWidget(self.note)
        self.code = self._field(column, echo=False)
        self.name = self._field(column, echo=False)
        self.secret = self._field(column, echo=True)
        self.again = self._field(column, echo=True)
        self.problem = QLabel(self.card)
        self.problem.setObjectName("problem")
        self.problem.setWordWrap(True)
        self.problem.setFont(style.font(11))
        column.addWidget(self.problem)
        buttons = QHBoxLayout()
        self.secondary = QPushButton(self.card)
        self.secondary.setObjectName("secondary")
        self.primary = QPushButton(self.card)
        self.primary.setObjectName("primary")
        self.primary.setDefault(True)
        for button in (self.secondary, self.primary):
            button.setFont(style.font(12, bold=button is self.primary))
        buttons.addWidget(self.secondary)
        buttons.addStretch(1)
        buttons.addWidget(self.primary)
        column.addLayout(buttons)
        self.primary.clicked.connect(self.submitted)
        for field in (self.code, self.name, self.secret, self.again):
            field.returnPressed.connect(self.submitted)
        self.secondary.clicked.connect(self._secondary)
        window.installEventFilter(self)
        self.hide()

    def _field(self, column: QVBoxLayout, *, echo: bool) -> QLineEdit:
        field = QLineEdit(self.card)
        field.setFont(style.font(13))
        field.setMaxLength(128)
        if echo:
            field.setEchoMode(QLineEdit.EchoMode.Password)
        column.addWidget(field)
        return field

    @Slot()
    def _secondary(self) -> None:
        if self.mode is CoverMode.LOCKED:
            self.other_clerk.emit()
        elif self.mode is CoverMode.SET_UP:
            self.later.emit()
        else:
            self.cancelled.emit()

    # what it shows ---------------------------------------------------------------------------------
    def show_mode(
        self, mode: CoverMode, *, locked_name: str = "", problem: str = "", cancellable: bool = False
    ) -> None:
        """``cancellable``: signing in to take over a counter its clerk is at (the clerk button):
        the clerk may go back to it."""
        self.mode, self.locked_name, self.cancellable = mode, locked_name, cancellable
        for field in (self.name, self.secret, self.again):
            field.clear()
        if mode is not CoverMode.SIGN_IN:
            self.code.clear()
        self.problem.setText(problem)
        self.primary.setEnabled(True)
        self.retranslate()
        asking = mode is not CoverMode.WAITING
        self.code.setVisible(asking and mode is not CoverMode.LOCKED)
        self.name.setVisible(mode is CoverMode.SET_UP)
        self.secret.setVisible(asking)
        self.again.setVisible(mode is CoverMode.SET_UP)
        self.primary.setVisible(asking)
        self.secondary.setVisible(asking and (mode is not CoverMode.SIGN_IN or cancellable))
        self.note.setMinimumHeight(self.note.heightForWidth(self.card.width() - 64))
        self.card.adjustSize()
        self.setGeometry(self.area())
        self.show()
        self.raise_()
        (self.secret if mode is CoverMode.LOCKED else self.code).setFocus()

    def area(self) -> QRect:
        """The window but its menu widget (the damaged-file strip), which stays in sight."""
        rect = self.window_.rect()
        top = self.window_.menuWidget()
        if top is not None and not top.isHidden():
            rect.setTop(top.geometry().bottom() + 1)
        return rect

    def say(self, problem: str) -> None:
        self.problem.setText(problem)
        self.primary.setEnabled(True)
        self.secret.clear()
        self.again.clear()
        self.secret.setFocus()

    def retranslate(self) -> None:
        counter = self.counter
        if counter is None and self.mode is not CoverMode.SET_UP:
            self._retranslate_dashboard()
        elif self.mode is CoverMode.SIGN_IN:
            self.title.setText(self.tr("Sign in to counter %1").replace("%1", str(counter)))
            self.note.setText(self.tr("Enter your staff code and password before serving customers."))
            self.secret.setPlaceholderText(self.tr("Password"))
            self.primary.setText(self.tr("Sign in"))
            self.secondary.setText(self.tr("Cancel"))
        elif self.mode is CoverMode.LOCKED:
            self.title.setText(self.tr("Counter %1 is locked").replace("%1", str(counter)))
            self._retranslate_locked()
        else:
            self.title.setText(self.tr("Set up the administrator"))
            self.note.setText(
                self.tr(
                    "This hall has no administrator yet. Create one now with a password chosen here; "
                    "there is no default password. Until then anyone may use the counter."
                )
            )
            self.name.setPlaceholderText(self.tr("Name"))
            self.secret.setPlaceholderText(self.tr("Password (at least 8 characters)"))
            self.again.setPlaceholderText(self.tr("Password again"))
            self.primary.setText(self.tr("Create administrator"))
            self.secondary.setText(self.tr("Later"))
        self.code.setPlaceholderText(self.tr("Staff code"))

    def _retranslate_locked(self) -> None:
        """The idle lock's words below its title (the counter's and the dashboard's alike)."""
        self.note.setText(
            self.tr(
                "Locked after a while without use. %1 resumes with their PIN: everything on the "
                "screen is kept as it was."
            ).replace("%1", self.locked_name)
        )
        self.secret.setPlaceholderText(self.tr("PIN (or password if no PIN is set)"))
        self.primary.setText(self.tr("Resume"))
        self.secondary.setText(self.tr("Sign in as someone else"))

    def _retranslate_dashboard(self) -> None:
        if self.mode is CoverMode.LOCKED:
            self.title.setText(self.tr("Dashboard locked"))
            self._retranslate_locked()
        else:
            self.title.setText(self.tr("Sign in to the dashboard"))
            self.note.setText(
                self.tr(
                    "A supervisor or administrator signs in with staff code and password; the hall's "
                    "figures, reports and staff accounts show once signed in."
                )
                if self.mode is CoverMode.SIGN_IN
                else self.tr("Checking who may open the dashboard…")
            )
            self.secret.setPlaceholderText(self.tr("Password"))
            self.primary.setText(self.tr("Sign in"))
            self.secondary.setText(self.tr("Cancel"))
        self.code.setPlaceholderText(self.tr("Staff code"))

    # keeping the whole window covered ----------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        resized = kind in (QEvent.Type.Resize, QEvent.Type.LayoutRequest)
        window = getattr(self, "window_", None)  # None while Qt tears a closed window down
        if window is not None and watched is window and resized and self.isVisible():
            self.setGeometry(self.area())
        return False

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(style.TEAL_DARK))  # opaque: nothing of the desk shows
        painter.end()


class CounterSignIn(QObject):
    """When the counter window is covered, and what the cover's answers do (through the hall)."""

    signed_in = Signal(object)  # the Session of the clerk now at the counter
    locked = Signal()
    resumed = Signal()
    admitted = Signal()  # the window may show what it holds: no sign-in set up, or a role it takes
    asked = Signal()  # the hall has accounts and nobody who may use the window is signed in

    def __init__(
        self,
        window: QMainWindow,
        client: HallClient[Hall],
        counter: int | None,
        on_clerk: Callable[[str], None],
        on_later: Callable[[], None] | None = None,
        *,
        policy: IdlePolicy = DEFAULT_IDLE_POLICY,
        now: Callable[[], float] = time.monotonic,
        roles: frozenset[Role] = DESK_ROLES,
    ) -> None:
        """``on_clerk(code)``: the window's own way to seat a clerk at its counter; ``on_later()``:
        its way to take a typed name in a hall that has not set sign-in up. ``counter=None``: the
        supervisor's dashboard. ``roles``: who may use the window (others are refused plainly); a
        window that is not a counter's is covered from the start until the hall answers."""
        super().__init__(window)
        self.roles = roles
        self.window = window
        self.client = client
        self.on_clerk = on_clerk
        self.on_later = on_later
        self.setup_needed = False
        self.policy = policy
        self.now = now
        self.cover = SignInCover(window, counter)
        self.session: Session | None = None
        self.enforcing = False
        self._last = now()
        self.cover.submitted.connect(self._submit)
        self.cover.other_clerk.connect(self._other_clerk)
        self.cover.later.connect(self._later)
        self.cover.cancelled.connect(self._uncover)
        self._watched: QObject | None = None
        self._timer = make_timer(self, 1000, self.check)
        window.installEventFilter(self)  # its Show: then its native window's input (see _watch)
        self._watch()
        self._timer.start()
        if counter is None:
            self._cover(CoverMode.WAITING)  # nothing of the dashboard shows before the hall answers
        client.submit(_state, self._on_state, self._on_error)

    @property
    def covered(self) -> bool:
        return self.cover.isVisible()

    # what the hall says at start --------------------------------------------------------------------
    def _on_state(self, state: tuple[bool, bool, Session | None]) -> None:
        self.enforcing, self.setup_needed, session = state
        if session is not None and session.role in self.roles:
            self._seat(session)
            self._uncover()
            self.admitted.emit()
        elif self.enforcing:
            self._cover(CoverMode.SIGN_IN)
            self.asked.emit()
        else:
            self._uncover()
            self.admitted.emit()

    @property
    def offers_sign_in(self) -> bool:
        """Whether the clerk button is this controller's: the hall has accounts, or none yet."""
        return self.enforcing or self.setup_needed

    def ask_sign_in(self) -> None:
        """The clerk button: another clerk takes the counter (signing in when the hall has accounts),
        or the hall's first start sets its administrator up."""
        if self.enforcing:
            self._cover(CoverMode.SIGN_IN, cancellable=self.session is not None)
        else:
            self._cover(CoverMode.SET_UP)

    @Slot()
    def _later(self) -> None:
        self._uncover()
        if self.on_later is not None:
            self.on_later()

    # the idle lock -----------------------------------------------------------------------------------
    def _watch(self) -> None:
        """Watch the input of the window's native window (every key, click and touch of the clerk
        passes there before reaching a widget; nothing of other windows does)."""
        handle = self.window.windowHandle()
        if handle is not None and self._watched is not handle:
            handle.installEventFilter(self)
            self._watched = handle

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self.window:
            if kind == QEvent.Type.Show:
                self._watch()
                self._timer.start()
            elif kind == QEvent.Type.Close:
                self._timer.stop()
        elif kind in _ACTIVITY and not self.covered:
            self._last = self.now()
        return False

    @Slot()
    def check(self) -> None:
        """Lock the counter once its clerk has been away for the idle minutes (only a signed-in
        clerk's counter locks: a hall without sign-in has nobody to resume it)."""
        if self.session is None or self.covered:
            return
        status = idle_status(self._last, self.now(), self.policy)
        if status.state is IdleState.LOCKED:
            self.lock()

    def lock(self) -> None:
        session = self.session
        if session is None:
            return
        self._cover(CoverMode.LOCKED, locked_name=f"{mask_name(session.name)} ({session.staff})")
        self.client.submit(lambda h: h.users.lock_idle(), None, self._on_error)
        self.locked.emit()

    # answers ---------------------------------------------------------------------------------------
    @Slot()
    def _submit(self) -> None:
        cover = self.cover
        code, secret = cover.code.text().strip(), cover.secret.text()
        cover.primary.setEnabled(False)
        if cover.mode is CoverMode.LOCKED and self.session is not None:
            staff = self.session.staff
            self.client.submit(lambda h: h.users.resume(staff, secret), self._on_resumed, self._refused)
        elif cover.mode is CoverMode.SET_UP:
            name, again = cover.name.text(), cover.again.text()
            if again != secret:
                cover.say(self.tr("The two passwords differ."))
                return
            self.client.submit(lambda h: _set_up(h, code, name, secret), self._on_signed_in, self._refused)
        else:
            self.client.submit(lambda h: h.users.sign_in(code, secret), self._on_signed_in, self._refused)

    @Slot()
    def _other_clerk(self) -> None:
        self.cover.show_mode(CoverMode.SIGN_IN)

    def _on_signed_in(self, session: Session) -> None:
        self.enforcing, self.setup_needed = True, False
        if session.role not in self.roles:  # an administrator at a counter, a clerk at the dashboard
            self.cover.show_mode(CoverMode.SIGN_IN, problem=self._refusal(session.role))
            self.signed_in.emit(session)
            return
        self._seat(session)
        self._uncover()
        self.signed_in.emit(session)
        self.admitted.emit()

    def _refusal(self, role: Role) -> str:
        if self.cover.counter is None:
            return self.tr(
                "A clerk cannot open the supervisor dashboard: a supervisor or administrator signs in here."
            )
        return self.tr(
            "An administrator serves no customers: a clerk signs in here. Add clerks with "
            "counter-app user add CODE NAME --role clerk."
        )

    def _on_resumed(self, session: Session) -> None:
        self._uncover()
        self.resumed.emit()

    def _refused(self, exc: BaseException) -> None:
        self.cover.say(describe(exc))

    def _on_error(self, exc: BaseException) -> None:
        if self.covered:
            self.cover.say(describe(exc))

    # helpers -----------------------------------------------------------------------------------------
    def _seat(self, session: Session) -> None:
        changed = self.session is None or self.session.staff != session.staff
        self.session = session
        if changed:
            self.on_clerk(session.staff)

    def _cover(self, mode: CoverMode, *, locked_name: str = "", cancellable: bool = False) -> None:
        central = self.window.centralWidget()
        if central is not None:
            central.setEnabled(False)  # nothing underneath is touched: its state stays as it is
        self.cover.show_mode(mode, locked_name=locked_name, cancellable=cancellable)

    @Slot()
    def _uncover(self) -> None:
        if self.cover.isHidden():
            return
        self.cover.hide()
        central = self.window.centralWidget()
        if central is not None:
            central.setEnabled(True)
        self._last = self.now()


def _state(hall: Hall) -> tuple[bool, bool, Session | None]:
    gate = hall.gate
    assert gate is not None
    return gate.enforcing, hall.users.setup_needed(), gate.session


def _set_up(hall: Hall, code: str, name: str, password: str) -> Session:
    hall.users.add(code, name, Role.ADMINISTRATOR, password)
    return hall.users.sign_in(code, password)


register(
    {
        "sign_in_failed": (QT_TRANSLATE_NOOP("Errors", "Wrong staff code or password."), ()),
        "sign_in_locked": (
            QT_TRANSLATE_NOOP(
                "Errors", "Staff %1 is locked after repeated wrong passwords; a supervisor must unlock it."
            ),
            ("staff",),
        ),
        "sign_in_required": (
            QT_TRANSLATE_NOOP("Errors", "Sign in first: this needs a signed-in member of staff."),
            (),
        ),
        "not_permitted": (
            QT_TRANSLATE_NOOP("Errors", "Your role may not do this; ask a supervisor or the administrator."),
            (),
        ),
        "not_signed_in_clerk": (
            QT_TRANSLATE_NOOP("Errors", "Signed in as %1: steps are recorded under your own staff code."),
            ("staff",),
        ),
        "resume_failed": (QT_TRANSLATE_NOOP("Errors", "Wrong PIN."), ()),
        "resume_other_clerk": (
            QT_TRANSLATE_NOOP(
                "Errors", "Only the clerk whose counter locked can resume it; sign in afresh instead."
            ),
            (),
        ),
        "first_account_admin": (
            QT_TRANSLATE_NOOP("Errors", "The first account of a hall is its administrator."),
            (),
        ),
        "secret_too_short": (QT_TRANSLATE_NOOP("Errors", "The password is too short."), ()),
        "secret_too_long": (QT_TRANSLATE_NOOP("Errors", "The password is too long."), ()),
        "secret_too_simple": (
            QT_TRANSLATE_NOOP("Errors", "The password is too easy to guess (repeated or in sequence)."),
            (),
        ),
        "secret_is_name": (
            QT_TRANSLATE_NOOP("Errors", "The password must not be the staff code or name."),
            (),
        ),
        "secret_is_context": (
            QT_TRANSLATE_NOOP("Errors", "The password must not be a word of this hall or this tool."),
            (),
        ),
        "secret_blocklisted": (
            QT_TRANSLATE_NOOP("Errors", "This password is on the hall's refused list."),
            (),
        ),
        "secret_control_character": (
            QT_TRANSLATE_NOOP("Errors", "The password holds a control character."),
            (),
        ),
        "pin_not_digits": (QT_TRANSLATE_NOOP("Errors", "The PIN must be digits only."), ()),
        "user_exists": (QT_TRANSLATE_NOOP("Errors", "This staff code already has an account."), ()),
        "staff_code_invalid": (
            QT_TRANSLATE_NOOP("Errors", "A staff code is 1 to 40 characters without spaces."),
            (),
        ),
        "staff_name_invalid": (QT_TRANSLATE_NOOP("Errors", "A name is 1 to 60 printable characters."), ()),
    }
)
