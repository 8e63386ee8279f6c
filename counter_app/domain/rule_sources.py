"""Where every time limit comes from: the documents (rule sources) and the limits that cite them.

Rules change (十项承诺 2023, the 2025 national opinion, the 2024 供电营业规则) and provinces set
stricter targets, so a limit is never a bare number: it is one or more :class:`LimitRule` values, each
naming its document (name, number 文号, effective date, how sure the fact is), and the limit in force is
the **strictest** rule already in force (:meth:`TimeLimit.binding`). What is not confirmed says so: a
document number or effective date that is not known is ``None`` ("unconfirmed"), and a number tagged
[W] or [U] in DOMAIN.md carries ``Confidence.WEAK`` / ``UNCONFIRMED``.

Profile format (``resources/profile/business_types.toml``)::

    [rule_sources.commitments_2023]
    document = "国家电网有限公司供电服务“十项承诺”（2023年）"
    number = "unconfirmed"          # 文号, or "unconfirmed"
    effective = "unconfirmed"       # 2024-06-01, or "unconfirmed"
    confidence = "confirmed"        # confirmed [C] | weak [W] | unconfirmed [U]

    whole_process_limit = [         # one table, or several: the strictest in force binds
        { working_days = 6, source = "commitments_2023", clause = "第六条 …" },
        { working_days = 5, source = "opinion_2025", clause = "…" },
    ]
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from counter_app.domain.errors import InvalidInput

UNCONFIRMED = "unconfirmed"
"""Written for a document number or effective date that is not known exactly."""


class Confidence(StrEnum):
    """DOMAIN.md's tags: confirmed in a retrieved source [C], weak source only [W], unconfirmed [U]."""

    CONFIRMED = "confirmed"
    WEAK = "weak"
    UNCONFIRMED = "unconfirmed"


@dataclass(frozen=True)
class RuleSource:
    """A document rules come from; ``number`` and ``effective`` are ``None`` while not confirmed."""

    code: str
    document: str
    number: str | None
    effective: date | None
    confidence: Confidence

    def in_force_on(self, day: date) -> bool:
        """A rule with no known effective date counts as in force (it is cited as current)."""
        return self.effective is None or self.effective <= day

    def citation(self) -> str:
        """``document（number）``, the number left out while unconfirmed."""
        return f"{self.document}（{self.number}）" if self.number else self.document


@dataclass(frozen=True)
class LimitRule:
    """One rule's limit in working days: the document and the clause that sets it."""

    working_days: int
    source: RuleSource
    clause: str
    confidence: Confidence

    @property
    def unconfirmed(self) -> bool:
        """The number itself, or the rule's document number or effective date, is not confirmed."""
        return (
            self.confidence is not Confidence.CONFIRMED
            or self.source.number is None
            or self.source.effective is None
        )

    def describe(self) -> str:
        """``N working days: document（number）, clause; effective …`` in one line (for lists)."""
        effective = self.source.effective.isoformat() if self.source.effective else UNCONFIRMED
        return f"{self.source.citation()} {self.clause} (effective {effective}; {self.confidence.value})"


@dataclass(frozen=True)
class TimeLimit:
    """A limit and every rule that sets it; the strictest rule in force binds."""

    rules: tuple[LimitRule, ...]

    def __post_init__(self) -> None:
        if not self.rules:
            raise ValueError("a time limit needs at least one rule")

    def binding(self, on: date | None = None) -> LimitRule:
        """The strictest rule in force on ``on`` (every rule when ``on`` is None); of equal limits the
        first listed. Rules not yet in force are skipped unless none is in force."""
        candidates = [r for r in self.rules if on is None or r.source.in_force_on(on)] or list(self.rules)
        return min(candidates, key=lambda r: r.working_days)

    @property
    def working_days(self) -> int:
        return self.binding().working_days

    @property
    def source(self) -> str:
        rule = self.binding()
        return f"{rule.source.citation()} {rule.clause}".strip()

    @property
    def effective(self) -> date | None:
        return self.binding().source.effective

    @property
    def unconfirmed(self) -> bool:
        return self.binding().unconfirmed

    @property
    def looser(self) -> tuple[LimitRule, ...]:
        """The other rules, less strict than the binding one (shown for reference)."""
        binding = self.binding()
        return tuple(r for r in self.rules if r is not binding)


