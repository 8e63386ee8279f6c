"""The intake form's fields (业务受理): four boxes of labelled rows (the applicant, an agent, the
request, the documents), each row with its line for a problem, and their words in the clerk's
language. What a business shows, reading the values and showing problems are the form's
(:class:`~counter_app.ui.applications.form.ApplicationForm`).

Also the pieces: a check box whose text wraps, a row, the look of a field the service refused."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QDate, QEvent, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.applications.values import CapacityUnit, TariffClass, VoltageLevel
from counter_app.domain.identity import IdType
from counter_app.qt_i18n import current_language
from counter_app.ui import style
from counter_app.ui.applications.messages import id_type_name, tariff_name
from counter_app.ui.messages import QT_TRANSLATE_NOOP
from counter_app.ui.widgets import make_button

_W = TypeVar("_W", bound=QWidget)

STYLE = f"""
QLineEdit[invalid="true"], QComboBox[invalid="true"], QDateEdit[invalid="true"], QCheckBox[invalid="true"] {{
    border: 2px solid {style.RED}; border-radius: 4px; background: #fdf3f2; }}
QLabel[role="error"] {{ color: {style.RED}; }}
QLabel[role="corrected"] {{ color: {style.GREEN}; font-weight: bold; }}
QLabel[invalid="true"] {{ color: {style.RED}; font-weight: bold; }}
QGroupBox {{ font-weight: bold; border: 1px solid #d5dede; border-radius: 8px; margin-top: 14px;
             padding: 10px 8px 8px 8px; background: white; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; }}
"""


class _TextLabel(QLabel):
    """A check box's text: the click is the check box's, the label itself does nothing with it."""

    released = Signal()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self.released.emit()


class WrapCheckBox(QWidget):
    """A check box whose text wraps (a plain QCheckBox never does, and long document names would
    widen the whole form); clicking the text ticks the box."""

    toggled = Signal(bool)

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.box = QCheckBox()
        self.label = _TextLabel(text)
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.label.setMinimumWidth(120)
        layout.addWidget(self.box, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self.box.toggled.connect(self.toggled)
        self.label.released.connect(self._text_clicked)

    def _text_clicked(self) -> None:
        if self.box.isEnabled():
            self.box.toggle()

    def isChecked(self) -> bool:
        return self.box.isChecked()

    def setChecked(self, checked: bool) -> None:
        self.box.setChecked(checked)

    def setText(self, text: str) -> None:
        self.label.setText(text)

    def text(self) -> str:
        return self.label.text()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(self.box.sizeHint().height(), self.label.heightForWidth(max(1, width - 28)))


@dataclass
class FormRow:
    label: QLabel
    widget: QWidget
    error: QLabel

    def set_visible(self, visible: bool) -> None:
        self.label.setVisible(visible)
        self.widget.setVisible(visible)
        self.error.setVisible(visible and bool(self.error.text()))


def error_label() -> QLabel:
    label = QLabel(wordWrap=True)
    label.setProperty("role", "error")
    label.hide()
    return label


def date_of(edit: QDateEdit) -> date:
    value = edit.date().toPython()
    assert isinstance(value, date)
    return value


def tariff_of(box: QComboBox) -> TariffClass | None:
    """Combo data comes back as plain text (Qt keeps no Python enum), so it is turned back here."""
    value = box.currentData()
    return TariffClass(value) if value else None


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    if isinstance(widget, WrapCheckBox):
        widget = widget.label
    widget.setProperty("invalid", invalid)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def combo(items: Sequence[tuple[str, object]]) -> QComboBox:
    box = QComboBox()
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(8)
    for text, data in items:
        box.addItem(text, data)
    return box


def date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


#: Each row's label; a check box's row has none (its own text says it all).
LABELS = {
    "business_type": QT_TRANSLATE_NOOP("IntakeFields", "Business"),
    "applicant_kind": QT_TRANSLATE_NOOP("IntakeFields", "Applicant is"),
    "name": QT_TRANSLATE_NOOP("IntakeFields", "Name"),
    "id_type": QT_TRANSLATE_NOOP("IntakeFields", "ID type"),
    "id_number": QT_TRANSLATE_NOOP("IntakeFields", "ID number"),
    "mobile": QT_TRANSLATE_NOOP("IntakeFields", "Mobile"),
    "address": QT_TRANSLATE_NOOP("IntakeFields", "Address of use"),
    "agent_name": QT_TRANSLATE_NOOP("IntakeFields", "Agent's name"),
    "agent_id_type": QT_TRANSLATE_NOOP("IntakeFields", "Agent's ID type"),
    "agent_id_number": QT_TRANSLATE_NOOP("IntakeFields", "Agent's ID number"),
    "agent_mobile": QT_TRANSLATE_NOOP("IntakeFields", "Agent's mobile"),
    "account_number": QT_TRANSLATE_NOOP("IntakeFields", "Account number"),
    "capacity": QT_TRANSLATE_NOOP("IntakeFields", "Capacity"),
    "voltage": QT_TRANSLATE_NOOP("IntakeFields", "Voltage"),
    "tariff_class": QT_TRANSLATE_NOOP("IntakeFields", "Tariff class"),
    "period_start": QT_TRANSLATE_NOOP("IntakeFields", "From"),
    "period_end": QT_TRANSLATE_NOOP("IntakeFields", "Until"),
    "recorded_address": QT_TRANSLATE_NOOP("IntakeFields", "Address on the account"),
    "recorded_tariff_class": QT_TRANSLATE_NOOP("IntakeFields", "Class on the account"),
    "arrears": QT_TRANSLATE_NOOP("IntakeFields", "Arrears (yuan)"),
    "documents_presented": QT_TRANSLATE_NOOP("IntakeFields", "Shown today"),
}


def row_label(name: str) -> str:
    """A row's label in the clerk's language ("" for a check box's row)."""
    return QCoreApplication.translate("IntakeFields", LABELS[name]) if name in LABELS else ""


class IntakeFields(QWidget):
    """The fields in two columns that scroll, the Clear and Accept buttons below them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: dict[str, FormRow] = {}
        self.documents: list[WrapCheckBox] = []
        self.language = current_language()
        self.setStyleSheet(STYLE)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.general_error = error_label()
        outer.addWidget(self.general_error)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget()
        columns = QHBoxLayout(body)
        columns.setSpacing(14)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)
        left, right = QVBoxLayout(), QVBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.applicant_box, self.agent_box = QGroupBox(), QGroupBox()
        self.request_box, self.documents_box = QGroupBox(), QGroupBox()
        left.addWidget(self.applicant_box)
        left.addWidget(self.agent_box)
        left.addStretch(1)
        right.addWidget(self.request_box)
        right.addWidget(self.documents_box)
        right.addStretch(1)
        self._applicant(self._grid(self.applicant_box))
        self._agent(self._grid(self.agent_box))
        self._request(self._grid(self.request_box))
        self._documents(self._grid(self.documents_box))
        buttons = QHBoxLayout()
        self.accept_button = make_button()
        self.accept_button.setProperty("primary", True)
        self.accept_button.setMinimumHeight(44)
        self.clear_button = make_button()
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.accept_button)
        outer.addLayout(buttons)

    # building ----------------------------------------------------------------------------------
    @staticmethod
    def _grid(box: QGroupBox) -> QGridLayout:
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        return grid

    def _row(self, grid: QGridLayout, name: str, widget: _W) -> _W:
        row = grid.rowCount()
        label = QLabel()
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        error = error_label()
        grid.addWidget(label, row, 0)
        grid.addWidget(widget, row, 1)
        grid.addWidget(error, row + 1, 1)
        self.rows[name] = FormRow(label, widget, error)
        return widget

    def _applicant(self, g: QGridLayout) -> None:
        self.type_box = self._row(g, "business_type", combo(()))
        kinds = QWidget()
        kl = QHBoxLayout(kinds)
        kl.setContentsMargins(0, 0, 0, 0)
        self.person, self.organisation = QRadioButton(), QRadioButton()
        self.person.setChecked(True)
        self._kind_group = QButtonGroup(self)
        for button in (self.person, self.organisation):
            self._kind_group.addButton(button)
            kl.addWidget(button)
        kl.addStretch(1)
        self._row(g, "applicant_kind", kinds)
        self.name = self._row(g, "name", QLineEdit())
        self.id_type = self._row(g, "id_type", combo([(t.value, t) for t in IdType]))
        self.id_number = self._row(g, "id_number", QLineEdit())
        self.mobile = self._row(g, "mobile", QLineEdit())
        self.address = self._row(g, "address", QLineEdit())

    def _agent(self, g: QGridLayout) -> None:
        self.present = self._row(g, "applicant_present", WrapCheckBox())
        self.present.setChecked(True)
        self.agent_name = self._row(g, "agent_name", QLineEdit())
        persons = [(t.value, t) for t in IdType if not t.for_organisation]
        self.agent_id_type = self._row(g, "agent_id_type", combo(persons))
        self.agent_id_number = self._row(g, "agent_id_number", QLineEdit())
        self.agent_mobile = self._row(g, "agent_mobile", QLineEdit())
        self.attorney = self._row(g, "power_of_attorney", WrapCheckBox())

    def _request(self, g: QGridLayout) -> None:
        self.account = self._row(g, "account_number", QLineEdit())
        cap = QWidget()
        cl = QHBoxLayout(cap)
        cl.setContentsMargins(0, 0, 0, 0)
        self.capacity = QLineEdit()
        self.unit = combo([(u.value, u) for u in CapacityUnit])
        cl.addWidget(self.capacity, 1)
        cl.addWidget(self.unit)
        self._row(g, "capacity", cap)
        self.voltage = self._row(g, "voltage", combo([("—", None)] + [(v.value, v) for v in VoltageLevel]))
        tariffs = [("—", None)] + [(t.value, t) for t in TariffClass]
        self.tariff = self._row(g, "tariff_class", combo(tariffs))
        self.external = self._row(g, "external_works", WrapCheckBox())
        self.period_start = self._row(g, "period_start", date_edit())
        end = QWidget()
        el = QHBoxLayout(end)
        el.setContentsMargins(0, 0, 0, 0)
        self.period_end = date_edit()
        self.open_end = WrapCheckBox()  # 减容: no time limit, the last day only if the customer names one
        self.open_end.toggled.connect(lambda open_: self.period_end.setEnabled(not open_))
        el.addWidget(self.period_end)
        el.addWidget(self.open_end, 1)
        self._row(g, "period_end", end)
        self.default_period()
        self.recorded_address = self._row(g, "recorded_address", QLineEdit())
        self.recorded_tariff = self._row(g, "recorded_tariff_class", combo(tariffs))
        self.arrears = self._row(g, "arrears", QLineEdit())

    def _documents(self, g: QGridLayout) -> None:
        docs = QWidget()
        self.documents_layout = QVBoxLayout(docs)
        self.documents_layout.setContentsMargins(0, 0, 0, 0)
        self._row(g, "documents_presented", docs)
        self.commitment = self._row(g, "commitment_signed", WrapCheckBox())

    def default_period(self) -> None:
        """From today's date, not the day the window opened (a counter PC runs for days): a pause
        starting after the usual notice, lasting a month."""
        today = QDate.currentDate()
        self.period_start.setDate(today.addDays(5))
        self.period_end.setDate(today.addDays(35))

    # language ----------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.language = current_language()
        for name, row in self.rows.items():
            row.label.setText(row_label(name))
        self.open_end.setText(self.tr("No end date (a reduction has no time limit)"))
        self.applicant_box.setTitle(self.tr("Applicant"))
        self.agent_box.setTitle(self.tr("Agent (when the applicant is not here)"))
        self.request_box.setTitle(self.tr("Request"))
        self.documents_box.setTitle(self.tr("Documents (一证受理)"))
        self.person.setText(self.tr("a person"))
        self.organisation.setText(self.tr("an organisation"))
        self.present.setText(self.tr("The applicant is here in person"))
        self.attorney.setText(self.tr("Signed power of attorney (授权委托书) shown"))
        self.external.setText(self.tr("Needs external line works (外线工程)"))
        self.commitment.setText(
            self.tr("Customer signed the commitment letter (客户承诺书) for missing documents")
        )
        self.name.setPlaceholderText(self.tr("as on the ID; rare characters (生僻字) are fine"))
        self.mobile.setPlaceholderText("13812345678")
        self.arrears.setPlaceholderText("0")
        self.capacity.setPlaceholderText(self.tr("e.g. 8"))
        self.accept_button.setText(self.tr("Accept application"))
        self.clear_button.setText(self.tr("Clear"))
        for box in (self.id_type, self.agent_id_type):
            for i in range(box.count()):
                box.setItemText(i, id_type_name(str(box.itemData(i))))
        for box in (self.tariff, self.recorded_tariff):
            for i in range(1, box.count()):
                box.setItemText(i, tariff_name(str(box.itemData(i))))
