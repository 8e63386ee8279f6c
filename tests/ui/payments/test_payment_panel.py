"""The payment panel driven like a clerk: type, pick the account, tick channels, print the slip; a walk-in
number; errors in the banner with the input kept; the import dialog on its own worker; the boundary helper."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from payment_data import account_line, account_number, write_list
from pypdf import PdfReader
from PySide6.QtCore import Qt

from counter_app.domain.payments.boundary import FaultLocation
from counter_app.domain.queue import Ticket
from counter_app.printing.backends import PdfFolderBackend
from counter_app.printing.document import Printable, PrinterError
from counter_app.printing.paper import Paper
from counter_app.services.hall import Hall
from counter_app.ui.hall_client import HallClient
from counter_app.ui.payments.boundary_dialog import BoundaryDialog
from counter_app.ui.payments.import_dialog import AccountImportDialog
from counter_app.ui.payments.models import AccountHitsModel
from counter_app.ui.payments.panel import PaymentPanel
from counter_app.ui.text_breaks import plain

TODAY = date.today().isoformat()


@pytest.fixture
def listed(other: Hall, tmp_path: Path) -> Hall:
    lines = [
        account_line(
            1,
            name="张三明",
            address="科尔沁区建国路12号3栋",
            phone="13812345678",
            arrears="88.50",
            as_of=TODAY,
        ),
        account_line(2, name="张三", as_of="2020-01-01", withholding="是"),
        account_line(3, name="李四", as_of=TODAY),
    ]
    other.account_import.run(write_list(tmp_path / "list.csv", lines))
    return other


class Holder:
    ticket: Ticket | None = None


@pytest.fixture
def panel(qtbot: Any, client: HallClient, tmp_path: Path) -> Iterator[PaymentPanel]:
    holder = Holder()
    with qtbot.waitSignal(client.busy_changed, timeout=5000, check_params_cb=lambda busy: not busy):
        widget = PaymentPanel(
            client, 1, lambda: "王丽", lambda: holder.ticket, printer=PdfFolderBackend(tmp_path / "slips")
        )
    widget.holder = holder  # type: ignore[attr-defined]
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitUntil(lambda: widget.setup is not None, timeout=5000)
    yield widget
    widget.shutdown()


def type_query(qtbot: Any, panel: PaymentPanel, text: str) -> None:
    """Digits are typed key by key; Chinese arrives as an input method's commit (QTest has no IME)."""
    box = panel.search.search_box
    box.clear()
    with qtbot.waitSignal(panel.searched, timeout=5000):
        if text.isascii():
            qtbot.keyClicks(box, text)
        else:
            box.insert(text)


def model_texts(model: AccountHitsModel) -> list[str]:
    return [
        str(model.index(r, c).data()) for r in range(model.rowCount()) for c in range(model.columnCount())
    ]


def test_lookup_to_slip_like_a_clerk(qtbot: Any, panel: PaymentPanel, listed: Hall, tmp_path: Path) -> None:
    listed.queue.issue("A")
    called = listed.queue.call_next(1, clerk="王丽").called
    panel.holder.ticket = called  # type: ignore[attr-defined]
    type_query(qtbot, panel, "张三")
    model = panel.search.model
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        account_number(2),
        account_number(1),
    ]
    texts = model_texts(model)
    assert "张*明" in texts and "138****5678" in texts and "张三明" not in texts  # masked in the list
    with qtbot.waitSignal(panel.guidance_shown, timeout=5000):
        qtbot.mouseClick(
            panel.search.table.viewport(),
            Qt.MouseButton.LeftButton,
            pos=panel.search.table.visualRect(model.index(1, 0)).center(),
        )
    assert panel.card.number.text() == account_number(1)
    assert "张*明" in panel.card.person.text() and "张三明" not in panel.card.person.text()
    assert "88.50" in plain(panel.card.amount.text()) and TODAY in plain(panel.card.as_of.text())
    assert panel.card.stale_chip.isHidden()  # today's figures are current
    assert panel.withholding.isVisibleTo(panel)  # not signed: the sign-up guide is shown
    wechat, outlet = panel.channel_list.row("wechat"), panel.channel_list.row("agent_outlet")
    assert (
        wechat is not None
        and outlet is not None
        and wechat.check.isChecked()
        and not outlet.check.isChecked()
    )
    wechat.check.click()
    outlet.check.click()
    with qtbot.waitSignal(panel.printed, timeout=15000) as printed:
        qtbot.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
    assert printed.args[0].printed and not printed.args[0].reprint
    record = listed.payments.get(printed.args[0].guidance_id)
    assert [c.code for c in record.channels] == [
        "wsgw",
        "alipay",
        "dianebao",
        "bank_withholding",
        "agent_outlet",
    ]
    assert (record.clerk, record.counter, record.ticket_number) == (
        "王丽",
        1,
        called.number if called else "",
    )
    assert "printed" in panel.banner.text()
    with qtbot.waitSignal(panel.printed, timeout=15000) as again:
        qtbot.mouseClick(panel.reprint_button, Qt.MouseButton.LeftButton)
    assert again.args[0].reprint and again.args[0].guidance_id == record.id
    pdfs = sorted((tmp_path / "slips").glob("*.pdf"))
    assert len(pdfs) == 2
    last = "".join("".join(p.extract_text() for p in PdfReader(pdfs[-1]).pages).split())
    assert "补打" in last and account_number(1) in last and "张*明" in last


