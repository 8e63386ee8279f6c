"""Table models over application values (never rows): the worklist and an application's history.

The worklist shows personal data masked, as the service returns it; overdue rows are red, rows due
soon amber, and a provisional due date (a year whose holiday schedule is not yet published) carries
a mark and a tooltip. :data:`SORT_ROLE` gives sortable keys to a ``QSortFilterProxyModel``.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor

from counter_app.domain.applications.detail import HistoryEntry
from counter_app.domain.applications.workflow import Status
from counter_app.domain.applications.worklist import WorklistRow
from counter_app.ui import style
from counter_app.ui.applications.messages import event_name, status_title
from counter_app.ui.messages import QT_TRANSLATE_NOOP
from counter_app.ui.table_model import CellValue, Index, ValueTableModel

SORT_ROLE = Qt.ItemDataRole.UserRole + 1


CLOCK_STOPPED = QT_TRANSLATE_NOOP("ApplicationModels", "clock stopped")
OVERDUE = QT_TRANSLATE_NOOP("ApplicationModels", "overdue")
LEFT = QT_TRANSLATE_NOOP("ApplicationModels", "%1 wd left")
PROVISIONAL = QT_TRANSLATE_NOOP(
    "ApplicationModels", "Provisional: that year's official holiday schedule is not yet published."
)
OWED = QT_TRANSLATE_NOOP("ApplicationModels", "%1 document(s) still to be brought")
CUSTOMER_STEP = QT_TRANSLATE_NOOP("ApplicationModels", "customer's part")
LIMIT_STAGE = QT_TRANSLATE_NOOP("ApplicationModels", "This step: %1 working days (rule: %2)")
LIMIT_WHOLE = QT_TRANSLATE_NOOP("ApplicationModels", "Company's steps together: %1 working days (rule: %2)")
UNCONFIRMED = QT_TRANSLATE_NOOP(
    "ApplicationModels", "(unconfirmed: check the rule's number, document or effective date)"
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("ApplicationModels", text)


class WorklistModel(ValueTableModel[WorklistRow]):
    CONTEXT = "ApplicationModels"
    COLUMNS = (
        QT_TRANSLATE_NOOP("ApplicationModels", "Number"),
        QT_TRANSLATE_NOOP("ApplicationModels", "Due"),
        QT_TRANSLATE_NOOP("ApplicationModels", "Applicant"),
        QT_TRANSLATE_NOOP("ApplicationModels", "Mobile"),
        QT_TRANSLATE_NOOP("ApplicationModels", "ID"),
        QT_TRANSLATE_NOOP("ApplicationModels", "Business"),
        QT_TRANSLATE_NOOP("ApplicationModels", "Stage"),
        QT_TRANSLATE_NOOP("ApplicationModels", "Status"),
        QT_TRANSLATE_NOOP("ApplicationModels", "Owner"),
    )
    NUMBER, DUE, BUSINESS, STAGE = 0, 1, 5, 6

    def __init__(self, type_name: Callable[[str], str], stage_name: Callable[[str, str], str]) -> None:
        super().__init__()
        self._type_name = type_name
        self._stage_name = stage_name

    def row_of(self, number: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r.number == number), -1)

    def _due_text(self, r: WorklistRow) -> str:
        if r.due_day is None:
            if r.status is Status.SUSPENDED:
                return _tr(CLOCK_STOPPED)
            return _tr(CUSTOMER_STEP) if r.customer_step else "—"
        text = r.due_day.isoformat()
        if r.overdue:
            text += "  " + _tr(OVERDUE)
        elif r.workdays_left is not None:
            text += "  " + _tr(LEFT).replace("%1", str(r.workdays_left))
        return text + (" *" if r.due_provisional else "")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> CellValue:
        r = self.row_at(index.row()) if index.isValid() else None
        if r is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                r.number,
                self._due_text(r),
                r.name,
                r.mobile,
                r.id_number,
                self._type_name(r.business_type),
                self._stage_name(r.business_type, r.stage),
                status_title(r.status.value),
                r.owner,
            )[col]
        if role == SORT_ROLE:
            due = r.due_day.isoformat() if r.due_day else "9999-12-31"  # no running clock: last
            return (
                r.number,
                due,
                r.name,
                r.mobile,
                r.id_number,
                r.business_type,
                r.stage,
                r.status.value,
                r.owner,
            )[col]
        if role == Qt.ItemDataRole.ForegroundRole and col in (self.NUMBER, self.DUE):
            if r.overdue:
                return QBrush(QColor(style.RED))
            if r.due_soon:
                return QBrush(QColor(style.AMBER))
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(r, col)
        return None

    def _tip(self, r: WorklistRow, col: int) -> str | None:
        """The whole name where the column elides it; what a mark on the number or the date means."""
        if col == self.BUSINESS:
            return self._type_name(r.business_type)
        if col == self.STAGE:
            return self._stage_name(r.business_type, r.stage)
        if col == self.DUE:
            return limits_tip(r)
        if col == self.NUMBER and r.owed_documents:
            return _tr(OWED).replace("%1", str(r.owed_documents))
        return None


def limits_tip(r: WorklistRow) -> str | None:
    """The limits behind the due date, each with its rule; unconfirmed ones say so; provisional dates."""
    lines = []
    for note in r.limits:
        template = LIMIT_STAGE if note.kind == "stage" else LIMIT_WHOLE
        line = _tr(template).replace("%1", str(note.working_days)).replace("%2", note.citation)
        if note.unconfirmed:
            line += " " + _tr(UNCONFIRMED)
        lines.append(line)
    if r.due_provisional:
        lines.append(_tr(PROVISIONAL))
    return "\n".join(lines) or None


class HistoryModel(ValueTableModel[HistoryEntry]):
    CONTEXT = "ApplicationModels"
    COLUMNS = (
        QT_TRANSLATE_NOOP("ApplicationModels", "When"),
        QT_TRANSLATE_NOOP("ApplicationModels", "Who"),
        QT_TRANSLATE_NOOP("ApplicationModels", "What"),
        QT_TRANSLATE_NOOP("ApplicationModels", "Note"),
    )

    def __init__(self, describe: Callable[[HistoryEntry], str]) -> None:
        super().__init__()
        self._describe = describe

    # the base's set_rows / row_at in the hall's words
    set_entries = ValueTableModel.set_rows

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> CellValue:
        e = self.row_at(index.row()) if index.isValid() else None
        if e is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (e.at.strftime("%Y-%m-%d %H:%M"), e.clerk, self._describe(e), e.note)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return event_name(e.kind)
        return None
