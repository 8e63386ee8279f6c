"""The hall profile: what differs between halls (ARCHITECTURE.md §4), parsed from TOML into values.

The profile is read with :mod:`tomllib`; this module only turns the parsed mapping into frozen
dataclasses and refuses a profile that would break the queue (unknown service on a counter, two
services with one letter, a prefix that clashes with the green channel).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import time
from typing import Any, TypeGuard

from counter_app.domain.errors import InvalidInput

LANGUAGES = ("zh_CN", "zh_TW", "en")
_CODE = re.compile(r"^[A-Z]$")


@dataclass(frozen=True)
class Names:
    """A label in each UI language; falls back to Simplified Chinese."""

    zh_CN: str
    zh_TW: str = ""
    en: str = ""

    def get(self, language: str) -> str:
        value = getattr(self, language, "") if language in LANGUAGES else ""
        return value or self.zh_CN

    @classmethod
    def parse(cls, raw: Mapping[str, Any] | str, where: str) -> Names:
        if isinstance(raw, str):
            return cls(zh_CN=raw)
        zh_cn = str(raw.get("zh_CN", "")).strip()
        if not zh_cn:
            raise _bad(f"{where}: a zh_CN name is required")
        return cls(zh_CN=zh_cn, zh_TW=str(raw.get("zh_TW", "")), en=str(raw.get("en", "")))


@dataclass(frozen=True)
class Service:
    """A service and its letter. ``target_wait_minutes``: the hall's own target wait before the
    first call (no national figure exists, DOMAIN.md), ``None`` to use ``queue.alert_wait_minutes``;
    ``visit_outcomes``: an inquiry or complaint service whose visits carry a note and an outcome
    (answered, referred to 95598, …)."""

    code: str
    names: Names
    default_service_minutes: float
    target_wait_minutes: int | None = None
    visit_outcomes: bool = False


@dataclass(frozen=True)
class GreenReason:
    code: str
    names: Names


@dataclass(frozen=True)
class CounterSetup:
    """A counter (窗口) and the services it serves, in order; ``weights`` empty means strict order."""

    number: int
    services: tuple[str, ...]
    weights: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class QueueRules:
    max_recalls: int = 2
    requeue_minutes: int = 30
    alert_wait_minutes: int = 20
    estimate_window: int = 20


@dataclass(frozen=True)
class DisplaySettings:
    """The hall display (叫号屏): how often a call is spoken, whether a chime precedes it."""

    voice_repeat: int = 2
    chime: bool = True
    recent_calls: int = 8
    speech_engine: str = ""  # empty: the platform's default engine


@dataclass(frozen=True)
class PrintingSettings:
    """Where this hall's papers go: printer specs (``none``, ``system[:NAME]``, ``pdf:DIR``,
    ``escpos-net:HOST[:PORT]``) for the kiosk's tickets and the counters' receipts and slips, and
    the paper of the kiosk's roll. ``--printer`` overrides them on one PC."""

    kiosk_printer: str = "none"
    kiosk_paper: str = "80mm"
    counter_printer: str = "system"


@dataclass(frozen=True)
class HallInfo:
    company: str
    name: Names
    short_name: str
    hotline: str
    phone: str
    language: str
    day_start: time
    pay_online_url: str
    timezone: str = "Asia/Shanghai"
    address: str = ""
    supervision_hotline: str = "12398"


@dataclass(frozen=True)
class HallProfile:
    hall: HallInfo
    queue: QueueRules
    services: tuple[Service, ...]
    green_prefix: str
    green_reasons: tuple[GreenReason, ...]
    counters: tuple[CounterSetup, ...]
    notice: Names
    display: DisplaySettings = field(default_factory=DisplaySettings)
    printing: PrintingSettings = field(default_factory=PrintingSettings)
    raw: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)

    def service(self, code: str) -> Service | None:
        return next((s for s in self.services if s.code == code), None)

    def target_wait(self, code: str) -> int:
        """The target wait of a service in minutes: its own, else the hall's wait alert."""
        service = self.service(code)
        own = service.target_wait_minutes if service is not None else None
        return own if own is not None else self.queue.alert_wait_minutes

    def counter(self, number: int) -> CounterSetup | None:
        return next((c for c in self.counters if c.number == number), None)

    def counters_serving(self, code: str) -> tuple[int, ...]:
        return tuple(c.number for c in self.counters if code in c.services)

    def green_reason(self, code: str) -> GreenReason | None:
        return next((r for r in self.green_reasons if r.code == code), None)


