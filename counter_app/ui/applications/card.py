"""Who applied and for what, when it was accepted, who owns it and when it is due: the card at the
top of an application's detail. Personal data as the service sent it (full only to the owner or a
supervisor, masked otherwise); the agent's line only when there is an agent."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QWidget

from counter_app.domain.applications.detail import ApplicationDetail
from counter_app.domain.workdays import DueDate
from counter_app.ui import style
from counter_app.ui.applications.messages import id_type_name, tariff_name
from counter_app.ui.widgets import make_label

# (key, row, column, columns spanned by the value): long values get the whole width
PLACES = (
    ("applicant", 0, 0, 1),
    ("mobile", 0, 2, 1),
    ("id", 1, 0, 3),
    ("address", 2, 0, 3),
    ("agent", 3, 0, 3),
    ("request", 4, 0, 3),
    ("ticket", 5, 0, 3),
    ("owner", 6, 0, 3),
    ("due", 7, 0, 1),
    ("stage_due", 7, 2, 1),
)


class ApplicationCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailCard")
        self.setStyleSheet(
            "#detailCard { background: white; border: 1px solid #d5dede; border-radius: 8px; }"
        )
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 8, 10, 8)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(1)
        self.info: dict[str, tuple[QLabel, QLabel]] = {}
        for key, row, column, span in PLACES:
            caption = make_label(colour=style.MUTED)
            value = QLabel(wordWrap=True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(caption, row, column)
            grid.addWidget(value, row, column + 1, 1, span)
            self.info[key] = (caption, value)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        self.detail: ApplicationDetail | None = None
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        captions = {
            "applicant": self.tr("Applicant"),
            "id": self.tr("ID"),
            "mobile": self.tr("Mobile"),
            "address": self.tr("Address"),
            "agent": self.tr("Agent"),
            "request": self.tr("Request"),
            "ticket": self.tr("Accepted"),
            "owner": self.tr("Owner (首问负责人)"),
            "due": self.tr("Whole process due"),
            "stage_due": self.tr("This stage due"),
        }
        for key, (caption, _) in self.info.items():
            caption.setText(captions[key])
        self.show_detail(self.detail)

    def due_text(self, due: DueDate | None) -> str:
        if due is None:
            return "—"
        return due.day.isoformat() + (self.tr(" (provisional)") if due.provisional else "")

    def whole_text(self, detail: ApplicationDetail) -> str:
        """The company's promise: its date, or while the customer still has work the days used."""
        if detail.whole_due is None and detail.whole_limit_days and detail.is_open:
            return (
                self.tr("%1 of %2 working days used (the customer's part not counted)")
                .replace("%1", str(detail.workdays_used))
                .replace("%2", str(detail.whole_limit_days))
            )
        return self.due_text(detail.whole_due)

    def show_detail(self, detail: ApplicationDetail | None) -> None:
        self.detail = detail
        if detail is None:
            for _, value in self.info.values():
                value.clear()
            return
        a = detail.applicant
        request = [detail.account_number or "", detail.capacity or "", detail.voltage or ""]
        if detail.tariff_class:
            request.append(tariff_name(detail.tariff_class))
        if detail.period:
            start, end = detail.period
            request.append(
                f"{start} ~ {end}" if end else self.tr("from %1, no end date").replace("%1", str(start))
            )
        accepted = detail.accepted_at.strftime("%Y-%m-%d %H:%M") + f" · {detail.accepted_by}"
        if detail.ticket_number:
            accepted += " · " + self.tr("ticket %1").replace("%1", detail.ticket_number)
        agent = detail.agent
        values = {
            "applicant": a.name,
            "id": f"{id_type_name(a.id_type.value)} {a.id_number}",
            "mobile": a.mobile,
            "address": a.address,
            "agent": f"{agent.name} {agent.id_number} {agent.mobile}" if agent else "",
            "request": " · ".join(x for x in request if x) or "—",
            "ticket": accepted,
            "owner": detail.owner,
            "due": self.whole_text(detail),
            "stage_due": self.due_text(detail.stage_due),
        }
        for key, (caption, value) in self.info.items():
            value.setText(values[key])
            caption.setVisible(key != "agent" or agent is not None)
            value.setVisible(key != "agent" or agent is not None)
