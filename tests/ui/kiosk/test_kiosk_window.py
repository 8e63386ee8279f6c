"""The kiosk driven like a customer: touch a service, see the number; printer failures keep it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from counter_app.domain.queue import TicketState
from counter_app.services.hall import Hall
from counter_app.ui.hall_client import HallClient
from counter_app.ui.kiosk.window import KioskWindow


def open_kiosk(qtbot: Any, client: HallClient, **kwargs: Any) -> KioskWindow:
    window = KioskWindow(client, "en", **kwargs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: bool(window.lines), timeout=10_000)
    return window


def test_touching_a_service_issues_and_shows_the_number(qtbot: Any, client: HallClient, other: Hall) -> None:
    other.queue.issue("A")
    kiosk = open_kiosk(qtbot, client)
    qtbot.waitUntil(lambda: "1 waiting" in kiosk.service_buttons["A"].summary(), timeout=10_000)
    with qtbot.waitSignal(kiosk.ticket_shown, timeout=10_000) as shown:
        qtbot.mouseClick(kiosk.service_buttons["A"], Qt.MouseButton.LeftButton)
    assert shown.args == ["A002"]
    assert kiosk.pages.currentIndex() == 3
    assert kiosk.result_number.text() == "A002"
    assert "1 person ahead of you" in kiosk.result_wait.text()
    ticket = other.views.repo.by_number(other.queue.business_day(), "A002")
    assert ticket is not None and ticket.state is TicketState.WAITING


def test_green_channel_takes_a_reason_then_a_service(qtbot: Any, client: HallClient, other: Hall) -> None:
    kiosk = open_kiosk(qtbot, client)
    qtbot.mouseClick(kiosk.green_button, Qt.MouseButton.LeftButton)
    assert kiosk.pages.currentIndex() == 1
    qtbot.mouseClick(kiosk.reason_buttons["elderly"], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(kiosk.ticket_shown, timeout=10_000):
        qtbot.mouseClick(kiosk.green_service_buttons["B"], Qt.MouseButton.LeftButton)
    ticket = other.views.repo.by_number(other.queue.business_day(), "V001")
    assert ticket is not None
    assert (ticket.service_code, ticket.green, ticket.green_reason) == ("B", True, "elderly")


def test_printer_failure_keeps_the_number_on_screen(qtbot: Any, client: HallClient, other: Hall) -> None:
    def broken_printer(hall: Any, ticket: Any) -> Any:
        raise OSError("printer offline")

    kiosk = open_kiosk(qtbot, client, print_client=client, print_fn=broken_printer)
    with qtbot.waitSignal(kiosk.print_finished, timeout=10_000) as printed:
        qtbot.mouseClick(kiosk.service_buttons["C"], Qt.MouseButton.LeftButton)
    assert printed.args == [False]
    assert kiosk.pages.currentIndex() == 3
    assert kiosk.result_number.text() == "C001"
    assert "reprint" in kiosk.print_status.text()
    assert other.views.status().waiting == {"C": 1}  # the ticket is kept


def test_done_goes_back_to_the_services(qtbot: Any, client: HallClient) -> None:
    kiosk = open_kiosk(qtbot, client)
    with qtbot.waitSignal(kiosk.ticket_shown, timeout=10_000):
        qtbot.mouseClick(kiosk.service_buttons["D"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.done_button, Qt.MouseButton.LeftButton)
    assert kiosk.pages.currentIndex() == 0


def test_a_refused_number_brings_the_customer_back_to_the_services_with_the_reason(
    qtbot: Any, client: HallClient, other: Hall
) -> None:
    kiosk = open_kiosk(qtbot, client)
    kiosk.pages.setCurrentIndex(2)  # the green channel's services, with a reason the hall no longer has
    kiosk._green_reason = "retired_reason"
    qtbot.mouseClick(kiosk.green_service_buttons["A"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.pages.currentIndex() == 0, timeout=10_000)
    qtbot.waitUntil(lambda: "retired_reason" in kiosk.home_note.text(), timeout=10_000)
    assert kiosk.service_buttons["A"].isEnabled()
    assert other.views.status().waiting == {}


def test_a_green_channel_page_left_alone_goes_back_to_the_services(qtbot: Any, client: HallClient) -> None:
    kiosk = open_kiosk(qtbot, client)
    qtbot.mouseClick(kiosk.green_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.reason_buttons["elderly"], Qt.MouseButton.LeftButton)
    assert kiosk.pages.currentIndex() == 2 and kiosk._back_home.isActive()
    kiosk._back_home.timeout.emit()  # the customer walked away
    assert kiosk.pages.currentIndex() == 0 and kiosk._green_reason == ""
