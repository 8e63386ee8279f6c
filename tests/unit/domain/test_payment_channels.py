"""Payment channels and withholding guidance from the hall profile, and the QR address rule."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import pytest

from counter_app.domain.errors import InvalidInput, NotFound
from counter_app.domain.localized import LANGUAGES, LocalizedText
from counter_app.domain.payments.channels import (
    load_payment_channels,
    parse_payment_channels,
    validate_qr_url,
)
from counter_app.paths import RESOURCES

DEFAULT_FILE = RESOURCES / "profile" / "payment_channels.toml"
COMPANY = "国网内蒙古东部电力有限公司"


@pytest.fixture
def profile() -> dict[str, Any]:
    with open(DEFAULT_FILE, "rb") as stream:
        return tomllib.load(stream)


def test_default_channels(profile: dict[str, Any]) -> None:
    channels = parse_payment_channels(profile)
    assert [c.code for c in channels.channels] == [
        "wsgw",
        "wechat",
        "alipay",
        "dianebao",
        "bank_withholding",
        "self_service_terminal",
        "agent_outlet",
    ]
    assert {c.code for c in channels.online} == {"wsgw", "wechat", "alipay", "dianebao", "bank_withholding"}
    assert channels.get("wechat").name_for("en") == "WeChat"
    assert channels.get("alipay").name_for("zh_TW") == "支付寶"


def test_default_file_invents_no_qr_address(profile: dict[str, Any]) -> None:
    """Only 网上国网 has a QR target: State Grid's official portal, the hall's pay-online link too."""
    channels = load_payment_channels(DEFAULT_FILE)
    assert [(c.code, c.qr_url) for c in channels.with_qr] == [("wsgw", "https://www.95598.cn/")]
    assert all(entry["qr_url"] == "" for entry in profile["payment_channels"] if entry["code"] != "wsgw")


def test_every_default_text_exists_in_every_language() -> None:
    channels = load_payment_channels(DEFAULT_FILE)
    for channel in channels.channels:
        for language in LANGUAGES:
            assert getattr(channel.name, language), (channel.code, language)
            own_steps = getattr(channel.steps, language)
            assert len(own_steps) == len(channel.steps.zh_CN) >= 2, (channel.code, language)
    guide = channels.withholding
    assert guide is not None and guide.channel == "bank_withholding"
    for language in LANGUAGES:
        assert len(getattr(guide.what_to_bring, language)) == 3
        assert getattr(guide.title, language) and guide.note is not None and getattr(guide.note, language)


def test_steps_follow_domain_wording() -> None:
    channels = load_payment_channels(DEFAULT_FILE)
    wechat = channels.get("wechat").steps_for("zh_CN", COMPANY)
    assert wechat[0] == "打开微信，点“我”→“服务”→“生活缴费”"
    assert COMPANY in wechat[1] and "户号" in wechat[2]
    assert "条形码" in channels.get("wsgw").steps_for("zh_CN")[1]
    bring = channels.withholding.what_to_bring.get("zh_CN") if channels.withholding else ()
    assert any("身份证" in item for item in bring) and any("银行卡" in item for item in bring)


@pytest.mark.parametrize("language", LANGUAGES)
def test_company_placeholder_is_always_filled(language: str) -> None:
    channels = load_payment_channels(DEFAULT_FILE)
    for channel in channels.channels:
        for company in (COMPANY, None):
            for step in channel.steps_for(language, company):
                assert "{" not in step and "}" not in step
    assert channels.withholding is not None
    assert COMPANY in " ".join(channels.withholding.steps_for(language, COMPANY))


def test_missing_translation_falls_back_to_simplified_chinese() -> None:
    channels = parse_payment_channels(
        {
            "payment_channels": [
                {
                    "code": "wechat",
                    "name": "微信",
                    "online": True,
                    "steps": {"zh_CN": ["打开微信"], "en": []},
                },
            ]
        }
    )
    channel = channels.get("wechat")
    assert channel.name_for("en") == "微信" and channel.steps_for("en") == ("打开微信",)
    assert channel.name_for("fr") == "微信"
    assert LocalizedText("甲", "乙", "").get("zh_TW") == "乙"


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/app",
        "http://example.org",
        "https://例子.中国/下载?from=slip#top",
        "HTTPS://EXAMPLE.ORG/x",
    ],
)
def test_good_qr_addresses(url: str) -> None:
    assert validate_qr_url(f"  {url} ") == url


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.org/app",
        "javascript:alert(1)",
        "example.org/app",
        "https://",
        "https://user:secret@example.org/",
        "https://example.org/pay?account={account_number}",
        "https://example.org/a b",
        "https://example.org/" + "x" * 600,
        "weixin://dl/business",
    ],
)
def test_bad_qr_addresses(url: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        validate_qr_url(url, field="payment_channels[0].qr_url")
    assert caught.value.code == "qr_url_invalid"
    assert caught.value.field == "payment_channels[0].qr_url"


def test_empty_qr_address_means_no_qr() -> None:
    assert validate_qr_url("   ") is None


def test_configured_qr_address_is_kept(profile: dict[str, Any]) -> None:
    changed = copy.deepcopy(profile)
    changed["payment_channels"][0]["qr_url"] = "https://example.org/wsgw"
    channels = parse_payment_channels(changed)
    assert channels.get("wsgw").qr_url == "https://example.org/wsgw"
    assert [c.code for c in channels.with_qr] == ["wsgw"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda p: p["payment_channels"][1].update(qr_ulr="https://example.org"), "payment_channels[1]"),
        (lambda p: p["payment_channels"][2].pop("online"), "payment_channels[2]"),
        (lambda p: p["payment_channels"][2].update(online="yes"), "payment_channels[2].online"),
        (lambda p: p["payment_channels"][3]["name"].update(zh_CN=""), "payment_channels[3].name.zh_CN"),
        (lambda p: p["payment_channels"][3]["steps"].update(zh_CN=[]), "payment_channels[3].steps.zh_CN"),
        (lambda p: p["payment_channels"][3]["steps"].update(en="step"), "payment_channels[3].steps.en"),
        (lambda p: p["payment_channels"][4].update(code="Bank Withholding"), "payment_channels[4].code"),
        (lambda p: p["payment_channels"][5].update(code="wsgw"), "payment_channels"),
        (lambda p: p["payment_channels"][0].update(qr_url="ftp://x"), "payment_channels[0].qr_url"),
        (lambda p: p["withholding"].update(channel="nope"), "withholding.channel"),
        (lambda p: p["withholding"].pop("what_to_bring"), "withholding"),
        (lambda p: p.update(payment_channels={"code": "x"}), "payment_channels"),
    ],
)
def test_profile_mistakes_name_the_field(profile: dict[str, Any], change: Any, field: str) -> None:
    broken = copy.deepcopy(profile)
    change(broken)
    with pytest.raises(InvalidInput) as caught:
        parse_payment_channels(broken)
    assert caught.value.field == field


def test_unknown_channel_and_empty_profile() -> None:
    channels = parse_payment_channels({})
    assert channels.channels == () and channels.withholding is None
    with pytest.raises(NotFound):
        channels.get("wechat")


def test_toml_syntax_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text("[[payment_channels]\ncode = 1\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as caught:
        load_payment_channels(path)
    assert caught.value.code == "profile_invalid"


def test_the_payee_is_a_per_channel_setting_never_the_halls_name() -> None:
    channels = load_payment_channels(DEFAULT_FILE)
    hall_company = "国网内蒙古东部电力有限公司通辽供电公司"
    for code in ("wechat", "alipay", "bank_withholding"):
        channel = channels.get(code)
        assert channel.payee == "国网内蒙古东部电力有限公司"
        steps = " ".join(channel.steps_for("zh_CN", hall_company))
        assert "国网内蒙古东部电力有限公司" in steps and hall_company not in steps
    assert channels.withholding is not None
    assert hall_company not in " ".join(channels.withholding.steps_for("zh_CN", hall_company))
    # a channel without a payee names the hall's company
    assert channels.get("dianebao").payee is None


def test_the_95598_code_says_it_opens_the_portal_home_page() -> None:
    wsgw = load_payment_channels(DEFAULT_FILE).get("wsgw")
    assert wsgw.qr_url == "https://www.95598.cn/"
    assert "www.95598.cn" in wsgw.qr_caption_for("zh_CN") and "首页" in wsgw.qr_caption_for("zh_CN")
