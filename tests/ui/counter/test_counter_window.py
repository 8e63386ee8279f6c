"""The counter window driven like a clerk: keys, the line, errors in the banner, nothing lost."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from counter_app.domain.queue import CounterState, TicketState
from counter_app.services.hall import Hall
from counter_app.ui.counter.window import CounterWindow
from counter_app.ui.hall_client import HallClient


def open_window(
    qtbot: Any, client: HallClient, counter: int = 1, clerk: str | None = "王丽"
) -> CounterWindow:
    window = CounterWindow(client, counter, clerk, "en")
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)
    return window


def wait_idle(qtbot: Any, window: CounterWindow) -> None:
    qtbot.waitUntil(lambda: not window.client.busy, timeout=10_000)


def test_call_next_with_the_key_shows_the_customer_and_writes_the_call(
    qtbot: Any, client: HallClient, other: Hall
) -> None:
    window = open_window(qtbot, client)
    other.queue.issue("A")
    other.queue.issue("C")
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=10_000)  # seen via data_version

    window.activateWindow()  # the key is a window shortcut: it needs the window active
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.current_number.text() == "A001", timeout=10_000)
    ticket = other.views.repo.by_number(other.queue.business_day(), "A001")
    assert ticket is not None and ticket.state is TicketState.CALLED and ticket.counter == 1
    assert ticket.clerk == "王丽"
    assert window.buttons["recall"].isEnabled()
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)


def test_recall_start_finish_and_figures(qtbot: Any, client: HallClient, other: Hall) -> None:
    window = open_window(qtbot, client)
    other.queue.issue("A")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=10_000)
    window.call_next()
    qtbot.waitUntil(lambda: window.current_number.text() == "A001", timeout=10_000)
    window.recall()
    qtbot.waitUntil(lambda: "Recalled A001" in window.banner.text(), timeout=10_000)
    window.start_serving()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: not window.buttons["recall"].isEnabled(), timeout=10_000)
    window.finish()
    qtbot.waitUntil(lambda: window.current_number.text() == "—", timeout=10_000)
    qtbot.waitUntil(lambda: "Served 1 person" in window.figures.text(), timeout=10_000)
    done = other.views.repo.by_number(other.queue.business_day(), "A001")
    assert done is not None and done.state is TicketState.DONE and done.recalls == 1


def test_nobody_waiting_is_calm_information(qtbot: Any, client: HallClient) -> None:
    window = open_window(qtbot, client)
    window.call_next()
    qtbot.waitUntil(lambda: window.banner.has_message, timeout=10_000)
    assert "Nobody is waiting" in window.banner.text()
    assert not window.banner.is_error


def test_closed_counter_is_refused_with_a_message_and_nothing_changes(
    qtbot: Any, client: HallClient, other: Hall
) -> None:
    window = open_window(qtbot, client, counter=2, clerk=None)
    other.queue.issue("A")
    other.queue.set_counter_state(2, CounterState.CLOSED)
    qtbot.waitUntil(
        lambda: window.view is not None and window.view.status.counter.state is CounterState.CLOSED,
        timeout=5000,
    )
    window.call_next()
    qtbot.waitUntil(lambda: window.banner.is_error, timeout=10_000)
    assert window.banner.text() == "Counter 2 is closed. Open it first."
    assert other.views.status().waiting == {"A": 1}


def test_double_press_calls_one_customer(qtbot: Any, client: HallClient, other: Hall) -> None:
    window = open_window(qtbot, client)
    other.queue.issue("A")
    other.queue.issue("A")
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=10_000)
    qtbot.mouseClick(window.buttons["next"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(window.buttons["next"], Qt.MouseButton.LeftButton)  # disabled while the first runs
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: window.current_number.text() == "A001", timeout=10_000)
    assert other.views.status().waiting == {"A": 1}


def test_transfer_keeps_the_place_in_the_new_line(qtbot: Any, client: HallClient, other: Hall) -> None:
    window = open_window(qtbot, client, counter=3, clerk="张敏")
    first = other.queue.issue("B").ticket
    other.queue.issue("C")
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=10_000)
    window.call_next()
    qtbot.waitUntil(lambda: window.current_number.text() == first.number, timeout=10_000)
    window.transfer_to("C")
    qtbot.waitUntil(lambda: window.current_number.text() == "—", timeout=10_000)
    waiting = other.views.repo.waiting(other.queue.business_day(), "C")
    assert [t.number for t in waiting] == ["B001", "C001"]  # B001 keeps its earlier place


def test_waiting_model_is_a_correct_model(
    qtbot: Any, qtmodeltester: Any, client: HallClient, other: Hall
) -> None:
    window = open_window(qtbot, client)
    other.queue.issue("A", green=True, green_reason="elderly")
    other.queue.issue("A")
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=10_000)
    qtmodeltester.check(window.model)
    assert window.model.ticket_at(0).number == "V001"  # green channel first
    assert "Green channel" in window.model.index(0, 3).data()


def test_chinese_ui(qtbot: Any, zh_client: HallClient) -> None:
    window = CounterWindow(zh_client, 1, None, "zh_CN")
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)
    assert window.buttons["next"].text().startswith("下一位")
    assert window.windowTitle() == "1号窗口"


def test_a_refresh_with_the_same_line_keeps_the_clerks_selection(
    qtbot: Any, client: HallClient, other: Hall
) -> None:
    window = open_window(qtbot, client)
    other.queue.issue("A")
    other.queue.issue("C")
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=10_000)
    window.table.selectRow(1)
    before = window.view
    other.queue.issue("B")  # another counter's line: counter 1 reads its line again, unchanged
    qtbot.waitUntil(lambda: window.view is not before, timeout=10_000)
    assert [i.row() for i in window.table.selectionModel().selectedRows()] == [1]


def test_a_clerk_reprints_a_ticket_labelled_as_a_reprint(
    qtbot: Any, client: HallClient, other: Hall, tmp_path: Any
) -> None:
    from counter_app.printing.backends import PdfFolderBackend
    from counter_app.services.printing.tickets import print_ticket

    folder = PdfFolderBackend(tmp_path / "slips")
    window = CounterWindow(
        client,
        1,
        "王丽",
        "en",
        reprint=lambda h, number, clerk: print_ticket(h, number, folder, clerk, paper="a6"),
    )
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)
    ticket = other.queue.issue("A").ticket
    print_ticket(other, ticket, folder)  # the kiosk's slip, which the customer lost
    window.reprint("A001")
    qtbot.waitUntil(lambda: "A001 printed again" in window.banner.text(), timeout=10_000)
    jobs = other.print_jobs.history("ticket", ticket.id)
    assert [(copy, status) for _, copy, status, _ in jobs] == [
        ("original", "printed"),
        ("reprint", "printed"),
    ]
    assert sorted(p.name for p in (tmp_path / "slips").iterdir())[-1].endswith("-reprint.pdf")


def test_a_reprint_of_an_unknown_number_is_refused_plainly(
    qtbot: Any, client: HallClient, tmp_path: Any
) -> None:
    from counter_app.printing.backends import PdfFolderBackend
    from counter_app.services.printing.tickets import print_ticket

    folder = PdfFolderBackend(tmp_path / "slips")
    window = CounterWindow(client, 1, None, "en", reprint=lambda h, n, c: print_ticket(h, n, folder, c))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.view is not None, timeout=10_000)
    window.show()
    window.reprint("Z999")
    qtbot.waitUntil(lambda: window.banner.is_error, timeout=10_000)
    assert window.banner.text() == "There is no ticket Z999 today."
    assert not (tmp_path / "slips").exists() or not any((tmp_path / "slips").iterdir())


def test_no_reprint_without_a_counter_printer(qtbot: Any, client: HallClient) -> None:
    window = CounterWindow(client, 1, None, "en")
    qtbot.addWidget(window)
    assert not window.reprint_button.isVisibleTo(window)