def test_old_figures_are_marked_not_current(qtbot: Any, panel: PaymentPanel, listed: Hall) -> None:
    type_query(qtbot, panel, account_number(2))  # an exact 户号 opens the card at once
    qtbot.waitUntil(lambda: panel.card.number.text() == account_number(2), timeout=5000)
    assert panel.card.stale_chip.isVisibleTo(panel) and "days old" in panel.card.stale_chip.text()
    assert "2020-01-01" in plain(panel.card.as_of.text())
    assert not panel.withholding.isVisibleTo(panel)  # signed already


def test_a_walk_in_number_without_a_record(qtbot: Any, panel: PaymentPanel, listed: Hall) -> None:
    type_query(qtbot, panel, "0999999999")
    assert panel.search.model.rowCount() == 0 and "No account" in panel.search.note.text()
    assert panel.search.walk_in_button.isEnabled()
    with qtbot.waitSignal(panel.guidance_shown, timeout=5000):
        qtbot.mouseClick(panel.search.walk_in_button, Qt.MouseButton.LeftButton)
    assert "No record" in panel.card.record_chip.text()
    with qtbot.waitSignal(panel.printed, timeout=15000) as printed:
        panel.print_slip()
    assert not listed.payments.get(printed.args[0].guidance_id).on_record


def test_a_bad_number_is_explained_and_the_input_kept(qtbot: Any, panel: PaymentPanel, listed: Hall) -> None:
    type_query(qtbot, panel, "123456")
    qtbot.mouseClick(panel.search.walk_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.banner.is_error, timeout=5000)
    assert "6 digits" in panel.banner.text() and "10 / 13" in panel.banner.text()
    assert panel.search.search_box.text() == "123456" and not panel.print_button.isEnabled()


def test_no_channel_ticked_is_refused_and_nothing_recorded(
    qtbot: Any, panel: PaymentPanel, listed: Hall
) -> None:
    type_query(qtbot, panel, account_number(3))
    qtbot.waitUntil(lambda: panel.guidance is not None, timeout=5000)
    panel.channel_list.set_checked([])
    panel.print_slip()
    qtbot.waitUntil(lambda: panel.banner.is_error, timeout=5000)
    assert "at least one" in panel.banner.text()
    assert listed.payments.figures().guidance == 0 and panel.print_button.isEnabled()


class BrokenPrinter:
    device = "broken"

    def print_slip(self, printable: Printable, paper: Paper) -> None:
        raise PrinterError(
            "XP-80C: ioctl status 0x12 (paper end)", code="printer_reported_error", printer="XP-80C"
        )


def test_a_failed_print_keeps_the_record_and_offers_print_again(
    qtbot: Any, panel: PaymentPanel, listed: Hall, tmp_path: Path
) -> None:
    panel.printer = BrokenPrinter()
    type_query(qtbot, panel, account_number(3))
    qtbot.waitUntil(lambda: panel.guidance is not None, timeout=5000)
    with qtbot.waitSignal(panel.printed, timeout=15000) as printed:
        panel.print_slip()
    assert not printed.args[0].printed and panel.banner.is_error
    # said for the clerk; the printer's technical words are in the log, not on the screen
    assert "The printer XP-80C reported an error" in panel.banner.text()
    assert "ioctl" not in panel.banner.text()
    assert listed.payments.figures().guidance == 1 and panel.reprint_button.isEnabled()
    panel.printer = PdfFolderBackend(tmp_path / "later")
    with qtbot.waitSignal(panel.printed, timeout=15000) as again:
        panel.reprint()
    # the first slip that comes out is the original (no 补打), and the guidance is still recorded once
    assert again.args[0].printed and not again.args[0].reprint and listed.payments.figures().guidance == 1


def test_print_again_is_only_for_the_account_on_the_card(
    qtbot: Any, panel: PaymentPanel, listed: Hall, tmp_path: Path
) -> None:
    type_query(qtbot, panel, account_number(3))
    qtbot.waitUntil(lambda: panel.guidance is not None, timeout=5000)
    with qtbot.waitSignal(panel.printed, timeout=15000):
        panel.print_slip()
    assert panel.reprint_button.isEnabled()
    type_query(qtbot, panel, account_number(1))  # the next customer
    qtbot.waitUntil(lambda: panel.card.number.text() == account_number(1), timeout=5000)
    assert not panel.reprint_button.isEnabled()
    panel.reprint()  # e.g. by a shortcut: nothing is printed for the previous customer
    qtbot.wait(300)
    assert len(list((tmp_path / "slips").glob("*.pdf"))) == 1
    type_query(qtbot, panel, account_number(3))  # back to the first one: its slip can be printed again
    qtbot.waitUntil(lambda: panel.card.number.text() == account_number(3), timeout=5000)
    assert panel.reprint_button.isEnabled()


