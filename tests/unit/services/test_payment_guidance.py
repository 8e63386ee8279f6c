"""Payment guidance: channels for an account, withholding guidance when it has none, one transaction per
guidance given (with its outbox row), the slip's content, and the supervisor's figure."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from payment_data import URLS, WECHAT_URL, account_line, account_number, payment_profile, write_list
from store_peek import peek

from counter_app.domain.errors import InvalidInput, NotFound
from counter_app.domain.payments.boundary import FaultLocation
from counter_app.services.hall import Hall


@pytest.fixture
def pay_hall(make_hall: Callable[..., Hall], tmp_path: Path) -> Hall:
    hall = make_hall(profile_file=payment_profile(tmp_path / "profile"))
    lines = [
        account_line(1, name="张三明", address="科尔沁区建国路12号3栋", withholding="否", arrears="88.50"),
        account_line(2, name="李四", withholding="是", arrears="0", as_of="2026-10-31"),
        account_line(3, name="王五", withholding="", arrears="-20.00"),
    ]
    hall.account_import.run(write_list(tmp_path / "list.csv", lines))
    return hall


def rows(hall: Hall, table: str) -> int:
    return int(peek(hall).execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def test_guidance_for_an_account_without_withholding_includes_the_sign_up_guide(pay_hall: Hall) -> None:
    guidance = pay_hall.payments.guidance_for(account_number(1))
    assert guidance.card is not None and guidance.card.account.name == "张三明"
    assert [c.code for c in guidance.channels][:3] == ["wsgw", "wechat", "alipay"]
    assert guidance.suggested == ("wsgw", "wechat", "alipay", "dianebao", "bank_withholding")
    assert guidance.withholding is not None and guidance.withholding.channel == "bank_withholding"
    signed = pay_hall.payments.guidance_for(account_number(2))
    assert signed.withholding is None  # signed: nothing to add
    assert signed.suggested == ("wsgw", "wechat", "alipay", "dianebao")  # and no sign-up steps offered
    assert pay_hall.payments.guidance_for(account_number(3)).withholding is not None  # unknown: explain


def test_a_walk_in_number_without_a_record(pay_hall: Hall) -> None:
    guidance = pay_hall.payments.guidance_for(" 0999-999-999 ")
    assert guidance.account_number == "0999999999" and guidance.card is None
    assert guidance.withholding is not None
    with pytest.raises(InvalidInput) as bad:
        pay_hall.payments.guidance_for("09999")
    assert bad.value.code == "account_number_length" and bad.value.field == "account_number"


def test_recording_is_one_transaction_with_its_outbox_row(pay_hall: Hall) -> None:
    ticket = pay_hall.queue.issue("A").ticket
    record = pay_hall.payments.record(
        account_number(1), ["wechat", "wsgw", "wechat"], clerk=" 王丽 ", counter=2, ticket=ticket
    )
    assert (record.account_number, record.on_record, record.clerk, record.counter) == (
        account_number(1),
        True,
        "王丽",
        2,
    )
    assert (record.ticket_id, record.ticket_number) == (ticket.id, ticket.number)
    assert [(c.code, c.qr_url) for c in record.channels] == [("wechat", WECHAT_URL), ("wsgw", URLS["wsgw"])]
    assert record.withholding_guidance and record.list_id == pay_hall.accounts.live_list().id  # type: ignore[union-attr]
    payload = json.loads(
        peek(pay_hall)
        .execute("SELECT payload FROM outbox WHERE topic = 'payments' ORDER BY id DESC LIMIT 1")
        .fetchone()[0]
    )
    assert payload["event"] == "payment_guidance" and payload["channels"] == ["wechat", "wsgw"]
    assert payload["ticket"] == ticket.number and "张三明" not in json.dumps(payload, ensure_ascii=False)
    assert pay_hall.payments.get(record.id) == record


@pytest.mark.parametrize(
    ("number", "channels", "code"),
    [
        ("123", ["wsgw"], "account_number_length"),
        ("0123456789", [], "payment_channels_none"),
        ("0123456789", ["wsgw", "paypal"], "payment_channel_not_found"),
    ],
)
def test_bad_input_writes_nothing(pay_hall: Hall, number: str, channels: list[str], code: str) -> None:
    before = (rows(pay_hall, "payment_guidance"), rows(pay_hall, "outbox"))
    with pytest.raises((InvalidInput, NotFound)) as refused:
        pay_hall.payments.record(number, channels, clerk="王丽")
    assert refused.value.code == code
    assert (rows(pay_hall, "payment_guidance"), rows(pay_hall, "outbox")) == before


def test_a_failure_inside_the_transaction_leaves_nothing(
    pay_hall: Hall, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = (
        rows(pay_hall, "payment_guidance"),
        rows(pay_hall, "payment_guidance_channels"),
        rows(pay_hall, "outbox"),
    )
    real_execute = pay_hall.store.sql.execute

    def failing_outbox(sql: str, *args: object) -> object:
        if "INSERT INTO outbox" in sql:
            raise RuntimeError("injected before the outbox row")
        return real_execute(sql, *args)

    monkeypatch.setattr(pay_hall.store.sql, "execute", failing_outbox)
    with pytest.raises(RuntimeError):
        pay_hall.payments.record(account_number(1), ["wsgw"], clerk="王丽")
    monkeypatch.undo()
    assert (
        rows(pay_hall, "payment_guidance"),
        rows(pay_hall, "payment_guidance_channels"),
        rows(pay_hall, "outbox"),
    ) == before


def test_the_slip_masks_personal_data_and_prints_only_configured_addresses(pay_hall: Hall) -> None:
    record = pay_hall.payments.record(
        account_number(1), ["wsgw", "dianebao", "bank_withholding"], clerk="王丽"
    )
    slip = pay_hall.payments.slip(record)
    assert (slip.account_number, slip.masked_name, slip.masked_address) == (
        account_number(1),
        "张*明",
        "科尔沁区建国****",
    )
    assert (slip.arrears, slip.due_date, slip.figures.as_of) == (
        Decimal("88.50"),
        date(2026, 11, 25),
        date(2026, 10, 31),
    )
    assert [(c.code, c.qr_url) for c in slip.channels] == [
        ("wsgw", URLS["wsgw"]),
        ("dianebao", None),
        ("bank_withholding", None),
    ]
    assert all(c.steps for c in slip.channels)  # a channel without a QR still has its steps
    assert slip.withholding_bring and "身份证" in slip.withholding_bring[0]
    assert not slip.reprint and pay_hall.payments.slip(record, reprint=True).reprint


def test_the_slip_of_a_walk_in_has_no_figures(pay_hall: Hall) -> None:
    slip = pay_hall.payments.slip(pay_hall.payments.record("0999999999", ["wechat"], clerk="王丽"))
    assert not slip.on_record and slip.masked_name == "" and slip.arrears is None
    assert [c.qr_url for c in slip.channels] == [WECHAT_URL]


def test_stale_figures_are_marked(pay_hall: Hall, clock: Any) -> None:
    clock.set(clock.now.replace(year=2026, month=11, day=2))
    assert not pay_hall.accounts.card(account_number(2)).freshness.stale
    clock.advance(timedelta(days=10))
    card = pay_hall.accounts.card(account_number(2))
    assert card.freshness.stale and card.freshness.age_days == 12


def test_figures_count_payers_guided_online(pay_hall: Hall) -> None:
    pay_hall.payments.record(account_number(1), ["wsgw"], clerk="王丽")
    pay_hall.payments.record(account_number(1), ["wechat"], clerk="王丽")
    pay_hall.payments.record(account_number(2), ["agent_outlet"], clerk="李华")
    figures = pay_hall.payments.figures()
    assert (figures.guidance, figures.payers, figures.payers_online) == (3, 2, 1)
    assert figures.by_channel == {"agent_outlet": 1, "wechat": 1, "wsgw": 1}
    with pytest.raises(InvalidInput):
        pay_hall.payments.figures(date(2026, 11, 5), date(2026, 11, 1))


def test_boundary_answers_from_the_profile(pay_hall: Hall) -> None:
    inside = pay_hall.boundary.leaflet(FaultLocation.INSIDE_HOME)
    assert not inside.free_repair and "客户" in inside.lines[1]
    meter = pay_hall.boundary.leaflet(FaultLocation.METER, language="en")
    assert meter.free_repair and "95598" in meter.lines[1]
    assert "违约用电" in inside.meter_note  # the meter's rule is said on every leaflet
    by_contract = pay_hall.boundary.leaflet(FaultLocation.METER, FaultLocation.BEFORE_METER)
    # the billing meter stays the company's whatever the contract's boundary
    assert by_contract.from_contract and by_contract.free_repair and "违约用电" in by_contract.lines[1]


def test_a_mistake_in_the_payment_profile_stops_only_the_payment_area(
    make_hall: Callable[..., Hall], tmp_path: Path
) -> None:
    profile = payment_profile(tmp_path / "broken", {"wechat": "ftp://not-a-web-page"})
    hall = make_hall(profile_file=profile)
    assert hall.queue.issue("A").ticket.number == "A001"  # the kiosk works
    with pytest.raises(InvalidInput) as refused:
        hall.payments.guidance_for("0123456789")
    assert refused.value.code == "qr_url_invalid"


def test_a_paid_service_is_offered_from_the_day_its_approval_is_in_force(
    make_hall: Callable[..., Hall], clock: Any, tmp_path: Path
) -> None:
    profile = payment_profile(tmp_path / "fees")
    part = profile.parent / "profile" / "property_boundary.toml"
    tomorrow = (clock().date() + timedelta(days=1)).isoformat()
    paid = f"""[[paid_services]]
