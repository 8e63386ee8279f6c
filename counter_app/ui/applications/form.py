"""The intake form (业务受理): what the clerk types, checked by the service, problems shown in place.

Every problem comes back at once and is shown under its own field in red, with the field framed;
nothing typed is ever cleared by a refusal (bad input, a rule, or the database being unavailable).
A field the clerk corrects stops being red as soon as the form's own checks (the domain's, no database)
find nothing wrong with it; its line then says "✓" until the next Accept, so the rows below do not
jump while the clerk types.
Only :meth:`reset` clears, after an application has been accepted. Rows that a business does not use
(account number, capacity, the pause period, the account as recorded for 更名/过户) are hidden.

The fields and their words are :class:`IntakeFields`'; this class decides what the chosen business
shows, reads what is typed, and shows the service's problems in place.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QLineEdit, QWidget

from counter_app.domain.applications.business_types import (
    OPEN_ENDED_KINDS,
    OWNERSHIP_KINDS,
    PERIOD_KINDS,
    BusinessType,
    CustomerClass,
    ServiceKind,
)
from counter_app.domain.applications.detail import ApplicationRequest, ChangeDetails
from counter_app.domain.applications.intake import FieldProblem, IntakeForm, validate_intake
from counter_app.domain.applications.values import (
    ApplicantKind,
    ApplicationPolicy,
    CapacityUnit,
    VoltageLevel,
)
from counter_app.domain.identity import IdType
from counter_app.ui.applications.fields import (
    IntakeFields,
    WrapCheckBox,
    date_of,
    mark_invalid,
    row_label,
    tariff_of,
)
from counter_app.ui.applications.messages import problem_text
from counter_app.ui.messages import QT_TRANSLATE_NOOP

#: How a problem names its field where the row's label does not (or has none).
PROBLEM_NAMES = {
    "power_of_attorney": QT_TRANSLATE_NOOP("ApplicationForm", "Power of attorney"),
    "commitment_signed": QT_TRANSLATE_NOOP("ApplicationForm", "Commitment letter"),
    "documents_presented": QT_TRANSLATE_NOOP("ApplicationForm", "Documents"),
    "external_works": QT_TRANSLATE_NOOP("ApplicationForm", "External works"),
}


class ApplicationForm(IntakeFields):
    """The form; :attr:`submitted` when the clerk presses Accept."""

    submitted = Signal()
    cleared = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.types: tuple[BusinessType, ...] = ()
        self.policy: ApplicationPolicy | None = None
        self._shown_kind: ServiceKind | None = None
        self.type_box.currentIndexChanged.connect(self._type_changed)
        self.organisation.toggled.connect(self._kind_changed)
        self.present.toggled.connect(self._present_changed)
        self.accept_button.clicked.connect(lambda: self.submitted.emit())
        self.clear_button.clicked.connect(self._clear_clicked)
        self._present_changed(True)
        self._watch()
        self.retranslate()
        self._type_changed()

    def retranslate(self) -> None:
        super().retranslate()
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
    def _field_name(self, name: str) -> str:
        """The field as a problem names it in the banner."""
        if name in PROBLEM_NAMES:
            return QCoreApplication.translate("ApplicationForm", PROBLEM_NAMES[name])
        return row_label(name) or name

    def _marked(self, name: str) -> QWidget:
        """The widget framed in red for a problem of ``name`` (the capacity's number, not its unit)."""
        return self.capacity if name == "capacity" else self.rows[name].widget

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
            target = self._marked(name)
            mark_invalid(target, True)
            named.append(self._field_name(name))
            first = first or target
        if first is not None:
            first.setFocus()
        return named

    def shown_problems(self) -> list[str]:
        """The fields whose problem is on screen (not yet marked corrected)."""
        return [
            n for n, row in self.rows.items() if row.error.property("role") == "error" and row.error.text()
        ]

    def mark_corrected(self, name: str) -> None:
        row = self.rows[name]
        mark_invalid(self._marked(name), False)
        _set_role(row.error, "corrected")
        row.error.setText("✓")

    def clear_problems(self) -> None:
        self.general_error.clear()
        self.general_error.hide()
        for row in self.rows.values():
            row.error.clear()
            row.error.hide()
            _set_role(row.error, "error")
            mark_invalid(row.widget, False)
        mark_invalid(self.capacity, False)

    def error_of(self, name: str) -> str:
        return self.rows[name].error.text() if name in self.rows else ""

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
        shown = self.shown_problems()
        btype = self.current_type()
        if not shown or btype is None or self.policy is None:
            return
        form = self.request(None, None).form
        still = {p.field for p in validate_intake(form, btype, self.policy, today=date.today())}
        for name in shown:
            if name not in still:
                self.mark_corrected(name)

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
        self.default_period()
        self.select_type("")


def _set_role(label: QLabel, role: str) -> None:
    """An error line's look follows its ``role`` (the style sheet's selectors): polished again."""
    label.setProperty("role", role)
    label.style().unpolish(label)
    label.style().polish(label)
