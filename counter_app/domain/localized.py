"""Wording kept as data in the hall's three languages (zh_CN, zh_TW, en), read from profile tables.

Shared by the profile parts that a hall may correct without a release (payment channels, the property
boundary helper): :class:`LocalizedText` for one text (the profile's own :class:`Names`, read
strictly), :class:`LocalizedSteps` for a numbered list, and :func:`check_keys`, which refuses misspelt
or missing keys so a typo never silently drops a setting.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from counter_app.domain.errors import InvalidInput
from counter_app.domain.profile import LANGUAGES, Names

__all__ = [
    "LANGUAGES",
    "LocalizedSteps",
    "LocalizedText",
    "check_keys",
    "profile_invalid",
    "profile_table",
    "profile_text",
    "read_profile_part",
]


def profile_invalid(where: str, message: str) -> InvalidInput:
    """A profile entry that cannot be used; ``field`` is its path (``payment_channels[2].qr_url``)."""
    return InvalidInput(f"{where}: {message}", field=where, code="profile_invalid")


def profile_table(value: object, where: str) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise profile_invalid(where, "must be a table")
    return value


def profile_text(value: object, where: str) -> str:
    if not isinstance(value, str):
        raise profile_invalid(where, "must be text")
    return value.strip()


def read_profile_part(path: str | Path) -> dict[str, Any]:
    """A profile part file as ``tomllib`` reads it; bad TOML is ``InvalidInput(code="profile_invalid")``."""
    try:
        with open(path, "rb") as stream:
            return tomllib.load(stream)
    except tomllib.TOMLDecodeError as error:
        raise InvalidInput(f"{path}: {error}", field=str(path), code="profile_invalid") from error


def check_keys(table: Mapping[str, Any], where: str, required: set[str], optional: set[str]) -> None:
    """Refuse misspelt or missing keys in a profile table, so a typo never silently drops a setting."""
    if missing := sorted(required - table.keys()):
        raise profile_invalid(where, f"missing {', '.join(missing)}")
    if unknown := sorted(table.keys() - required - optional):
        raise profile_invalid(where, f"unknown key {', '.join(unknown)}")


class LocalizedText(Names):
    """One text in the hall's three languages (:class:`Names`: an empty translation falls back to
    zh_CN), read from a profile part with every key checked."""

    @classmethod
    def from_profile(cls, value: object, where: str) -> LocalizedText:
        """``"文字"`` (zh_CN only) or ``{ zh_CN = "…", zh_TW = "…", en = "…" }``; zh_CN must not be empty."""
        if isinstance(value, str):
            value = {"zh_CN": value}
        table = profile_table(value, where)
        check_keys(table, where, {"zh_CN"}, {"zh_TW", "en"})
        text = cls(*(profile_text(table.get(lang, ""), f"{where}.{lang}") for lang in LANGUAGES))
        if not text.zh_CN:
            raise profile_invalid(f"{where}.zh_CN", "must not be empty")
        return text


@dataclass(frozen=True)
class LocalizedSteps:
    """A numbered list (steps, things to bring) per language; an empty list falls back to zh_CN."""

    zh_CN: tuple[str, ...]
    zh_TW: tuple[str, ...] = ()
    en: tuple[str, ...] = ()

    def get(self, language: str) -> tuple[str, ...]:
        value = getattr(self, language, ()) if language in LANGUAGES else ()
        return value if isinstance(value, tuple) and value else self.zh_CN

    @classmethod
    def from_profile(cls, value: object, where: str) -> LocalizedSteps:
        table = profile_table(value, where)
        check_keys(table, where, {"zh_CN"}, {"zh_TW", "en"})
        lists: list[tuple[str, ...]] = []
        for lang in LANGUAGES:
            items = table.get(lang, [])
            if not isinstance(items, list):
                raise profile_invalid(f"{where}.{lang}", "must be a list of text")
            lists.append(tuple(profile_text(item, f"{where}.{lang}[{i}]") for i, item in enumerate(items)))
        steps = cls(*lists)
        if not steps.zh_CN or not all(steps.zh_CN):
            raise profile_invalid(f"{where}.zh_CN", "must list at least one non-empty item")
        return steps
