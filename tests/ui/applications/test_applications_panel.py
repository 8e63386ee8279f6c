"""The applications panel driven like a clerk: type, pick, click; refusals shown at the field with
everything typed kept and nothing written; the worklist and the workflow through the real worker on
a real hall file, with ``other`` standing in for another counter PC."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from application_data import firm
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from counter_app.domain.applications.detail import ApplicationRequest
from counter_app.domain.applications.values import TariffClass, VoltageLevel
from counter_app.domain.errors import StoreUnavailable
from counter_app.domain.queue import Ticket
from counter_app.printing.backends import PdfFolderBackend
from counter_app.services.hall import Hall
from counter_app.ui.applications.fields import WrapCheckBox
from counter_app.ui.applications.form import ApplicationForm
from counter_app.ui.applications.models import HistoryModel, WorklistModel
from counter_app.ui.applications.panel import ApplicationsPanel
from counter_app.ui.hall_client import HallClient

OWNER = "0107"


class Desk:
    """The counter around the panel: who is signed in and which ticket is being served."""

    def __init__(self, other: Hall) -> None:
        self.clerk = OWNER
        self.ticket: Ticket | None = None
        self.other = other

    def serve(self) -> Ticket:
        self.other.queue.issue("B")
        called = self.other.queue.call_next(3, clerk=self.clerk).called
        assert called is not None
        self.ticket = called
        return called


@pytest.fixture
def desk(other: Hall) -> Desk:
    return Desk(other)


@pytest.fixture
def panel(qtbot: QtBot, client: HallClient, desk: Desk, tmp_path: Path) -> Iterator[ApplicationsPanel]:
    widget = ApplicationsPanel(
        client, 3, lambda: desk.clerk, lambda: desk.ticket, printer=PdfFolderBackend(tmp_path / "printed")
    )
    qtbot.addWidget(widget)
    widget.resize(1280, 800)
    widget.show()
    qtbot.waitUntil(lambda: widget.page is not None, timeout=10_000)
    qtbot.waitUntil(lambda: not client.busy, timeout=5000)
    yield widget


def idle(qtbot: QtBot, client: HallClient) -> None:
    qtbot.waitUntil(lambda: not client.busy, timeout=10_000)


def type_into(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    """Clear, then type: ASCII as key presses, Chinese as the input method commits it (QTest can only
    press keys of ASCII characters)."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    for run in re.findall(r"[\x20-\x7e]+|[^\x20-\x7e]+", text):
        if run.isascii():
            qtbot.keyClicks(edit, run)
        else:
            commit = QInputMethodEvent()
            commit.setCommitString(run)
            QApplication.sendEvent(edit, commit)


def tick(qtbot: QtBot, box: WrapCheckBox) -> None:
    qtbot.waitUntil(lambda: box.box.isVisible() and box.box.width() > 0)
    before = box.isChecked()
    qtbot.mouseClick(box.box, Qt.MouseButton.LeftButton)
    assert box.isChecked() != before


def fill_home(
    qtbot: QtBot,
    form: ApplicationForm,
    *,
    id_number: str = "11010519491231002X",
    mobile: str = "138 1234 5678",
) -> None:
    """A residential new connection typed as a clerk would, ID only with the commitment letter."""
    form.type_box.setCurrentIndex(form.type_box.findData("lv_residential_new"))
    type_into(qtbot, form.name, "张三𠮷")  # a rare character (生僻字) from the input method
    type_into(qtbot, form.id_number, id_number)
    type_into(qtbot, form.mobile, mobile)
    type_into(qtbot, form.address, "通辽市科尔沁区建国路12号")
    type_into(qtbot, form.capacity, "8")
    form.voltage.setCurrentIndex(form.voltage.findData(VoltageLevel.V220))
    form.tariff.setCurrentIndex(form.tariff.findData(TariffClass.RESIDENTIAL))
    tick(qtbot, next(b for b in form.documents if b.property("code") == "applicant_id"))
    tick(qtbot, form.commitment)


def accept_in(qtbot: QtBot, panel: ApplicationsPanel) -> None:
    qtbot.mouseClick(panel.form.accept_button, Qt.MouseButton.LeftButton)
    idle(qtbot, panel.client)


def stored(other: Hall) -> int:
    return int(other.store.db.execute("SELECT COUNT(*) FROM applications").fetchone()[0])


def accept_elsewhere(other: Hall, clerk: str = OWNER, business: str = "hv_new_single") -> str:
    form = firm(business_type=business)
    return str(other.applications.accept(ApplicationRequest(form=form), clerk=clerk).number)


