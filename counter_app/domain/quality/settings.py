"""The hall's service-quality settings from its profile: the rating screen, hand-over reasons and the
forecast. Each is the hall's own choice (no national rule sets them) and has a default, so a profile
without these tables works::

    [rating]
    mode = "screen"            # screen: a customer screen per counter (gui --role rating);
                               # dialog: the counter PC turned towards the customer; none
    timeout_seconds = 30       # no answer within this: recorded as "not rated"
    reasons = [ { code = "long_wait", names = { zh_CN = "等候时间长", … } }, … ]

    [handover]
    reasons = [ { zh_CN = "需办理其他业务", … }, … ]   # quick choices; a clerk may type their own

    [forecast]
    payment_deadline_day = 25  # the day of the month bills fall due; absent: no such class of days
    target_share = 0.8         # plan counters so this share is called within the target wait
    fit_weeks = 12             # weeks of history the forecast learns from
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from counter_app.domain.errors import InvalidInput
from counter_app.domain.profile import HallProfile, Names


class RatingMode(StrEnum):
    SCREEN = "screen"
    DIALOG = "dialog"
    NONE = "none"


@dataclass(frozen=True)
class RatingReason:
    code: str
    names: Names


DEFAULT_REASONS = (
    RatingReason("long_wait", Names("等候时间长", "等候時間長", "Long wait")),
    RatingReason("attitude", Names("服务态度", "服務態度", "Attitude")),
    RatingReason("unfamiliar", Names("业务不熟练", "業務不熟練", "Clerk unsure of the business")),
    RatingReason("paperwork", Names("手续繁琐", "手續繁瑣", "Too much paperwork")),
    RatingReason("not_solved", Names("问题未解决", "問題未解決", "Problem not solved")),
    RatingReason("facilities", Names("环境设施", "環境設施", "Hall and facilities")),
)

DEFAULT_HANDOVER_REASONS = (
    Names("需办理其他业务", "需辦理其他業務", "Needs another service"),
    Names("需专人处理", "需專人處理", "Needs a specialist"),
    Names("超出本窗口权限", "超出本窗口權限", "Beyond this counter's remit"),
    Names("系统故障", "系統故障", "System fault at this counter"),
)


@dataclass(frozen=True)
class RatingSettings:
    mode: RatingMode = RatingMode.SCREEN
    timeout_seconds: int = 30
    reasons: tuple[RatingReason, ...] = DEFAULT_REASONS

    def reason(self, code: str) -> RatingReason | None:
        return next((r for r in self.reasons if r.code == code), None)


@dataclass(frozen=True)
class ForecastSetup:
    payment_deadline_day: int | None = None
    target_share: float = 0.8
    fit_weeks: int = 12


@dataclass(frozen=True)
class QualitySettings:
    rating: RatingSettings = field(default_factory=RatingSettings)
    handover_reasons: tuple[Names, ...] = DEFAULT_HANDOVER_REASONS
    forecast: ForecastSetup = field(default_factory=ForecastSetup)


def _bad(message: str) -> InvalidInput:
    return InvalidInput(f"Hall profile: {message}", field="profile", code="bad_profile")


def _table(raw: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    value = raw.get(name, {})
    if not isinstance(value, Mapping):
        raise _bad(f"[{name}] must be a table")
    return value


def _whole(table: Mapping[str, Any], key: str, default: int, where: str, low: int, high: int) -> int:
    value = table.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise _bad(f"{where}.{key} must be a whole number from {low} to {high}, not {value!r}")
    return value


def _rating(table: Mapping[str, Any]) -> RatingSettings:
    mode = str(table.get("mode", RatingMode.SCREEN.value))
    if mode not in {m.value for m in RatingMode}:
        raise _bad(f"rating.mode must be screen, dialog or none, not {mode!r}")
    reasons: list[RatingReason] = []
    raw_reasons = table.get("reasons")
    if raw_reasons is not None:
        if not isinstance(raw_reasons, list) or not raw_reasons:
            raise _bad("rating.reasons must be a non-empty list")
        for i, raw in enumerate(raw_reasons):
            code = str(raw.get("code", "")) if isinstance(raw, Mapping) else ""
            if not code or any(r.code == code for r in reasons):
                raise _bad(f"rating.reasons[{i}] needs a code of its own")
            reasons.append(RatingReason(code, Names.parse(raw.get("names", code), f"rating.reasons[{i}]")))
    return RatingSettings(
        mode=RatingMode(mode),
        timeout_seconds=_whole(table, "timeout_seconds", 30, "rating", 5, 600),
        reasons=tuple(reasons) or DEFAULT_REASONS,
    )


def _handover(table: Mapping[str, Any]) -> tuple[Names, ...]:
    raw_reasons = table.get("reasons")
    if raw_reasons is None:
        return DEFAULT_HANDOVER_REASONS
    if not isinstance(raw_reasons, list):
        raise _bad("handover.reasons must be a list")
    return tuple(Names.parse(raw, f"handover.reasons[{i}]") for i, raw in enumerate(raw_reasons))


def _forecast(table: Mapping[str, Any]) -> ForecastSetup:
    share = table.get("target_share", 0.8)
    if not isinstance(share, int | float) or isinstance(share, bool) or not 0.5 <= share < 1:
        raise _bad(f"forecast.target_share must be a fraction from 0.5 to below 1, not {share!r}")
    deadline = (
        _whole(table, "payment_deadline_day", 0, "forecast", 1, 31)
        if "payment_deadline_day" in table
        else None
    )
    return ForecastSetup(
        payment_deadline_day=deadline,
        target_share=float(share),
        fit_weeks=_whole(table, "fit_weeks", 12, "forecast", 2, 104),
    )


def quality_settings(profile: HallProfile) -> QualitySettings:
    """The quality settings of ``profile``; :class:`InvalidInput` naming a bad value."""
    raw = profile.raw
    return QualitySettings(
        rating=_rating(_table(raw, "rating")),
        handover_reasons=_handover(_table(raw, "handover")),
        forecast=_forecast(_table(raw, "forecast")),
    )
