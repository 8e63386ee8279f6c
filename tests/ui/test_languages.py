"""Languages on one PC running several roles (the README's "all on one PC", run.sh's default).

The kiosk's 简体/繁體/English buttons are a customer's choice for that kiosk only: the counters and
the hall display keep their language, and the kiosk returns to the hall's language at its start page
or when left alone. Qt's own dialogs and buttons speak the clerk's language too.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from counter_app.domain.errors import InvalidInput
from counter_app.printing.document import PrinterError
from counter_app.qt_i18n import HallTexts, current_language, install_language
from counter_app.services.hall import Hall
from counter_app.ui.counter.window import CounterWindow
from counter_app.ui.display.announcer import CallAnnouncer
from counter_app.ui.display.window import DisplayWindow
from counter_app.ui.hall_client import HallClient
from counter_app.ui.kiosk.window import KioskWindow
from counter_app.ui.messages import describe


def one_pc(qtbot: Any, client: HallClient) -> tuple[KioskWindow, CounterWindow, DisplayWindow]:
    kiosk = KioskWindow(client, "zh_CN")
    counter = CounterWindow(client, 1, "王丽", "zh_CN")
    quiet = CallAnnouncer(HallTexts("zh_CN"), repeat=1, chime=False, engine="none")
    display = DisplayWindow(client, "zh_CN", announcer=quiet)
    for window in (kiosk, counter, display):
        qtbot.addWidget(window)
        window.show()
    qtbot.waitUntil(lambda: counter.view is not None and display.view is not None, timeout=10_000)
    return kiosk, counter, display


def test_a_customers_language_is_the_kiosks_only(qtbot: Any, zh_client: HallClient) -> None:
    kiosk, counter, display = one_pc(qtbot, zh_client)
    qtbot.mouseClick(kiosk.language_buttons["en"], Qt.MouseButton.LeftButton)
    assert kiosk.home_title.text() == "Please choose your service"
    assert kiosk.windowTitle() == "Take a number"
    # the counter, the hall TV and the process stay in the hall's language
    assert current_language() == "zh_CN"
    assert counter.buttons["next"].text().startswith("下一位")
    assert display.head_number.text() == "号码" and display.windowTitle() == "叫号屏"
    qtbot.mouseClick(kiosk.language_buttons["zh_TW"], Qt.MouseButton.LeftButton)
    assert kiosk.home_title.text() == "請選擇您要辦理的業務"
    assert counter.buttons["next"].text().startswith("下一位")


def test_the_kiosk_returns_to_the_halls_language_for_the_next_customer(
    qtbot: Any, zh_client: HallClient, other: Hall
) -> None:
    kiosk, _counter, _display = one_pc(qtbot, zh_client)
    qtbot.mouseClick(kiosk.language_buttons["en"], Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(kiosk.ticket_shown, timeout=10_000):
        qtbot.mouseClick(kiosk.service_buttons["A"], Qt.MouseButton.LeftButton)
    assert kiosk.result_title.text() == "Your number"  # the customer's number in their language
    qtbot.mouseClick(kiosk.done_button, Qt.MouseButton.LeftButton)
    assert kiosk.home_title.text() == "请选择您要办理的业务"
    # a customer who walks away from the start page: back after the idle time
    qtbot.mouseClick(kiosk.language_buttons["en"], Qt.MouseButton.LeftButton)
    assert kiosk.home_title.text() == "Please choose your service"
    kiosk._language_idle.setInterval(50)
    kiosk._language_idle.start()
    qtbot.waitUntil(lambda: kiosk.home_title.text() == "请选择您要办理的业务", timeout=5000)
    assert kiosk.language == "zh_CN"


def test_a_back_button_keeps_the_customers_language(qtbot: Any, zh_client: HallClient) -> None:
    kiosk, _counter, _display = one_pc(qtbot, zh_client)
    qtbot.mouseClick(kiosk.language_buttons["en"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.green_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.reason_back, Qt.MouseButton.LeftButton)
    assert kiosk.pages.currentIndex() == 0 and kiosk.home_title.text() == "Please choose your service"


def test_a_kiosk_error_is_worded_in_the_customers_language(qtbot: Any, zh_client: HallClient) -> None:
    kiosk, _counter, _display = one_pc(qtbot, zh_client)
    qtbot.mouseClick(kiosk.language_buttons["en"], Qt.MouseButton.LeftButton)
    kiosk._on_error(InvalidInput("x", code="unknown_service", service="Z"))
    assert kiosk.home_note.text() == "There is no service Z in this hall."
    assert describe(InvalidInput("x", code="unknown_service", service="Z")) == "本营业厅没有 Z 业务。"


def test_a_clerks_language_leaves_the_kiosk_and_the_hall_tv_alone(qtbot: Any, zh_client: HallClient) -> None:
    kiosk, counter, display = one_pc(qtbot, zh_client)
    counter.language_box.setCurrentIndex(counter.language_box.findData("en"))
    try:
        qtbot.waitUntil(lambda: counter.buttons["next"].text().startswith("Call next"), timeout=5000)
        assert kiosk.home_title.text() == "请选择您要办理的业务"
        assert display.head_number.text() == "号码"
    finally:
        install_language("zh_CN")


def test_qts_own_buttons_and_dialogs_speak_the_clerks_language(qtbot: Any, zh_client: HallClient) -> None:
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    choices = QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel
    box = QMessageBox(QMessageBox.Icon.Question, "", "", choices)
    qtbot.addWidget(box)
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "取消"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Save).text() == "保存"
    install_language("zh_TW")
    try:
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
        assert QCoreApplication.translate("QFileDialog", "Save As") == "另存新檔"
    finally:
        install_language("zh_CN")


def test_printer_and_os_errors_are_said_in_the_clerks_language(qtbot: Any, zh_client: HallClient) -> None:
    """The system printer's English ("No default printer is set up on this PC (installed: none)")
    stays in the log; the clerk reads a sentence in their language."""
    from PySide6.QtPrintSupport import QPrinterInfo

    from counter_app.printing.backends import SystemPrinterBackend
    from counter_app.printing.document import Printable
    from counter_app.printing.paper import ROLL_80
    from counter_app.ui.messages import describe_print_failure

    failures = []
    if not QPrinterInfo.availablePrinterNames():
        try:
            SystemPrinterBackend().print_slip(Printable("t", lambda p, r: 0.0), ROLL_80)
        except PrinterError as exc:
            failures.append(exc)
    failures += [
        PrinterError("No default printer is set up on this PC (installed: none)", code="no_default_printer"),
        PrinterError(
            "Cannot write the PDF /x/y.pdf: Permission denied", code="pdf_not_written", path="/x/y.pdf"
        ),
        PrinterError(
            "The receipt printer 10.0.0.9:9100 cannot be reached ([Errno 113] No route)",
            code="receipt_printer_unreachable",
            printer="10.0.0.9:9100",
        ),
        PrinterError("Internal error while printing: KeyError('x')", code="print_bug"),
    ]
    for failure in failures:
        text = describe_print_failure(failure)
        assert text and not any(
            word in text for word in ("default printer", "Permission", "Errno", "KeyError")
        )
        assert any("\u4e00" <= ch <= "\u9fff" for ch in text), text
    assert "10.0.0.9:9100" in describe_print_failure(failures[-2])