def open_row(qtbot: QtBot, panel: ApplicationsPanel, number: str) -> None:
    panel.tabs.setCurrentIndex(1)
    panel.refresh()
    qtbot.waitUntil(lambda: panel.worklist.model.row_of(number) >= 0, timeout=5000)
    assert panel.worklist.select(number)
    qtbot.waitUntil(
        lambda: panel.detail_view.detail is not None and panel.detail_view.detail.number == number
    )
    idle(qtbot, panel.client)


# the form ----------------------------------------------------------------------------------------------
def test_the_form_offers_every_business_of_the_profile(panel: ApplicationsPanel) -> None:
    codes = [panel.form.type_box.itemData(i) for i in range(panel.form.type_box.count())]
    assert "lv_residential_new" in codes and "ev_charger" in codes and "pause" in codes and codes[0] == ""


def test_the_form_offers_only_the_voltages_of_the_business(panel: ApplicationsPanel) -> None:
    form = panel.form

    def offered() -> list[str]:
        return [form.voltage.itemText(i) for i in range(1, form.voltage.count())]

    form.select_type("lv_residential_new")
    assert offered() == ["220V", "380V"]
    form.voltage.setCurrentIndex(form.voltage.findText("380V"))
    form.select_type("ev_charger")
    assert offered() == ["220V", "380V"] and form.voltage.currentText() == "380V"  # kept
    form.select_type("hv_new_single")
    assert "110kV" in offered() and "220V" not in offered()
    assert form.voltage.currentText() == "—"  # 380 V is not a high-voltage supply


def test_a_wrong_id_is_flagged_at_its_field_keeps_everything_and_saves_nothing(
    qtbot: QtBot, panel: ApplicationsPanel, desk: Desk, other: Hall
) -> None:
    desk.serve()
    fill_home(qtbot, panel.form, id_number="110105194912310021")  # check digit wrong
    accept_in(qtbot, panel)
    form = panel.form
    assert form.error_of("id_number") and form.rows["id_number"].error.isVisible()
    assert form.id_number.property("invalid") is True
    flagged = [name for name, row in form.rows.items() if row.error.text()]
    assert flagged == ["id_number"]
    assert panel.banner.is_error and "ID number" in panel.banner.text()
    assert (form.name.text(), form.id_number.text(), form.mobile.text()) == (
        "张三𠮷",
        "110105194912310021",
        "138 1234 5678",
    )
    assert form.address.text() == "通辽市科尔沁区建国路12号" and form.commitment.isChecked()
    assert stored(other) == 0


def test_a_corrected_field_stops_being_red_as_soon_as_it_is_valid(
    qtbot: QtBot, panel: ApplicationsPanel, desk: Desk, other: Hall
) -> None:
    desk.serve()
    fill_home(qtbot, panel.form, id_number="110105194912310021", mobile="138 1234")
    accept_in(qtbot, panel)
    form = panel.form
    assert form.id_number.property("invalid") is True and form.mobile.property("invalid") is True
    form.id_number.clear()
    qtbot.keyClicks(form.id_number, "11010519491231002")  # not yet: 17 characters
    assert form.id_number.property("invalid") is True
    qtbot.keyClicks(form.id_number, "X")  # now a valid ID: no longer red, before any Accept
    assert form.id_number.property("invalid") is False
    assert form.error_of("id_number") == "✓" and form.rows["id_number"].error.isVisible()  # no jump
    assert form.mobile.property("invalid") is True  # the other mistake is still shown
    assert stored(other) == 0


def test_every_problem_is_shown_at_once(qtbot: QtBot, panel: ApplicationsPanel, other: Hall) -> None:
    form = panel.form
    form.type_box.setCurrentIndex(form.type_box.findData("lv_residential_new"))
    type_into(qtbot, form.id_number, "11010519491331002X")  # 31 Dec → 31 "13th month"
    type_into(qtbot, form.mobile, "12345678901")
    accept_in(qtbot, panel)
    flagged = {name for name, row in form.rows.items() if row.error.text()}
    assert {
        "name",
        "id_number",
        "mobile",
        "address",
        "capacity",
        "voltage",
        "tariff_class",
        "documents_presented",
    } <= flagged
    assert "birth date" in form.error_of("id_number")
    assert "13 to 19" in form.error_of("mobile")
    assert stored(other) == 0