def parse_rule_sources(raw: Any, where: str = "rule_sources") -> dict[str, RuleSource]:
    """The ``[rule_sources.<code>]`` tables of the profile."""
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        raise _bad(where, "must be a table of [rule_sources.<code>] tables")
    sources: dict[str, RuleSource] = {}
    for code, table in raw.items():
        here = f"{where}.{code}"
        if not isinstance(table, Mapping):
            raise _bad(here, "must be a table")
        unknown = sorted(str(k) for k in table if k not in ("document", "number", "effective", "confidence"))
        if unknown:
            raise _bad(here, f"unknown key(s) {', '.join(unknown)} (a typo?)")
        document = table.get("document")
        if not isinstance(document, str) or not document.strip():
            raise _bad(f"{here}.document", "must name the document")
        number = table.get("number", UNCONFIRMED)
        if not isinstance(number, str) or not number.strip():
            raise _bad(f"{here}.number", f'must be the document number or "{UNCONFIRMED}"')
        sources[str(code)] = RuleSource(
            code=str(code),
            document=document.strip(),
            number=None if number == UNCONFIRMED else number.strip(),
            effective=parse_effective(table.get("effective", UNCONFIRMED), f"{here}.effective"),
            confidence=_confidence(table.get("confidence"), f"{here}.confidence"),
        )
    return sources


def parse_limit(raw: Any, where: str, sources: Mapping[str, RuleSource]) -> TimeLimit:
    """A limit: one ``{ working_days, source, clause[, confidence] }`` table or an array of them."""
    entries = raw if isinstance(raw, list) else [raw]
    if not entries:
        raise _bad(where, "needs at least one rule")
    rules = []
    for i, entry in enumerate(entries):
        here = f"{where}[{i}]" if isinstance(raw, list) else where
        if not isinstance(entry, Mapping):
            raise _bad(here, "must be a table { working_days, source, clause }")
        unknown = sorted(str(k) for k in entry if k not in ("working_days", "source", "clause", "confidence"))
        if unknown:
            raise _bad(here, f"unknown key(s) {', '.join(unknown)} (a typo?)")
        days = entry.get("working_days")
        if not isinstance(days, int) or isinstance(days, bool) or days < 1:
            raise _bad(f"{here}.working_days", f"must be a whole number of working days ≥ 1, not {days!r}")
        code = entry.get("source")
        if not isinstance(code, str) or code not in sources:
            known = ", ".join(sorted(sources)) or "none defined"
            raise _bad(f"{here}.source", f"must name a [rule_sources] entry ({known}), not {code!r}")
        clause = entry.get("clause", "")
        if not isinstance(clause, str):
            raise _bad(f"{here}.clause", "must be text")
        source = sources[code]
        confidence = (
            _confidence(entry["confidence"], f"{here}.confidence")
            if "confidence" in entry
            else source.confidence
        )
        rules.append(LimitRule(days, source, " ".join(clause.split()), confidence))
    return TimeLimit(tuple(rules))


def parse_effective(value: Any, where: str) -> date | None:
    if value == UNCONFIRMED:
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise _bad(where, f'must be a date (2024-06-01) or "{UNCONFIRMED}", not {value!r}')


def _confidence(value: Any, where: str) -> Confidence:
    try:
        return Confidence(value if isinstance(value, str) else "")
    except ValueError:
        allowed = ", ".join(c.value for c in Confidence)
        raise _bad(where, f"must be one of {allowed}, not {value!r}") from None


def _bad(where: str, problem: str) -> InvalidInput:
    return InvalidInput(f"Business types: {where} {problem}.", field=where, code="bad_business_types")
