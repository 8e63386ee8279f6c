"""Payment channels (缴费渠道) the hall guides customers to, and bank withholding (代扣) sign-up guidance.

Read from the hall profile (``resources/profile/payment_channels.toml`` by default): a top-level
``[[payment_channels]]`` array and a ``[withholding]`` table. All wording is data in zh_CN, zh_TW and
en (:class:`LocalizedText`), not Qt ``tr``, so a hall can correct it without a release. Steps may say
``{payee}`` (or ``{company}``): the 缴费单位 the customer picks in the app, which is the channel's
``payee`` — in WeChat, Alipay and bank apps the provincial company as the app lists it (DOMAIN.md:
"国网内蒙古东部电力有限公司" for Tongliao [U: confirm in the apps locally]), never the hall's name — and
the hall's company only for a channel that sets none.

QR codes: no public URL pays a State Grid bill by account number, so a channel's ``qr_url`` is only
ever the landing page the hall configured (validated as a plain http(s) address with no placeholders);
this module never builds one. A channel without one prints no QR code. ``qr_caption`` says in words
where the code leads (the slip prints it under the code), so the words match the destination.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from counter_app.domain.errors import InvalidInput, NotFound
from counter_app.domain.localized import (
    LocalizedSteps,
    LocalizedText,
    check_keys,
    profile_invalid,
    profile_table,
    profile_text,
    read_profile_part,
)

MAX_QR_URL_LENGTH = 512
"""Longer URLs make dense QR codes that cheap receipt printers smear."""

_COMPANY_FALLBACK = {
    "zh_CN": "当地供电公司",
    "zh_TW": "當地供電公司",
    "en": "your local power supply company",
}
_CODE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


def validate_qr_url(text: str, *, field: str = "qr_url") -> str | None:
    """The hall's configured QR target, or None when left empty (then no QR is printed).

    Must be an absolute ``http``/``https`` address with a host, no credentials, no spaces and no
    ``{placeholders}``: the QR is the same for every customer and never carries personal data.
    """
    value = text.strip()
    if not value:
        return None
    parts = urlsplit(value)
    problem = ""
    if parts.scheme.lower() not in ("http", "https"):
        problem = "must start with http:// or https://"
    elif not parts.hostname:
        problem = "has no host"
    elif parts.username is not None or parts.password is not None:
        problem = "must not contain a user name or password"
    elif any(ch.isspace() or ord(ch) < 32 or ch in '{}<>"' for ch in value):
        problem = "must not contain spaces, quotes or {placeholders}"
    elif len(value) > MAX_QR_URL_LENGTH:
        problem = f"is longer than {MAX_QR_URL_LENGTH} characters"
    if problem:
        raise InvalidInput(f"QR address {problem}", field=field, code="qr_url_invalid")
    return value


def _fill_company(items: tuple[str, ...], language: str, company: str | None) -> tuple[str, ...]:
    name = company or _COMPANY_FALLBACK.get(language, _COMPANY_FALLBACK["zh_CN"])
    return tuple(item.replace("{payee}", name).replace("{company}", name) for item in items)


@dataclass(frozen=True)
class PaymentChannel:
    """A way to pay. ``online``: the customer pays without visiting any counter, terminal or outlet."""

    code: str
    name: LocalizedText
    steps: LocalizedSteps
    online: bool
    qr_url: str | None = None
    payee: str | None = None
    qr_caption: LocalizedText | None = None

    def name_for(self, language: str) -> str:
        return self.name.get(language)

    def steps_for(self, language: str, company: str | None = None) -> tuple[str, ...]:
        """The steps in ``language`` with ``{payee}`` filled in: the channel's 缴费单位, else ``company``
        (a generic wording when neither is given)."""
        return _fill_company(self.steps.get(language), language, self.payee or company)

    def qr_caption_for(self, language: str) -> str:
        """Where the QR code leads, in words ("" when the profile says nothing: the slip says it)."""
        return self.qr_caption.get(language) if self.qr_caption else ""


@dataclass(frozen=True)
class WithholdingGuide:
    """How to sign up for bank withholding (银行代扣): what to bring, the steps, and a closing note."""

    channel: str
    title: LocalizedText
    what_to_bring: LocalizedSteps
    steps: LocalizedSteps
    note: LocalizedText | None = None
    payee: str | None = None

    def steps_for(self, language: str, company: str | None = None) -> tuple[str, ...]:
        """The steps with the withholding channel's 缴费单位 (else ``company``) filled in."""
        return _fill_company(self.steps.get(language), language, self.payee or company)


