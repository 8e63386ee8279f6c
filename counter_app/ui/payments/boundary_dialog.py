"""The property boundary helper (产权分界): one question — where is the fault? — and the answer with the
rule it rests on, the supply contract's boundary taking precedence, and a half-page leaflet to hand over.

The answer on screen is in the clerk's language; the leaflet is printed in the hall's language.
Nothing is recorded: it is advice, and the fee list comes only from the hall's approved list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from counter_app.domain.payments.boundary import FaultLocation
from counter_app.printing.backends import PrinterBackend
from counter_app.qt_i18n import current_language
from counter_app.ui import style
from counter_app.ui.hall_client import HallClient, while_alive
from counter_app.ui.messages import QT_TRANSLATE_NOOP, describe_print_failure
from counter_app.ui.payments.messages import PAPERS, describe, text
from counter_app.ui.widgets import make_button, make_label

if TYPE_CHECKING:
    from counter_app.domain.payments.boundary import BoundaryLeaflet
    from counter_app.services.hall import Hall
    from counter_app.services.printing.recorded import PrintFailure

QUESTIONS = {
    FaultLocation.BEFORE_METER: QT_TRANSLATE_NOOP(
        "BoundaryDialog", "Before the meter\n(service line, meter box inlet)"
    ),
    FaultLocation.METER: QT_TRANSLATE_NOOP("BoundaryDialog", "At the meter\n(the meter itself)"),
    FaultLocation.AFTER_METER: QT_TRANSLATE_NOOP(
        "BoundaryDialog", "After the meter\n(line from the meter to the home)"
    ),
    FaultLocation.INSIDE_HOME: QT_TRANSLATE_NOOP(
        "BoundaryDialog", "Inside the home\n(wiring, switches, sockets)"
    ),
}
CONTRACT_CHOICES = (
    (
        FaultLocation.BEFORE_METER,
        QT_TRANSLATE_NOOP("BoundaryDialog", "The company owns up to the service line"),
    ),
    (FaultLocation.METER, QT_TRANSLATE_NOOP("BoundaryDialog", "The company owns up to the meter")),
    (
        FaultLocation.AFTER_METER,
        QT_TRANSLATE_NOOP("BoundaryDialog", "The company owns up to the line after the meter"),
    ),
)


class BoundaryDialog(QDialog):
    answered = Signal()
    printed = Signal(str)

    def __init__(
        self,
        client: HallClient[Hall],
        print_client: Callable[[], HallClient[Hall]],
        printer: PrinterBackend,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.client = client
        self.print_client = print_client
        self.printer = printer
        self.location: FaultLocation | None = None
        self.leaflet: BoundaryLeaflet | None = None
        self.setMinimumWidth(720)
        self.setStyleSheet(style.BUTTON)
        layout = QVBoxLayout(self)
        self.question = make_label(font=style.font(15, bold=True))
        layout.addWidget(self.question)
        grid = QGridLayout()
        self.group = QButtonGroup(self)
        self.buttons: dict[FaultLocation, QPushButton] = {}
        for i, location in enumerate(FaultLocation):
            button = make_button(font=style.font(12))
            button.setCheckable(True)
            button.setMinimumHeight(64)
            button.clicked.connect(lambda _=False, loc=location: self.ask(loc))
            self.group.addButton(button)
            grid.addWidget(button, i // 2, i % 2)
            self.buttons[location] = button
        layout.addLayout(grid)
        contract = QHBoxLayout()
        self.contract_check = QCheckBox()
        self.contract_box = QComboBox()
        self.contract_box.setEnabled(False)
        for location, _label in CONTRACT_CHOICES:
            self.contract_box.addItem("", location.value)
        self.contract_check.toggled.connect(self._contract_changed)
        self.contract_box.currentIndexChanged.connect(lambda _: self._contract_changed())
        contract.addWidget(self.contract_check)
        contract.addWidget(self.contract_box, 1)
        layout.addLayout(contract)
        self.verdict = make_label(font=style.font(15, bold=True), wrap=True)
        self.answer = make_label(font=style.font(11.5), wrap=True)
        self.answer.setAlignment(Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.verdict)
        layout.addWidget(self.answer, 1)
        actions = QHBoxLayout()
        self.paper = QComboBox()
        for key, _label in (PAPERS[2], PAPERS[0], PAPERS[1]):  # a leaflet is a half page (A5) first
            self.paper.addItem("", key)
        self.print_button = make_button(clicked=self.print_leaflet)
        self.print_button.setEnabled(False)
        self.print_button.setProperty("primary", True)
        self.close_button = make_button(clicked=self.accept)
        actions.addWidget(self.paper)
        actions.addStretch(1)
        actions.addWidget(self.print_button)
        actions.addWidget(self.close_button)
        layout.addLayout(actions)
        self.retranslate()

    def retranslate(self) -> None:
        translate = QCoreApplication.translate
        self.setWindowTitle(self.tr("Who repairs it? Property boundary (产权分界)"))
        self.question.setText(self.tr("Where is the fault?"))
        for location, button in self.buttons.items():
            button.setText(translate("BoundaryDialog", str(QUESTIONS[location])))
        self.contract_check.setText(self.tr("The supply contract sets the boundary:"))
        for i, (_location, label) in enumerate(CONTRACT_CHOICES):
            self.contract_box.setItemText(i, translate("BoundaryDialog", str(label)))
        labels = dict(PAPERS)
        for i in range(self.paper.count()):
            self.paper.setItemText(i, text(str(labels[str(self.paper.itemData(i))])))
        self.print_button.setText(self.tr("Print leaflet"))
        self.close_button.setText(self.tr("Close"))

    def contract_boundary(self) -> FaultLocation | None:
        if not self.contract_check.isChecked():
            return None
        return FaultLocation(str(self.contract_box.currentData()))

    @Slot()
    def _contract_changed(self, *_: object) -> None:
        self.contract_box.setEnabled(self.contract_check.isChecked())
        if self.location is not None:
            self.ask(self.location)

    def ask(self, location: FaultLocation) -> None:
        self.location = location
        self.buttons[location].setChecked(True)
        contract, language = self.contract_boundary(), current_language()
        self.client.submit(
            lambda h: h.boundary.leaflet(location, contract, language),
            while_alive(self, self._show),
            while_alive(self, self._error),
        )

    def _show(self, leaflet: BoundaryLeaflet) -> None:
        self.leaflet = leaflet
        if leaflet.free_repair:
            self.verdict.setText(self.tr("The power company's side: free repair, call 95598."))
            self.verdict.setStyleSheet(f"color: {style.GREEN};")
        else:
            self.verdict.setText(self.tr("The customer's side: the customer arranges the repair."))
            self.verdict.setStyleSheet(f"color: {style.AMBER};")
        self.answer.setText("\n\n".join(leaflet.lines))
        self.print_button.setEnabled(True)
        self.answered.emit()

    def _error(self, exc: BaseException) -> None:
        self.verdict.setText(describe(exc))
        self.verdict.setStyleSheet(f"color: {style.RED};")

    @Slot()
    def print_leaflet(self) -> None:
        if self.location is None:
            return
        from counter_app.services.printing.payments import print_boundary_leaflet

        location, contract, printer, paper = (
            self.location,
            self.contract_boundary(),
            self.printer,
            self.paper.currentData(),
        )
        self.print_button.setEnabled(False)
        self.print_client().submit(
            lambda h: print_boundary_leaflet(h, location, contract, printer, paper=str(paper)),
            while_alive(self, self._printed),
            while_alive(self, self._error),
        )

    def _printed(self, failure: PrintFailure | None) -> None:
        self.print_button.setEnabled(True)
        if failure is not None:
            self.verdict.setText(
                self.tr("The leaflet was not printed: %1").replace("%1", describe_print_failure(failure))
            )
            self.verdict.setStyleSheet(f"color: {style.RED};")
        self.printed.emit(str(failure) if failure else "")