def test_an_unavailable_database_is_said_plainly_and_the_form_is_kept(
    qtbot: QtBot, panel: ApplicationsPanel, client: HallClient, other: Hall, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(*_: Any, **__: Any) -> Any:
        raise StoreUnavailable("locked", reason="locked")

    monkeypatch.setattr(client.worker.hall.applications, "accept", locked)
    fill_home(qtbot, panel.form)
    accept_in(qtbot, panel)
    assert panel.banner.is_error and "busy" in panel.banner.text()
    assert panel.form.name.text() == "张三𠮷" and panel.form.id_number.text() == "11010519491231002X"
    assert not any(row.error.text() for row in panel.form.rows.values())
    assert stored(other) == 0


def test_accepting_links_the_ticket_clears_the_form_and_lists_it(
    qtbot: QtBot, panel: ApplicationsPanel, desk: Desk, other: Hall, tmp_path: Path
) -> None:
    ticket = desk.serve()
    qtbot.waitUntil(lambda: ticket.number in panel.ticket_label.text(), timeout=5000)
    fill_home(qtbot, panel.form)
    with qtbot.waitSignal(panel.accepted, timeout=5000) as accepted:
        qtbot.mouseClick(panel.form.accept_button, Qt.MouseButton.LeftButton)
    number = accepted.args[0]
    idle(qtbot, panel.client)
    assert panel.form.name.text() == "" and panel.result.isVisible() and number in panel.result_label.text()
    detail = other.applications.detail(number, clerk=OWNER)
    assert detail.applicant.name == "张三𠮷" and detail.applicant.mobile == "13812345678"
    assert detail.ticket_number == ticket.number and detail.owner == OWNER
    qtbot.waitUntil(lambda: panel.worklist.model.row_of(number) >= 0, timeout=5000)
    row = panel.worklist.model.row_at(panel.worklist.model.row_of(number))
    assert row is not None and row.mobile == "138****5678" and row.name == "张*𠮷"
    qtbot.mouseClick(panel.result_receipt, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any((tmp_path / "printed").glob("*.pdf")), timeout=10_000)
    idle(qtbot, panel.client)
    assert other.print_jobs.history("application_receipt", detail.id)[0][2] == "printed"


def test_the_search_box_finds_closed_ones_too_by_phone(
    qtbot: QtBot, panel: ApplicationsPanel, other: Hall
) -> None:
    number = accept_elsewhere(other)
    other.applications.withdraw(number, reason="客户撤回", clerk=OWNER)  # closed: not in the open list
    panel.tabs.setCurrentIndex(1)
    type_into(qtbot, panel.worklist.search, "15500002222")
    qtbot.keyClick(panel.worklist.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.page is not None and panel.page.total == 1, timeout=5000)
    assert panel.worklist.model.row_at(0).number == number  # type: ignore[union-attr]
    assert panel.worklist.state_box.currentData() == "all"
    type_into(qtbot, panel.worklist.search, "没有这个人")
    qtbot.keyClick(panel.worklist.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.page is not None and panel.page.total == 0, timeout=5000)
    panel.worklist.search.clear()
    panel.worklist.search.textEdited.emit("")
    assert panel.worklist.state_box.currentData() == "open"


# the workflow ------------------------------------------------------------------------------------------
def test_advance_from_a_stale_screen_is_refused(qtbot: QtBot, panel: ApplicationsPanel, other: Hall) -> None:
    number = accept_elsewhere(other)
    open_row(qtbot, panel, number)
    view = panel.detail_view
    assert view.detail is not None and view.detail.applicant.unmasked  # the owner sees it in full
    assert view.buttons["advance"].isEnabled()
    other.applications.advance(number, expected_stage="plan_reply", clerk=OWNER)  # another counter
    qtbot.mouseClick(view.buttons["advance"], Qt.MouseButton.LeftButton)  # this screen still says 申请受理
    idle(qtbot, panel.client)
    assert panel.banner.is_error and "moved on" in panel.banner.text()
    assert other.application_views.summary(number).stage == "customer_design"
    assert other.application_views.summary(number).version == 2


def test_a_double_click_advances_once(qtbot: QtBot, panel: ApplicationsPanel, other: Hall) -> None:
    number = accept_elsewhere(other)
    open_row(qtbot, panel, number)
    button = panel.detail_view.buttons["advance"]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # ignored: the first is still running
    idle(qtbot, panel.client)
    assert [h.kind for h in other.application_views.summary(number).history] == ["accepted", "advanced"]
    qtbot.waitUntil(
        lambda: panel.detail_view.detail is not None and panel.detail_view.detail.stage == "customer_design"
    )


def test_a_clerk_without_the_right_sees_it_masked_and_is_refused(
    qtbot: QtBot, panel: ApplicationsPanel, desk: Desk, other: Hall
) -> None:
    mine = accept_elsewhere(other)
    theirs = accept_elsewhere(other, clerk="0108")
    open_row(qtbot, panel, theirs)
    view = panel.detail_view
    assert view.detail is not None and not view.detail.applicant.unmasked
    assert view.detail.applicant.id_number == "913502********9549"
    assert not view.buttons["advance"].isEnabled() and "0108" in view.alert.text()
    open_row(qtbot, panel, mine)
    assert view.buttons["advance"].isEnabled()
    other.applications.hand_over(mine, to_owner="0108", clerk=OWNER)  # meanwhile, elsewhere
    qtbot.mouseClick(view.buttons["advance"], Qt.MouseButton.LeftButton)
    idle(qtbot, panel.client)
    assert panel.banner.is_error and "0108" in panel.banner.text()
    assert other.application_views.summary(mine).stage == "plan_reply"


def test_suspend_needs_a_reason_and_records_it(qtbot: QtBot, panel: ApplicationsPanel, other: Hall) -> None:
    number = accept_elsewhere(other)
    open_row(qtbot, panel, number)
    view = panel.detail_view
    qtbot.mouseClick(view.buttons["suspend"], Qt.MouseButton.LeftButton)
    idle(qtbot, panel.client)
    assert panel.banner.is_error and other.application_views.summary(number).status.value == "accepted"
    type_into(qtbot, view.note, "等待客户提供图纸")
    qtbot.mouseClick(view.buttons["suspend"], Qt.MouseButton.LeftButton)
    idle(qtbot, panel.client)
    summary = other.application_views.summary(number)
    assert summary.status.value == "suspended" and summary.history[-1].note == "等待客户提供图纸"
    qtbot.waitUntil(lambda: view.buttons["resume"].isEnabled(), timeout=5000)
    assert view.note.text() == ""


# the models --------------------------------------------------------------------------------------------
def test_the_models_pass_qtmodeltester(qtmodeltester: Any, panel: ApplicationsPanel, other: Hall) -> None:
    accept_elsewhere(other)
    page = other.application_views.worklist()
    model = WorklistModel(lambda code: code, lambda code, stage: stage)
    model.set_rows(page.rows)
    qtmodeltester.check(model)
    history = HistoryModel(lambda entry: entry.kind)
    history.set_entries(other.application_views.summary(page.rows[0].number).history)
    qtmodeltester.check(history)


def test_worklist_tips_name_what_each_column_elides(panel: ApplicationsPanel, other: Hall) -> None:
    accept_elsewhere(other)
    row = replace(other.application_views.worklist().rows[0], due_provisional=True, owed_documents=1)
    model = WorklistModel(lambda code: f"type {code}", lambda code, stage: f"stage {stage}")
    model.set_rows([row])

    def tip(column: int) -> Any:
        return model.data(model.index(0, column), Qt.ItemDataRole.ToolTipRole)

    assert tip(WorklistModel.BUSINESS) == f"type {row.business_type}"
    assert tip(WorklistModel.STAGE) == f"stage {row.stage}"
    assert "holiday schedule" in tip(WorklistModel.DUE)
    assert "1 document" in tip(WorklistModel.NUMBER)
    assert tip(2) is None and tip(4) is None  # the masked name and ID need no tip


def test_the_due_tip_names_each_limits_rule_and_says_unconfirmed(
    panel: ApplicationsPanel, other: Hall
) -> None:
    number = accept_elsewhere(other)  # 高压 single supply: plan reply 15 (KPI), 22 together (十项承诺)
    rows = {r.number: r for r in other.application_views.worklist().rows}
    model = WorklistModel(lambda code: code, lambda code, stage: stage)
    model.set_rows([rows[number]])
    tip = model.data(model.index(0, WorklistModel.DUE), Qt.ItemDataRole.ToolTipRole)
    lines = tip.splitlines()
    assert lines[0].startswith("This step: 15 working days") and "业扩报装服务时限考核指标" in lines[0]
    assert lines[1].startswith("Company's steps together: 22 working days") and "十项承诺" in lines[1]
    assert all("(unconfirmed:" in line for line in lines[:2])  # no document number or effective date known
    other.applications.advance(number, expected_stage="plan_reply", clerk=OWNER)  # the customer designs
    row = next(r for r in other.application_views.worklist().rows if r.number == number)
    model.set_rows([row])
    assert row.customer_step and row.due_day is None
    assert model.data(model.index(0, WorklistModel.DUE)) == "customer's part"


def test_a_reduction_is_taken_without_an_end_date_and_a_restore_asks_its_dates(
    qtbot: QtBot, panel: ApplicationsPanel
) -> None:
    form = panel.form
    form.select_type("capacity_reduction")
    qtbot.waitUntil(lambda: form.open_end.isVisible())
    assert form.open_end.isChecked() and not form.period_end.isEnabled()
    request = form.request(None, 3)
    assert request.change.period_start is not None and request.change.period_end is None
    tick(qtbot, form.open_end)  # the customer names a planned end after all
    assert form.request(None, 3).change.period_end is not None
    form.select_type("reduction_restore")
    assert not form.open_end.isVisible()
    assert form.rows["period_start"].label.text() == "Reduced since"
    assert form.rows["period_end"].label.text() == "Restore on"
    restore = form.request(None, 3)
    assert restore.change.period_start is not None and restore.change.period_end is not None
    form.select_type("pause")
    assert form.rows["period_start"].label.text() == "From" and not form.open_end.isChecked()