@dataclass(frozen=True)
class PaymentChannels:
    channels: tuple[PaymentChannel, ...]
    withholding: WithholdingGuide | None = None

    def get(self, code: str) -> PaymentChannel:
        for channel in self.channels:
            if channel.code == code:
                return channel
        raise NotFound(f"no payment channel {code!r}", code="payment_channel_not_found", channel=code)

    @property
    def online(self) -> tuple[PaymentChannel, ...]:
        return tuple(c for c in self.channels if c.online)

    @property
    def with_qr(self) -> tuple[PaymentChannel, ...]:
        return tuple(c for c in self.channels if c.qr_url)


def _parse_channel(value: object, where: str) -> PaymentChannel:
    table = profile_table(value, where)
    check_keys(table, where, {"code", "name", "steps", "online"}, {"qr_url", "payee", "qr_caption"})
    code = profile_text(table["code"], f"{where}.code")
    if not _CODE.match(code):
        raise profile_invalid(f"{where}.code", "must be lower-case letters, digits and _")
    if not isinstance(table["online"], bool):
        raise profile_invalid(f"{where}.online", "must be true or false")
    return PaymentChannel(
        code=code,
        name=LocalizedText.from_profile(table["name"], f"{where}.name"),
        steps=LocalizedSteps.from_profile(table["steps"], f"{where}.steps"),
        online=table["online"],
        qr_url=validate_qr_url(
            profile_text(table.get("qr_url", ""), f"{where}.qr_url"), field=f"{where}.qr_url"
        ),
        payee=profile_text(table.get("payee", ""), f"{where}.payee").strip() or None,
        qr_caption=(
            LocalizedText.from_profile(table["qr_caption"], f"{where}.qr_caption")
            if "qr_caption" in table
            else None
        ),
    )


def _parse_withholding(value: object, channels: Mapping[str, PaymentChannel]) -> WithholdingGuide:
    where = "withholding"
    table = profile_table(value, where)
    check_keys(table, where, {"channel", "title", "what_to_bring", "steps"}, {"note"})
    channel = profile_text(table["channel"], f"{where}.channel")
    if channel not in channels:
        raise profile_invalid(f"{where}.channel", f"names no payment channel ({channel!r})")
    return WithholdingGuide(
        channel=channel,
        title=LocalizedText.from_profile(table["title"], f"{where}.title"),
        what_to_bring=LocalizedSteps.from_profile(table["what_to_bring"], f"{where}.what_to_bring"),
        steps=LocalizedSteps.from_profile(table["steps"], f"{where}.steps"),
        note=LocalizedText.from_profile(table["note"], f"{where}.note") if "note" in table else None,
        payee=channels[channel].payee,
    )


def parse_payment_channels(profile: Mapping[str, Any]) -> PaymentChannels:
    """Build the channels from a profile mapping (as ``tomllib`` returns it); other keys are ignored.

    Raises ``InvalidInput(code="profile_invalid")`` whose ``field`` is the path of the bad entry
    (``payment_channels[2].qr_url``), or ``code="qr_url_invalid"`` for a bad QR address.
    """
    entries = profile.get("payment_channels", [])
    if not isinstance(entries, list):
        raise profile_invalid("payment_channels", "must be an array of tables ([[payment_channels]])")
    channels = tuple(_parse_channel(entry, f"payment_channels[{i}]") for i, entry in enumerate(entries))
    codes = [c.code for c in channels]
    if duplicated := sorted({c for c in codes if codes.count(c) > 1}):
        raise profile_invalid("payment_channels", f"code used twice: {', '.join(duplicated)}")
    withholding = profile.get("withholding")
    guide = None if withholding is None else _parse_withholding(withholding, {c.code: c for c in channels})
    return PaymentChannels(channels, guide)


def load_payment_channels(path: str | Path) -> PaymentChannels:
    """Read and parse a part file (a TOML syntax error is ``InvalidInput(code="profile_invalid")``)."""
    return parse_payment_channels(read_profile_part(path))
