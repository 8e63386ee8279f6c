"""首问负责制 at the counters, driven by the keyboard: F5, the service letter and a digit hand the
customer over with a reason; the receiving counter sees the hand-over with its customer, the owner
sees the visit until it is done; an inquiry gets its outcome with F9; Esc keeps the customer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMenu

from counter_app.domain.quality.records import VisitOutcome
from counter_app.domain.queue import CounterState, TicketState
from counter_app.services.hall import Hall
from counter_app.ui.counter.handover import HandoverDialog
from counter_app.ui.counter.handover_panel import CustomerHandoverStrip, HandoverModel, HandoversPanel
from counter_app.ui.counter.window import CounterWindow
from counter_app.ui.hall_client import HallClient


def counter_with_handovers(qtbot: Any, client: HallClient, counter: int, clerk: str) -> CounterWindow:
    window = CounterWindow(client, counter, clerk, "en")
    window.add_beside_customer(CustomerHandoverStrip(client, counter, window.current_clerk, keys_on=window))
    window.add_panel(
        "handovers", lambda: HandoversPanel(client, counter, window.current_clerk, window.call_specific)
    )
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)
    return window


def strip(window: CounterWindow) -> CustomerHandoverStrip:
    return window.findChild(CustomerHandoverStrip)


def when_shown(find: Callable[[], Any], then: Callable[[Any], None]) -> None:
    """Act on a popup or dialog as soon as it is up (its own event loop holds the test's call)."""

    def poll() -> None:
        widget = find()
        if widget is None or not widget.isVisible():
            QTimer.singleShot(20, poll)
            return
        then(widget)

    QTimer.singleShot(20, poll)


def modal() -> QDialog | None:
    widget = QApplication.activeModalWidget()
    return widget if isinstance(widget, QDialog) else None


def popup() -> QMenu | None:
    widget = QApplication.activePopupWidget()
    return widget if isinstance(widget, QMenu) else None


def press(key: Qt.Key, text: str = "") -> Callable[[Any], None]:
    def send(widget: Any) -> None:
        from pytestqt.qtbot import QtBot

        QtBot.keyClick(widget.focusWidget() or widget, key)

    return send


def test_f5_letter_and_digit_hand_over_and_both_clerks_see_it(
    qtbot: Any, client: HallClient, other: Hall
) -> None:
    other.queue.set_counter_state(5, CounterState.OPEN, "陈静")
    one = counter_with_handovers(qtbot, client, 1, "王丽")
    ticket = other.queue.issue("A").ticket
    qtbot.waitUntil(lambda: one.model.rowCount() == 1, timeout=10_000)
    one.call_next()
    qtbot.waitUntil(lambda: one.current_number.text() == ticket.number, timeout=10_000)
    qtbot.waitUntil(lambda: one.buttons["transfer"].isEnabled(), timeout=10_000)

    when_shown(popup, press(Qt.Key.Key_C))  # the service letter picks the line
    when_shown(modal, press(Qt.Key.Key_2))  # the second quick reason, and it is handed over
    one.activateWindow()
    qtbot.keyClick(one, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: one.current_number.text() == "—", timeout=10_000)
    (handover,) = other.quality.records.handovers_of_ticket(ticket.id)
    assert (handover.owner, handover.from_counter, handover.to_service, handover.to_counter) == (
        "王丽",
        1,
        "C",
        None,
    )
    assert handover.reason == "需专人处理"
    moved = other.views.repo.get(ticket.id)
    assert moved is not None and moved.state is TicketState.WAITING and moved.service_code == "C"

    # the owner sees it on the hand-overs tab until it is done
    panel = one.panel("handovers")
    qtbot.waitUntil(lambda: panel.mine.rowCount() == 1, timeout=10_000)
    assert panel.mine.row_at(0).number == ticket.number

    # the receiving clerk calls the customer and sees who handed them over, and why
    five = counter_with_handovers(qtbot, client, 5, "陈静")
    five.call_specific(ticket.number)
    qtbot.waitUntil(lambda: strip(five).isVisible() and "王丽" in strip(five).received.text(), timeout=10_000)
    assert "需专人处理" in strip(five).received.text() and "owns this visit" in strip(five).received.text()
    assert strip(five).note_button.isVisible()  # an inquiry: it takes an outcome

    # F9: the outcome, by digit, and the note typed
    def fill(dialog: Any) -> None:
        press(Qt.Key.Key_2)(dialog)
        dialog.note.setText("电价疑问，已转工单")
        dialog.accept()

    when_shown(modal, fill)
    five.activateWindow()
    qtbot.keyClick(five, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: other.quality.records.note(ticket.id) is not None, timeout=10_000)
    note = other.quality.records.note(ticket.id)
    assert note is not None and (note.outcome, note.note, note.clerk) == (
        VisitOutcome.REFERRED_95598,
        "电价疑问，已转工单",
        "陈静",
    )
    qtbot.waitUntil(lambda: "Referred to 95598" in strip(five).outcome.text(), timeout=10_000)

    five.finish()
    qtbot.waitUntil(lambda: panel.mine.rowCount() == 0, timeout=10_000)  # done: off the owner's list


def test_escape_keeps_the_customer(qtbot: Any, client: HallClient, other: Hall) -> None:
    one = counter_with_handovers(qtbot, client, 1, "王丽")
    ticket = other.queue.issue("A").ticket
    qtbot.waitUntil(lambda: one.model.rowCount() == 1, timeout=10_000)
    one.call_next()
    qtbot.waitUntil(lambda: one.current_number.text() == ticket.number, timeout=10_000)
    when_shown(modal, lambda dialog: dialog.reject())
    one.hand_over(ticket.number, "C")
    qtbot.wait(200)
    assert one.current_number.text() == ticket.number
    assert other.quality.records.handovers_of_ticket(ticket.id) == []
    assert other.views.repo.get(ticket.id).state is TicketState.CALLED  # type: ignore[union-attr]


def test_a_customer_handed_to_this_counter_waits_on_its_tab(
    qtbot: Any, client: HallClient, other: Hall
) -> None:
    other.queue.set_counter_state(1, CounterState.OPEN, "王丽")
    five = counter_with_handovers(qtbot, client, 5, "陈静")
    panel = five.panel("handovers")
    ticket = other.queue.issue("A").ticket
    other.queue.call_number(1, ticket.number)
    other.queue.transfer(1, "C", reason="需专人处理", to_counter=5)
    qtbot.waitUntil(lambda: panel.to_me.rowCount() == 1, timeout=10_000)
    assert "from counter 1" in panel.to_me.index(0, 1).data()
    panel.call_button.click()
    qtbot.waitUntil(lambda: five.current_number.text() == ticket.number, timeout=10_000)
    qtbot.waitUntil(lambda: panel.to_me.rowCount() == 0, timeout=10_000)


def test_the_hand_over_dialog_offers_the_counters_of_that_service(qtbot: Any, client: HallClient) -> None:
    dialog = HandoverDialog(client.profile, 1, "A001", "C")
    qtbot.addWidget(dialog)
    counters = [dialog.to_counter.itemData(i) for i in range(dialog.to_counter.count())]
    assert counters == [None, 2, 3, 5, 6]  # any, or one of the other counters serving C
    dialog.own.setText("客户要求找主管")
    dialog.to_counter.setCurrentIndex(3)
    assert dialog.choice().reason == "客户要求找主管" and dialog.choice().to_counter == 5


def test_hand_over_models(qtmodeltester: Any, other: Hall) -> None:
    other.queue.set_counter_state(1, CounterState.OPEN, "王丽")
    ticket = other.queue.issue("A").ticket
    other.queue.call_number(1, ticket.number)
    other.queue.transfer(1, "C", reason="需专人处理", to_counter=5)
    rows = other.quality.records.handovers_of_ticket(ticket.id)
    for incoming in (True, False):
        model = HandoverModel(incoming)
        model.set_rows(rows)
        qtmodeltester.check(model)
