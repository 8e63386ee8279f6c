"""The intake form (业务受理): what the clerk types, checked by the service, problems shown in place.

Every problem comes back at once and is shown under its own field in red, with the field framed;
nothing typed is ever cleared by a refusal (bad input, a rule, or the database being unavailable).
A field the clerk corrects stops being red as soon as the form's own checks (the domain's, no database)
find nothing wrong with it; its line then says "✓" until the next Accept, so the rows below do not
jump while the clerk types.
Only :meth:`reset` clears, after an application has been accepted. Rows that a business does not use
(account number, capacity, the pause period, the account as recorded for 更名/过户) are hidden.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TypeVar

from PySide6.QtCore import QDate, QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.application_intake import FieldProblem, IntakeForm, validate_intake
from counter_app.domain.applications import (
    ApplicantKind,
    ApplicationPolicy,
    CapacityUnit,
    TariffClass,
    VoltageLevel,
)
from counter_app.domain.business_types import (
    OPEN_ENDED_KINDS,
    OWNERSHIP_KINDS,
    PERIOD_KINDS,
    BusinessType,
    CustomerClass,
    ServiceKind,
)
from counter_app.domain.identity import IdType
from counter_app.qt_i18n import current_language
from counter_app.services.applications_values import ApplicationRequest, ChangeDetails
from counter_app.ui.applications.fields import (
    STYLE,
    FormRow,
    WrapCheckBox,
    date_of,
    error_label,
    mark_invalid,
    tariff_of,
)
from counter_app.ui.applications.messages import id_type_name, problem_text, tariff_name
from counter_app.ui.widgets import make_button

_W = TypeVar("_W", bound=QWidget)


class ApplicationForm(QWidget):
    """The form; :attr:`submitted` when the clerk presses Accept."""

    submitted = Signal()
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.types: tuple[BusinessType, ...] = ()
        self.policy: ApplicationPolicy | None = None
        self.rows: dict[str, FormRow] = {}
        self.documents: list[WrapCheckBox] = []
        self._labels: dict[str, str] = {}
        self._shown_kind: ServiceKind | None = None
        self.setStyleSheet(STYLE)
        self._build()
        self.retranslate()
        self._type_changed()

    # building ----------------------------------------------------------------------------------
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

    def _combo(self, items: Sequence[tuple[str, object]]) -> QComboBox:
        box = QComboBox()
        box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        box.setMinimumContentsLength(8)
        for text, data in items:
            box.addItem(text, data)
        return box

    def _build(self) -> None:
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

        g = QGridLayout(self.applicant_box)
        g.setColumnStretch(1, 1)
        self.type_box = self._row(g, "business_type", self._combo(()))
        self.type_box.currentIndexChanged.connect(self._type_changed)
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
        self.organisation.toggled.connect(self._kind_changed)
        self._row(g, "applicant_kind", kinds)
        self.name = self._row(g, "name", QLineEdit())
        self.id_type = self._row(g, "id_type", self._combo([(t.value, t) for t in IdType]))
        self.id_number = self._row(g, "id_number", QLineEdit())
        self.mobile = self._row(g, "mobile", QLineEdit())
        self.address = self._row(g, "address", QLineEdit())

        g = QGridLayout(self.agent_box)
        g.setColumnStretch(1, 1)
        self.present = self._row(g, "applicant_present", WrapCheckBox())
        self.present.setChecked(True)
        self.present.toggled.connect(self._present_changed)
        self.agent_name = self._row(g, "agent_name", QLineEdit())
        persons = [(t.value, t) for t in IdType if not t.for_organisation]
        self.agent_id_type = self._row(g, "agent_id_type", self._combo(persons))
        self.agent_id_number = self._row(g, "agent_id_number", QLineEdit())
        self.agent_mobile = self._row(g, "agent_mobile", QLineEdit())
        self.attorney = self._row(g, "power_of_attorney", WrapCheckBox())

        g = QGridLayout(self.request_box)
        g.setColumnStretch(1, 1)
        self.account = self._row(g, "account_number", QLineEdit())
        cap = QWidget()
        cl = QHBoxLayout(cap)
        cl.setContentsMargins(0, 0, 0, 0)
        self.capacity = QLineEdit()
        self.unit = self._combo([(u.value, u) for u in CapacityUnit])
        cl.addWidget(self.capacity, 1)
        cl.addWidget(self.unit)
        self._row(g, "capacity", cap)
        self.voltage = self._row(
            g, "voltage", self._combo([("—", None)] + [(v.value, v) for v in VoltageLevel])
        )
        self.tariff = self._row(
            g, "tariff_class", self._combo([("—", None)] + [(t.value, t) for t in TariffClass])
        )
        self.external = self._row(g, "external_works", WrapCheckBox())
        self.period_start = self._row(g, "period_start", _date_edit())
        end = QWidget()
        el = QHBoxLayout(end)
        el.setContentsMargins(0, 0, 0, 0)
        self.period_end = _date_edit()
        self.open_end = WrapCheckBox()  # 减容: no time limit, the last day only if the customer names one
        self.open_end.toggled.connect(lambda open_: self.period_end.setEnabled(not open_))
        el.addWidget(self.period_end)
        el.addWidget(self.open_end, 1)
        self._row(g, "period_end", end)
        for edit in (self.period_start, self.period_end):
            edit.setDisplayFormat("yyyy-MM-dd")
        self._default_period()
        self.recorded_address = self._row(g, "recorded_address", QLineEdit())
        recorded = [("—", None)] + [(t.value, t) for t in TariffClass]
        self.recorded_tariff = self._row(g, "recorded_tariff_class", self._combo(recorded))
        self.arrears = self._row(g, "arrears", QLineEdit())

        g = QGridLayout(self.documents_box)
        g.setColumnStretch(1, 1)
        docs = QWidget()
        self.documents_layout = QVBoxLayout(docs)
        self.documents_layout.setContentsMargins(0, 0, 0, 0)
        self._row(g, "documents_presented", docs)
        self.commitment = self._row(g, "commitment_signed", WrapCheckBox())

        buttons = QHBoxLayout()
        self.accept_button = make_button(clicked=lambda: self.submitted.emit())
        self.accept_button.setProperty("primary", True)
        self.accept_button.setMinimumHeight(44)
        self.clear_button = make_button(clicked=self._clear_clicked)
        buttons.addStretch(1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.accept_button)
        outer.addLayout(buttons)
        self._present_changed(True)
        self._watch()

    # language ----------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.language = current_language()
        labels = {
            "business_type": self.tr("Business"),
            "applicant_kind": self.tr("Applicant is"),
            "name": self.tr("Name"),
            "id_type": self.tr("ID type"),
            "id_number": self.tr("ID number"),
            "mobile": self.tr("Mobile"),
            "address": self.tr("Address of use"),
            "applicant_present": "",
            "agent_name": self.tr("Agent's name"),
            "agent_id_type": self.tr("Agent's ID type"),
            "agent_id_number": self.tr("Agent's ID number"),
            "agent_mobile": self.tr("Agent's mobile"),
            "power_of_attorney": "",
            "account_number": self.tr("Account number"),
            "capacity": self.tr("Capacity"),
            "voltage": self.tr("Voltage"),
            "tariff_class": self.tr("Tariff class"),
            "external_works": "",
            "period_start": self.tr("From"),
            "period_end": self.tr("Until"),
            "recorded_address": self.tr("Address on the account"),
            "recorded_tariff_class": self.tr("Class on the account"),
            "arrears": self.tr("Arrears (yuan)"),
            "documents_presented": self.tr("Shown today"),
            "commitment_signed": "",
        }
        self._labels = {
            **labels,
            "power_of_attorney": self.tr("Power of attorney"),
            "commitment_signed": self.tr("Commitment letter"),
            "documents_presented": self.tr("Documents"),
            "external_works": self.tr("External works"),
        }
        for name, row in self.rows.items():
            row.label.setText(labels.get(name, name))
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
        self._fill_types()

    # business types ----------------------------------------------------------------------------
    def set_types(self, types: Sequence[BusinessType], policy: ApplicationPolicy | None = None) -> None:
        """The hall's business types, and its rules for checking a corrected field as it is typed."""
        self.types = tuple(types)
        self.policy = policy
        self._fill_types()

    def _fill_types(self) -> None:
        box = self.type_box
        current = box.currentData()
        box.blockSignals(True)
        box.clear()
        box.addItem(self.tr("— choose the business —"), "")
        for t in self.types:
            box.addItem(t.names.get(self.language), t.code)
        box.setCurrentIndex(max(0, box.findData(current)))
        box.blockSignals(False)
        self._type_changed()

    def current_type(self) -> BusinessType | None:
        code = self.type_box.currentData()
        return next((t for t in self.types if t.code == code), None)

    def select_type(self, code: str) -> None:
        self.type_box.setCurrentIndex(max(0, self.type_box.findData(code)))

    def _type_changed(self, *_: object) -> None:
        btype = self.current_type()
        kind = btype.kind if btype else None
        show = {
            "account_number": bool(btype and btype.needs_account),
            "capacity": bool(btype and btype.needs_capacity),
            "external_works": bool(btype and btype.whole_process_limit_with_external_works),
            "period_start": kind in PERIOD_KINDS,
            "period_end": kind in PERIOD_KINDS,
            "recorded_address": kind in OWNERSHIP_KINDS,
            "recorded_tariff_class": kind in OWNERSHIP_KINDS,
            "arrears": kind in OWNERSHIP_KINDS,
        }
        for name, visible in show.items():
            self.rows[name].set_visible(visible)
        open_ended = kind in OPEN_ENDED_KINDS
        self.open_end.setVisible(open_ended)
        if kind != self._shown_kind:  # a new choice of business, not a retranslation
            self.open_end.setChecked(open_ended)
            self._shown_kind = kind
        restore = kind is ServiceKind.REDUCTION_RESTORE
        self.rows["period_start"].label.setText(self.tr("Reduced since") if restore else self.tr("From"))
        self.rows["period_end"].label.setText(self.tr("Restore on") if restore else self.tr("Until"))
        self._offer_voltages(btype)
        ticked = {box.property("code") for box in self.documents if box.isChecked()}
        for box in self.documents:
            self.documents_layout.removeWidget(box)
            box.deleteLater()
        self.documents = []
        for doc in btype.documents if btype else ():
            text = doc.names.get(self.language) + ("" if doc.required else self.tr(" (if it applies)"))
            box = WrapCheckBox(text)
            box.setProperty("code", doc.code)
            box.setChecked(doc.code in ticked)
            self.documents_layout.addWidget(box)
            self.documents.append(box)
        if btype and btype.customer_class is CustomerClass.HIGH_VOLTAGE and not self.organisation.isChecked():
            self.organisation.setChecked(True)

    def _offer_voltages(self, btype: BusinessType | None) -> None:
        """Only the voltages the business can have (低压居民新装: 220 V or 380 V, never 110 kV); the
        one chosen stays when the new business has it too."""
        box = self.voltage
        chosen = box.currentData()
        offered = btype.voltages if btype else tuple(VoltageLevel)
        with QSignalBlocker(box):
            box.clear()
            box.addItem("—", None)
            for voltage in offered:
                box.addItem(voltage.value, voltage)
            box.setCurrentIndex(max(0, box.findData(chosen)))

    def _kind_changed(self, organisation: bool) -> None:
        box = self.id_type
        wanted = IdType.USCC if organisation else IdType.RESIDENT_ID
        if IdType(box.currentData()).for_organisation != organisation:
            box.setCurrentIndex(box.findData(wanted))

    def _default_period(self) -> None:
        """From today's date, not the day the window opened (a counter PC runs for days): a pause
        starting after the usual notice, lasting a month."""
        today = QDate.currentDate()
        self.period_start.setDate(today.addDays(5))
        self.period_end.setDate(today.addDays(35))

    def _present_changed(self, present: bool) -> None:
        for name in ("agent_name", "agent_id_type", "agent_id_number", "agent_mobile", "power_of_attorney"):
            self.rows[name].widget.setEnabled(not present)

    # values ------------------------------------------------------------------------------------
    def request(self, ticket_id: int | None, counter: int | None) -> ApplicationRequest:
        """What is typed, as plain values (read on the GUI thread, handed to the worker)."""

        btype = self.current_type()
        kind = btype.kind if btype else None
        form = IntakeForm(
            business_type=btype.code if btype else "",
            applicant_kind=ApplicantKind.ORGANISATION
            if self.organisation.isChecked()
            else ApplicantKind.PERSON,
            name=self.name.text(),
            id_type=IdType(self.id_type.currentData()),
            id_number=self.id_number.text(),
            mobile=self.mobile.text(),
            address=self.address.text(),
            applicant_present=self.present.isChecked(),
            agent_name=self.agent_name.text(),
            agent_id_type=IdType(self.agent_id_type.currentData()),
            agent_id_number=self.agent_id_number.text(),
            agent_mobile=self.agent_mobile.text(),
            power_of_attorney=self.attorney.isChecked(),
            account_number=self.account.text() if btype and btype.needs_account else "",
            capacity=self.capacity.text() if btype and btype.needs_capacity else "",
            capacity_unit=CapacityUnit(self.unit.currentData()),
            voltage=VoltageLevel(self.voltage.currentData()) if self.voltage.currentData() else None,
            tariff_class=tariff_of(self.tariff),
            external_works=self.external.isChecked() and self.rows["external_works"].widget.isVisibleTo(self),
            documents_presented=frozenset(str(b.property("code")) for b in self.documents if b.isChecked()),
            commitment_signed=self.commitment.isChecked(),
        )
        period = kind in PERIOD_KINDS
        owner_change = kind in OWNERSHIP_KINDS
        change = ChangeDetails(
            period_start=date_of(self.period_start) if period else None,
            period_end=date_of(self.period_end) if period and not self.open_end.isChecked() else None,
            recorded_address=self.recorded_address.text() if owner_change else "",
            recorded_tariff_class=tariff_of(self.recorded_tariff) if owner_change else None,
            arrears=self.arrears.text() if owner_change else "",
        )
        return ApplicationRequest(form=form, change=change, ticket_id=ticket_id, counter=counter)

    # problems ----------------------------------------------------------------------------------
    def show_problems(self, problems: Sequence[FieldProblem]) -> list[str]:
        """Show each problem under its field (all at once); the fields named, in form order."""
        self.clear_problems()
        by_field: dict[str, list[str]] = {}
        for problem in problems:
            by_field.setdefault(problem.field, []).append(problem_text(problem))
        named: list[str] = []
        first: QWidget | None = None
        for name, texts in by_field.items():
            row = self.rows.get(name)
            if row is None:
                self.general_error.setText("\n".join(texts))
                self.general_error.show()
                continue
            row.error.setText("\n".join(dict.fromkeys(texts)))
            row.error.show()
            target = self.capacity if name == "capacity" else row.widget
            mark_invalid(target, True)
            named.append(self._labels.get(name) or name)
            first = first or target
        if first is not None:
            first.setFocus()
        return named

    def _watch(self) -> None:
        """Re-check a field with a problem shown whenever the clerk changes it (or a field it
        depends on: the ID type for the ID number)."""
        for row in self.rows.values():
            widget = row.widget
            changed = None
            if isinstance(widget, QLineEdit):
                changed = widget.textChanged
            elif isinstance(widget, QComboBox):
                changed = widget.currentIndexChanged
            elif isinstance(widget, WrapCheckBox):
                changed = widget.toggled
            elif isinstance(widget, QDateEdit):
                changed = widget.dateChanged
            if changed is not None:
                changed.connect(lambda *_: self._recheck())
        self.capacity.textChanged.connect(lambda *_: self._recheck())

    def _recheck(self) -> None:
        """Fields whose problem the form's own checks no longer find: no longer red."""
        shown = [
            name
            for name, row in self.rows.items()
            if row.error.property("role") == "error" and row.error.text()
        ]
        btype = self.current_type()
        if not shown or btype is None or self.policy is None:
            return
        form = self.request(None, None).form
        still = {p.field for p in validate_intake(form, btype, self.policy, today=date.today())}
        for name in shown:
            if name not in still:
                self._mark_corrected(name)

    def _mark_corrected(self, name: str) -> None:
        row = self.rows[name]
        mark_invalid(self.capacity if name == "capacity" else row.widget, False)
        row.error.setProperty("role", "corrected")
        row.error.setText("✓")
        row.error.style().unpolish(row.error)
        row.error.style().polish(row.error)

    def clear_problems(self) -> None:
        self.general_error.clear()
        self.general_error.hide()
        for row in self.rows.values():
            row.error.clear()
            row.error.hide()
            row.error.setProperty("role", "error")
            row.error.style().unpolish(row.error)
            row.error.style().polish(row.error)
            mark_invalid(row.widget, False)
        mark_invalid(self.capacity, False)

    def error_of(self, name: str) -> str:
        return self.rows[name].error.text() if name in self.rows else ""

    def _clear_clicked(self) -> None:
        self.reset()
        self.cleared.emit()

    def reset(self) -> None:
        """Empty the form for the next customer (only after an application was accepted, or Clear)."""
        self.clear_problems()
        for row in self.rows.values():
            if isinstance(row.widget, QLineEdit):
                row.widget.clear()
        self.capacity.clear()
        for box in (self.voltage, self.tariff, self.recorded_tariff):
            box.setCurrentIndex(0)
        self.present.setChecked(True)
        for check in (self.attorney, self.external, self.commitment, *self.documents):
            check.setChecked(False)
        self.person.setChecked(True)
        self._default_period()
        self.select_type("")


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    return edit