code = "replace_socket"
name = {{ zh_CN = "更换插座" }}
fee = "30.00"
unit = {{ zh_CN = "个" }}
approved_by = "test approval"
effective_from = {tomorrow}
"""
    part.write_text(part.read_text(encoding="utf-8").replace("paid_services = []\n", paid), encoding="utf-8")
    hall = make_hall(profile_file=profile)
    assert not any("更换插座" in line for line in hall.boundary.leaflet(FaultLocation.INSIDE_HOME).lines)
    clock.advance(days=1)  # the same hall, past midnight
    assert "更换插座: 30.00 元 / 个" in hall.boundary.leaflet(FaultLocation.INSIDE_HOME).lines


def test_a_signed_account_gets_how_withholding_works_not_the_sign_up(pay_hall: Hall) -> None:
    """代扣已签约: if the clerk ticks bank withholding anyway, the slip says it is signed up and how it
    works (the profile's note), never the 签约代扣 steps or what to bring to sign up."""
    record = pay_hall.payments.record(account_number(2), ["wsgw", "bank_withholding"], clerk="王丽")
    slip = pay_hall.payments.slip(record)
    bank = next(c for c in slip.channels if c.code == "bank_withholding")
    assert bank.signed and len(bank.steps) == 1 and "自动扣缴" in bank.steps[0]
    assert not any("签约代扣" in step or "银行App" in step for step in bank.steps)
    assert slip.withholding_bring == () and not record.withholding_guidance
    not_signed = pay_hall.payments.slip(
        pay_hall.payments.record(account_number(1), ["bank_withholding"], clerk="王丽")
    )
    assert not not_signed.channels[0].signed
    assert any("签约代扣" in step for step in not_signed.channels[0].steps)