def _bad(message: str) -> InvalidInput:
    return InvalidInput(f"Hall profile: {message}", field="profile", code="bad_profile")


def _whole(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _int(raw: Mapping[str, Any], key: str, default: int, where: str, minimum: int = 0) -> int:
    value = raw.get(key, default)
    if not _whole(value) or value < minimum:
        raise _bad(f"{where}.{key} must be a whole number ≥ {minimum}, not {value!r}")
    return value


def _day_start(text: str) -> time:
    try:
        hours, minutes = (int(part) for part in text.split(":"))
        return time(hours, minutes)
    except (ValueError, TypeError):
        raise _bad(f"hall.day_start must look like 04:00, not {text!r}") from None


def _load_toml(text: str, name: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _bad(f"{name} is not valid TOML ({exc})") from None


def include_names(text: str) -> tuple[str, ...]:
    """The part files a profile includes (``includes = [...]``), paths relative to the profile."""
    return _includes(_load_toml(text, "the profile"))


def _includes(data: Mapping[str, Any]) -> tuple[str, ...]:
    includes = data.get("includes", [])
    if not isinstance(includes, list) or not all(isinstance(i, str) for i in includes):
        raise _bad("includes must be a list of file names")
    return tuple(includes)


def merge_profile_texts(text: str, parts: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The profile's tables with those of its included parts; a table in the main file wins, so a
    hall can override one part (say its payment channels) and keep the shipped rest."""
    data = _load_toml(text, "the profile")
    for name in _includes(data):
        if parts is None or name not in parts:
            raise _bad(f"included part {name} is missing")
        for key, value in _load_toml(parts[name], name).items():
            data.setdefault(key, value)
    return data


def parse_profile_text(text: str, parts: Mapping[str, str] | None = None) -> HallProfile:
    """Parse and check a hall profile; raise :class:`InvalidInput` saying what is wrong."""
    return parse_profile(merge_profile_texts(text, parts))


def parse_hall_tables(text: str) -> HallProfile:
    """The profile's own tables only (hall, services, counters, display, …), without its parts:
    what windows are drawn from. The parts (business types, payment channels, boundary rules)
    are read by the services, from the profile :func:`parse_profile_text` makes."""
    return parse_profile(_load_toml(text, "the profile"))


def parse_profile(data: Mapping[str, Any]) -> HallProfile:
    hall_raw = data.get("hall", {})
    names_raw = dict(hall_raw.get("names", {}))
    names_raw.setdefault("zh_CN", hall_raw.get("name", ""))
    language = str(hall_raw.get("language", "zh_CN"))
    if language not in LANGUAGES:
        raise _bad(f"hall.language must be one of {', '.join(LANGUAGES)}")
    hall = HallInfo(
        company=str(hall_raw.get("company", "")),
        name=Names.parse(names_raw, "hall.name"),
        short_name=str(hall_raw.get("short_name", hall_raw.get("name", ""))),
        hotline=str(hall_raw.get("hotline", "95598")),
        phone=str(hall_raw.get("phone", "")),
        language=language,
        day_start=_day_start(str(hall_raw.get("day_start", "00:00"))),
        pay_online_url=str(hall_raw.get("pay_online_url", "")),
        timezone=str(hall_raw.get("timezone", "Asia/Shanghai")),
        address=" ".join(str(hall_raw.get("address", "")).split()),
        supervision_hotline=str(hall_raw.get("supervision_hotline", "12398")).strip(),
    )
    if hall.pay_online_url and not hall.pay_online_url.startswith(("https://", "http://")):
        raise _bad("hall.pay_online_url must be an http(s) address")

    q = data.get("queue", {})
    queue = QueueRules(
        max_recalls=_int(q, "max_recalls", 2, "queue"),
        requeue_minutes=_int(q, "requeue_minutes", 30, "queue"),
        alert_wait_minutes=_int(q, "alert_wait_minutes", 20, "queue", 1),
        estimate_window=_int(q, "estimate_window", 20, "queue", 1),
    )

    services: list[Service] = []
    for i, raw in enumerate(data.get("services", [])):
        code = str(raw.get("code", ""))
        if not _CODE.match(code):
            raise _bad(f"services[{i}].code must be one capital letter, not {code!r}")
        if any(s.code == code for s in services):
            raise _bad(f"service letter {code} is used twice")
        minutes = raw.get("default_service_minutes", 5)
        if not isinstance(minutes, (int, float)) or minutes <= 0:
            raise _bad(f"services[{i}].default_service_minutes must be positive")
        outcomes = raw.get("visit_outcomes", False)
        if not isinstance(outcomes, bool):
            raise _bad(f"services[{i}].visit_outcomes must be true or false")
        services.append(
            Service(
                code=code,
                names=Names.parse(raw.get("names", raw.get("name", "")), f"services[{i}]"),
                default_service_minutes=float(minutes),
                target_wait_minutes=(
                    _int(raw, "target_wait_minutes", 0, f"services[{i}]", 1)
                    if "target_wait_minutes" in raw
                    else None
                ),
                visit_outcomes=outcomes,
            )
        )
    if not services:
        raise _bad("at least one service is needed")

    green = data.get("green_channel", {})
    prefix = str(green.get("prefix", "V"))
    if not _CODE.match(prefix) or any(s.code == prefix for s in services):
        raise _bad(f"green_channel.prefix {prefix!r} must be a capital letter no service uses")
    reasons: list[GreenReason] = []
    for i, raw in enumerate(green.get("reasons", [])):
        code = str(raw.get("code", "")) if isinstance(raw, Mapping) else ""
        if not code or any(r.code == code for r in reasons):
            raise _bad(f"green_channel.reasons[{i}] needs a code of its own")
        reasons.append(GreenReason(code=code, names=Names.parse(raw.get("names", code), "green reason")))

    codes = {s.code for s in services}
    counters: list[CounterSetup] = []
    for i, raw in enumerate(data.get("counters", [])):
        number = _int(raw, "number", 0, f"counters[{i}]", 1)
        served = tuple(str(c) for c in raw.get("services", []))
        unknown = [c for c in served if c not in codes]
        if unknown or not served:
            raise _bad(f"counter {number} serves unknown or no services: {unknown or served}")
        weights = {str(k): v for k, v in dict(raw.get("weights", {})).items()}
        if any(k not in served or not _whole(v) or v < 1 for k, v in weights.items()):
            raise _bad(f"counter {number}: weights must be whole numbers ≥ 1, only for services it serves")
        if any(c.number == number for c in counters):
            raise _bad(f"counter {number} is listed twice")
        counters.append(CounterSetup(number=number, services=served, weights=weights))

    notice_raw = data.get("notice", {"zh_CN": ""})
    notice = Names(
        zh_CN=str(notice_raw.get("zh_CN", "")),
        zh_TW=str(notice_raw.get("zh_TW", "")),
        en=str(notice_raw.get("en", "")),
    )
    d = data.get("display", {})
    display = DisplaySettings(
        voice_repeat=_int(d, "voice_repeat", 2, "display", 1),
        chime=bool(d.get("chime", True)),
        recent_calls=_int(d, "recent_calls", 8, "display", 1),
        speech_engine=str(d.get("speech_engine", "")),
    )
    pr = data.get("printing", {})
    printing = PrintingSettings(
        kiosk_printer=str(pr.get("kiosk_printer", "none")),
        kiosk_paper=str(pr.get("kiosk_paper", "80mm")),
        counter_printer=str(pr.get("counter_printer", "system")),
    )
    if printing.kiosk_paper not in ("80mm", "58mm", "a6"):
        raise _bad("printing.kiosk_paper must be 80mm, 58mm or a6")
    return HallProfile(
        printing=printing,
        display=display,
        hall=hall,
        queue=queue,
        services=tuple(services),
        green_prefix=prefix,
        green_reasons=tuple(reasons),
        counters=tuple(counters),
        notice=notice,
        raw=data,
    )
