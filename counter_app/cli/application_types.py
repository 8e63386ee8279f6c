"""``counter-app application types``: each business type with every limit's rules (document, number,
effective date, confidence; the binding one first and the others under ``also``), "no published limit"
where none is published, the customer's own steps, and the change rules that apply with their sources.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from counter_app.domain.applications.business_types import BusinessType, Party, ServiceKind
from counter_app.domain.applications.values import ApplicationPolicy
from counter_app.domain.profile import Names
from counter_app.domain.rule_sources import UNCONFIRMED, Confidence, LimitRule, TimeLimit


def _names(names: Names) -> dict[str, str]:
    return {"zh_CN": names.zh_CN, "zh_TW": names.zh_TW, "en": names.en}


NO_PUBLISHED_LIMIT = {"working_days": None, "note": "no published limit"}
CUSTOMER_STEP = {"working_days": None, "note": "the customer's own work: no clock runs"}


def _rule(rule: LimitRule) -> dict[str, Any]:
    source = rule.source
    return {
        "working_days": rule.working_days,
        "source": f"{source.citation()} {rule.clause}".strip(),
        "document": source.document,
        "number": source.number or UNCONFIRMED,
        "effective": source.effective.isoformat() if source.effective else UNCONFIRMED,
        "confidence": rule.confidence.value,
        "unconfirmed": rule.unconfirmed,
    }


def _limit(limit: TimeLimit | None, on: date) -> dict[str, Any]:
    """The rule in force that binds (the strictest), and the others for reference."""
    if limit is None:
        return dict(NO_PUBLISHED_LIMIT)
    binding = limit.binding(on)
    return {**_rule(binding), "also": [_rule(r) for r in limit.rules if r is not binding]}


def _policy_rule(key: str, value: int, policy: ApplicationPolicy) -> dict[str, Any]:
    found = policy.sources.get(key)
    if found is None:
        return {"rule": key, "value": value, "source": UNCONFIRMED, "unconfirmed": True}
    source = found.source
    unconfirmed = source.confidence is not Confidence.CONFIRMED or not source.number or not source.effective
    return {
        "rule": key,
        "value": value,
        "source": f"{source.citation()} {found.clause}".strip(),
        "number": source.number or UNCONFIRMED,
        "effective": source.effective.isoformat() if source.effective else UNCONFIRMED,
        "confidence": source.confidence.value,
        "unconfirmed": unconfirmed,
    }


_CHANGE_RULES = {
    ServiceKind.PAUSE: ("pause_min_days", "pause_max_days_per_year", "pause_notice_days"),
    ServiceKind.CAPACITY_REDUCTION: ("reduction_restore_within_months",),
    ServiceKind.REDUCTION_RESTORE: ("reduction_restore_within_months",),
}


def type_json(
    t: BusinessType, policy: ApplicationPolicy | None = None, on: date | None = None
) -> dict[str, Any]:
    """A business type with every limit's source (document, number, effective date, confidence);
    ``no published limit`` where no rule sets one, and the change rules that apply to it."""
    day = on or date.today()
    policy = policy or ApplicationPolicy()
    return {
        "code": t.code,
        "names": _names(t.names),
        "kind": t.kind.value,
        "customer_class": t.customer_class.value,
        "needs_account": t.needs_account,
        "needs_capacity": t.needs_capacity,
        "voltages": list(t.voltages),
        "whole_process_limit": _limit(t.whole_process_limit, day),
        "whole_process_limit_with_external_works": _limit(t.limit_for(external_works=True), day),
        "stages": [
            {
                "code": s.code,
                "names": _names(s.names),
                "party": s.party.value,
                "limit": dict(CUSTOMER_STEP) if s.party is Party.CUSTOMER else _limit(s.limit, day),
            }
            for s in t.stages
        ],
        "documents": [
            {"code": d.code, "names": _names(d.names), "kind": d.kind.value, "required": d.required}
            for d in t.documents
        ],
        "change_rules": [
            _policy_rule(key, getattr(policy, key), policy) for key in _CHANGE_RULES.get(t.kind, ())
        ],
    }
