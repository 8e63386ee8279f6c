"""The counter window with its desk tabs, as a clerk uses it all day (issue #7): nothing moves under
the pointer, the window never resizes itself, every action of a tab is on screen at 1366×768, and the
keyboard gets a clerk from "the customer says their account number" to "slip printed".
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from payment_data import account_line, account_number, write_list
from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtWidgets import QApplication, QPushButton, QScrollArea, QWidget

from counter_app.printing.backends import PdfFolderBackend
from counter_app.services.hall import Hall
from counter_app.ui.applications.panel import ApplicationsPanel
from counter_app.ui.counter.window import CounterWindow
from counter_app.ui.hall_client import HallClient
from counter_app.ui.payments.panel import PaymentPanel

#: What a maximised window gets of a 1366×768 screen (the usual hall PC): the taskbar and the
#: title bar take about 70 px.
HALL_PC = (1366, 698)


@pytest.fixture
def listed(other: Hall, tmp_path: Path) -> Hall:
    lines = [
        account_line(1, name="张三明", phone="13812345678", arrears="88.50"),
        account_line(2, name="李四", phone="13998765432", withholding="是"),
        account_line(3, name="王五", phone="13812340000"),
    ]
    other.account_import.run(write_list(tmp_path / "list.csv", lines))
    return other


def desk(
    qtbot: Any, client: HallClient, tmp_path: Path, size: tuple[int, int] = (1280, 800)
) -> CounterWindow:
    """Counter 3 (业扩报装 and 咨询查询) with both desk tabs, built as the launcher builds them."""
    window = CounterWindow(client, 3, "张敏", "en", reprint=lambda h, n, c: None)
    printer = PdfFolderBackend(tmp_path / "slips")
    window.add_panel(
        "applications",
        lambda: ApplicationsPanel(
            client, 3, window.current_clerk, window.current_ticket, printer=printer, banner=window.banner
        ),
    )
    window.add_panel(
        "payment",
        lambda: PaymentPanel(
            client, 3, window.current_clerk, window.current_ticket, printer=printer, banner=window.banner
        ),
    )
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    loaded: list[bool] = []
    window.loaded.connect(lambda: loaded.append(True))
    window.panel("applications")
    window.panel("payment")
    qtbot.waitUntil(lambda: bool(loaded), timeout=15_000)
    return window


@pytest.fixture
def window(qtbot: Any, client: HallClient, tmp_path: Path) -> Iterator[CounterWindow]:
    built = desk(qtbot, client, tmp_path)
    yield built
    payment = built.panel("payment")
    assert isinstance(payment, PaymentPanel)
    payment.shutdown()


def places(window: QWidget) -> dict[str, QRect]:
    """Where every visible button of the window is, in window coordinates."""
    return {
        f"{b.objectName()}|{b.text()}|{i}": QRect(b.mapTo(window, QPoint(0, 0)), b.size())
        for i, b in enumerate(window.findChildren(QPushButton))
        if b.isVisible()
    }


def out_of_reach(window: QWidget) -> list[str]:
    """Visible buttons cut off by the window's edge or hidden in a scroll area's unscrolled part."""
    bad = []
    for button in window.findChildren(QPushButton):
        if not button.isVisible():
            continue
        rect = QRect(button.mapTo(window, QPoint(0, 0)), button.size())
        if not window.rect().contains(rect):
            bad.append(f"{button.text()} at {rect.getRect()}")
            continue
        parent = button.parentWidget()
        while parent is not None and parent is not window:
            if isinstance(parent, QScrollArea):
                view = parent.viewport()
                shown = QRect(view.mapTo(window, QPoint(0, 0)), view.size())
                if not shown.contains(rect):
                    bad.append(f"{button.text()} needs scrolling")
                    break
            parent = parent.parentWidget()
    return bad


def test_nothing_moves_when_a_message_comes_and_goes(qtbot: Any, window: CounterWindow) -> None:
    for tab in ("line", "applications", "payment"):
        window.show_tab(tab)
        qtbot.wait(50)
        before = places(window)
        window.banner.error(
            "Counter 3 still has a customer. Finish or transfer first. " * 3  # a long one, wrapped
        )
        qtbot.wait(50)
        assert places(window) == before, tab
        window.banner.info("Called B001")
        window.banner.clear()
        qtbot.wait(50)
        assert places(window) == before, tab


def test_the_window_never_widens_itself(qtbot: Any, window: CounterWindow, other: Hall) -> None:
    """A long green-channel reason, the accepted-application print bar, a stale-figures chip and a
    long message: the window keeps the size the clerk gave it."""
    size = window.size()
    other.queue.issue("B", green=True, green_reason="key_enterprise")
    window.call_next()
    qtbot.waitUntil(lambda: window.green_badge.isVisible(), timeout=10_000)
    apps = window.panel("applications")
    assert isinstance(apps, ApplicationsPanel)
    window.show_tab("applications")
    apps.result_label.setText("Accepted YK20261127-0001 · High-voltage new connection, dual supply")
    apps.result.show()
    window.banner.error("A very long message " * 20)
    qtbot.wait(100)
    assert window.size() == size
    window.show_tab("payment")
    qtbot.wait(100)
    assert window.size() == size


@pytest.mark.parametrize("size", [HALL_PC, (1920, 1050)])
def test_every_action_of_a_tab_is_on_screen_without_scrolling(
    qtbot: Any, client: HallClient, other: Hall, listed: Hall, tmp_path: Path, size: tuple[int, int]
) -> None:
    from application_data import home

    from counter_app.domain.applications.detail import ApplicationRequest

    accepted = other.applications.accept(ApplicationRequest(form=home()), clerk="张敏")
    window = desk(qtbot, client, tmp_path, size)
    assert window.size().toTuple() == size
    assert out_of_reach(window) == [], "line"
    window.show_tab("applications")
    apps = window.panel("applications")
    assert isinstance(apps, ApplicationsPanel)
    qtbot.wait(100)
    assert out_of_reach(window) == [], "intake"
    apps.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: apps.page is not None and bool(apps.page.rows), timeout=10_000)
    apps.open_detail(accepted.number)
    qtbot.waitUntil(lambda: apps.detail_view.detail is not None, timeout=10_000)
    qtbot.wait(100)
    assert out_of_reach(window) == [], "application detail"
    window.show_tab("payment")
    payment = window.panel("payment")
    assert isinstance(payment, PaymentPanel)
    payment.show_account(account_number(1))
    qtbot.waitUntil(lambda: payment.guidance is not None, timeout=10_000)
    qtbot.wait(100)
    assert out_of_reach(window) == [], "payment"
    assert window.size().toTuple() == size
    payment.shutdown()


def test_ctrl_number_opens_each_tab(qtbot: Any, window: CounterWindow) -> None:
    for key, name in ((Qt.Key.Key_2, "applicationsTab"), (Qt.Key.Key_3, "paymentTab"), (Qt.Key.Key_1, "")):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.tabs.currentWidget().objectName() == name or (
            not name and window.tabs.currentIndex() == 0
        )


def test_account_number_and_enter_print_the_slip(
    qtbot: Any, window: CounterWindow, listed: Hall, tmp_path: Path
) -> None:
    """From "the customer says their account number" to "slip printed": Ctrl+3, the digits, Enter."""
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    payment = window.panel("payment")
    assert isinstance(payment, PaymentPanel)
    assert QApplication.focusWidget() is payment.search.search_box  # the cursor is already there
    with qtbot.waitSignal(payment.printed, timeout=15_000) as printed:
        qtbot.keyClicks(QApplication.focusWidget(), account_number(1))
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # faster than the search
    assert printed.args[0].printed
    record = listed.payments.get(printed.args[0].guidance_id)
    assert record.account_number == account_number(1)
    assert len(list((tmp_path / "slips").glob("*.pdf"))) == 1


def test_enter_on_a_number_without_a_record_shows_it_first(
    qtbot: Any, window: CounterWindow, listed: Hall, tmp_path: Path
) -> None:
    window.show_tab("payment")
    payment = window.panel("payment")
    assert isinstance(payment, PaymentPanel)
    with qtbot.waitSignal(payment.guidance_shown, timeout=10_000):
        qtbot.keyClicks(payment.search.search_box, "0999999999")
        qtbot.keyClick(payment.search.search_box, Qt.Key.Key_Return)
    assert "No record" in payment.card.record_chip.text()
    assert not list((tmp_path / "slips").glob("*.pdf"))  # a typo is checked before paper is used
    with qtbot.waitSignal(payment.printed, timeout=15_000):
        qtbot.keyClick(payment.search.search_box, Qt.Key.Key_Return)


def test_arrows_choose_among_several_matches_and_esc_clears(
    qtbot: Any, window: CounterWindow, listed: Hall
) -> None:
    window.show_tab("payment")
    payment = window.panel("payment")
    assert isinstance(payment, PaymentPanel)
    box = payment.search.search_box
    qtbot.keyClicks(box, "1381234")  # the first digits of two customers' phones
    # under load a search may run on part of the digits first: wait for the whole one's answer
    qtbot.waitUntil(lambda: payment.search.model.rowCount() == 2, timeout=10_000)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    # each arrow shows its row's guidance in turn: wait for the second row's, not the first signal
    qtbot.waitUntil(
        lambda: payment.card.number.text() == payment.search.model.hit_at(1).account.number, timeout=10_000
    )
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.text() == "" and box.hasFocus()


def test_the_payment_card_is_cleared_when_the_customer_changes(
    qtbot: Any, window: CounterWindow, listed: Hall, other: Hall
) -> None:
    other.queue.issue("B")
    other.queue.issue("B")
    window.call_next()
    qtbot.waitUntil(lambda: window.current_number.text() == "B001", timeout=10_000)
    window.show_tab("payment")
    payment = window.panel("payment")
    assert isinstance(payment, PaymentPanel)
    payment.show_account(account_number(1))
    qtbot.waitUntil(lambda: payment.card.number.text() == account_number(1), timeout=10_000)
    window.start_serving()  # the same customer arrives: the card stays
    qtbot.waitUntil(lambda: not window.buttons["recall"].isEnabled(), timeout=10_000)
    assert payment.card.number.text() == account_number(1)
    window.call_next()  # the next customer
    qtbot.waitUntil(lambda: window.current_number.text() == "B002", timeout=10_000)
    qtbot.waitUntil(lambda: payment.card.number.text() == "—", timeout=10_000)
    assert payment.guidance is None and not payment.print_button.isEnabled()
    assert account_number(1) not in payment.search.search_box.text()
    assert not payment.reprint_button.isEnabled()


def test_f5_then_the_service_letter_transfers(qtbot: Any, window: CounterWindow, other: Hall) -> None:
    other.queue.issue("B")
    window.call_next()
    qtbot.waitUntil(lambda: window.current_number.text() == "B001", timeout=10_000)
    qtbot.waitUntil(lambda: window.buttons["transfer"].isEnabled(), timeout=10_000)

    def press_c() -> None:
        menu = QApplication.activePopupWidget()
        assert menu is not None
        qtbot.keyClick(menu, Qt.Key.Key_C)
        QTimer.singleShot(200, press_enter)

    def press_enter() -> None:  # the hand-over's reason (首问负责制, issue #11): the first one
        dialog = QApplication.activeModalWidget()
        assert dialog is not None
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)

    QTimer.singleShot(200, press_c)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.current_number.text() == "—", timeout=10_000)
    moved = other.views.repo.by_number(other.queue.business_day(), "B001")
    assert moved is not None and moved.service_code == "C"
    (handover,) = other.quality.records.handovers_of_ticket(moved.id)
    assert (handover.to_service, handover.reason) == ("C", "需办理其他业务")


def test_the_line_shows_first_the_one_f1_calls(qtbot: Any, window: CounterWindow, other: Hall) -> None:
    """Counter 3 serves 业扩报装 before 咨询查询: B001 is called first though C001 came first."""
    other.queue.issue("C")
    other.queue.issue("B")
    qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=10_000)
    assert window.model.ticket_at(0).number == "B001"
    assert "Next [F1]" in window.model.data(window.model.index(0, 3))
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.current_number.text() == "B001", timeout=10_000)