def test_the_hits_model(qtmodeltester: Any, listed: Hall) -> None:
    model = AccountHitsModel()
    model.set_hits(listed.accounts.find("张").hits)
    assert model.rowCount() == 2
    qtmodeltester.check(model)


def test_hits_with_old_figures_are_marked_in_the_list(listed: Hall) -> None:
    model = AccountHitsModel()
    model.show(listed.accounts.find("张"))
    tips = {
        model.index(r, 0).data(): model.index(r, 4).data(Qt.ItemDataRole.ToolTipRole)
        for r in range(model.rowCount())
    }
    assert tips[account_number(1)] is None  # today's figures
    assert "2020-01-01" in tips[account_number(2)] and "not current" in tips[account_number(2)]


def test_the_card_follows_a_list_imported_elsewhere(
    qtbot: Any, panel: PaymentPanel, listed: Hall, tmp_path: Path
) -> None:
    type_query(qtbot, panel, "李四")  # a name: the hit is not opened by itself, nor after the import
    with qtbot.waitSignal(panel.guidance_shown, timeout=5000):
        panel.search.choose_row(0)
    assert "12.30" in plain(panel.card.amount.text())
    new = [account_line(3, name="李四", arrears="10.00", as_of=TODAY)]
    listed.account_import.run(write_list(tmp_path / "new.csv", new))
    qtbot.waitUntil(lambda: "10.00" in plain(panel.card.amount.text()), timeout=5000)


def test_a_list_imported_elsewhere_shows_up(
    qtbot: Any, panel: PaymentPanel, other: Hall, tmp_path: Path
) -> None:
    assert "No account list" in panel.search.list_status.text()
    other.account_import.run(write_list(tmp_path / "l.csv", [account_line(i) for i in range(5)]))
    qtbot.waitUntil(lambda: "5 accounts" in panel.search.list_status.text(), timeout=5000)


def test_the_import_dialog_runs_on_its_own_worker(
    qtbot: Any, panel: PaymentPanel, hall_file: Path, tmp_path: Path
) -> None:
    source = write_list(tmp_path / "new.csv", [account_line(i) for i in range(300)] + ["1,x,y,,,1,,,"])
    dialog = AccountImportDialog(panel.client, "王丽", panel)
    qtbot.addWidget(dialog)
    dialog.file_edit.setText(str(source))
    with qtbot.waitSignal(dialog.finished_import, timeout=30000) as finished:
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
        assert not dialog.start_button.isEnabled() and dialog.cancel_button.isVisibleTo(dialog)
    assert finished.args == [True] and dialog.bar.value() == 1000
    assert dialog.summary is not None and (dialog.summary.inserted, dialog.summary.rejected) == (300, 1)
    assert "300" in dialog.result.text() and dialog.open_rejects.isVisibleTo(dialog)
    assert dialog._client is None  # its worker is stopped
    qtbot.waitUntil(lambda: "300 accounts" in panel.search.list_status.text(), timeout=5000)


def test_the_import_dialog_explains_a_bad_file_and_keeps_the_choice(
    qtbot: Any, panel: PaymentPanel, hall_file: Path, tmp_path: Path
) -> None:
    bad = write_list(tmp_path / "bad.csv", ["0123456789,张三"], header="户号,户名")
    dialog = AccountImportDialog(panel.client, "王丽", panel)
    qtbot.addWidget(dialog)
    dialog.file_edit.setText(str(bad))
    dialog.encoding.setCurrentIndex(2)
    with qtbot.waitSignal(dialog.finished_import, timeout=30000) as finished:
        dialog.start()
    assert finished.args == [False] and "余额/欠费" in dialog.result.text()
    assert dialog.file_edit.text() == str(bad) and dialog.encoding.currentData() == "gb18030"
    assert dialog.start_button.isEnabled()


def test_the_boundary_helper_answers_and_prints(
    qtbot: Any, panel: PaymentPanel, client: HallClient, tmp_path: Path
) -> None:
    dialog = BoundaryDialog(client, panel.slips.print_client, PdfFolderBackend(tmp_path / "leaflets"), panel)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.answered, timeout=5000):
        qtbot.mouseClick(dialog.buttons[FaultLocation.INSIDE_HOME], Qt.MouseButton.LeftButton)
    assert "customer" in dialog.verdict.text() and "licensed electrician" in dialog.answer.text()
    with qtbot.waitSignal(dialog.answered, timeout=5000):
        dialog.contract_check.setChecked(True)
    with qtbot.waitSignal(dialog.answered, timeout=5000):
        dialog.ask(FaultLocation.BEFORE_METER)
    assert "free repair" in dialog.verdict.text() and "contract" in dialog.answer.text()
    with qtbot.waitSignal(dialog.printed, timeout=15000) as printed:
        qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert printed.args == [""] and len(list((tmp_path / "leaflets").glob("*.pdf"))) == 1
