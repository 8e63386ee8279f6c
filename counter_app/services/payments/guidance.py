"""Payment guidance at the counter (缴费引导): the channels for an account, withholding sign-up help,
and the record of every guidance given, so the supervisor can see how many payers were moved online.

:meth:`PaymentGuidanceService.record` is one user action: the guidance row, the channels shown and the
outbox row (topic ``payments``) in one transaction; the slip is printed after it, from the record
(:meth:`PaymentGuidanceService.slip`), so a reprint says exactly what the first print said.

The property boundary helper (产权分界, :class:`PropertyBoundaryService`): who repairs a fault, as the hall
profile words it, and its leaflet; advice, not a record.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import cached_property

from counter_app.domain import queue as queue_rules
from counter_app.domain.entries import hall_counter, sign_in_name
from counter_app.domain.errors import InvalidInput, NotFound
from counter_app.domain.payments.accounts import Account, WithholdingStatus
from counter_app.domain.payments.boundary import (
    BoundaryAnswer,
    BoundaryGuide,
    BoundaryLeaflet,
    FaultLocation,
    decide_responsibility,
    parse_boundary_guide,
)
from counter_app.domain.payments.channels import (
    PaymentChannel,
    PaymentChannels,
    WithholdingGuide,
    parse_payment_channels,
)
from counter_app.domain.payments.guidance import (
    Freshness,
    GuidanceChannel,
    GuidanceFigures,
    GuidanceRecord,
    PaymentSlip,
    SlipChannel,
)
from counter_app.domain.profile import HallProfile
from counter_app.domain.queue import Ticket
from counter_app.domain.roles import Action
from counter_app.services.clock import Clock, system_clock
from counter_app.services.offline import OfflineDesk
from counter_app.services.payments.accounts import AccountCard, AccountService
from counter_app.services.ports import HallRecords
from counter_app.services.session import Gate, gate_for


@dataclass(frozen=True)
class PaymentSetup:
    """What the payment panel needs once: the hall's channels, and the company their steps name."""

    channels: PaymentChannels
    company: str


@dataclass(frozen=True)
class Guidance:
    """What the clerk explains for one account number; ``card`` is ``None`` for a walk-in without a
    record. ``withholding`` is the sign-up guide when the account has no withholding (or it is unknown)."""

    account_number: str
    card: AccountCard | None
    channels: tuple[PaymentChannel, ...]
    suggested: tuple[str, ...]
    withholding: WithholdingGuide | None


class PaymentGuidanceService:
    def __init__(
        self,
        store: HallRecords,
        profile: HallProfile,
        accounts: AccountService,
        clock: Clock = system_clock,
        desk: OfflineDesk | None = None,
        gate: Gate | None = None,
    ) -> None:
        """``desk``: set while the PC works without its hall server: each guidance is journaled."""
        self.store = store
        self.profile = profile
        self.accounts = accounts
        self.clock = clock
        self.gate = gate_for(store, gate)
        self.desk = desk
        self.repo = store.guidance

    @cached_property
    def channels(self) -> PaymentChannels:
        """Read on first use: a mistake in the channels must not stop the kiosk or the display."""
        return parse_payment_channels(self.profile.raw)

    def setup(self) -> PaymentSetup:
        self.accounts.settings  # noqa: B018 - a mistake in [accounts] shows when the panel opens
        return PaymentSetup(channels=self.channels, company=self.profile.hall.company)

    def _withholding_for(self, account: Account | None) -> WithholdingGuide | None:
        if _signed(account):
            return None
        return self.channels.withholding

    def _suggested(self, account: Account | None) -> tuple[str, ...]:
        """The online channels, but not the sign-up for bank withholding of an account that has it."""
        guide = self.channels.withholding
        signed_channel = guide.channel if guide is not None and _signed(account) else None
        return tuple(c.code for c in self.channels.online if c.code != signed_channel)

    def guidance_for(self, number: str) -> Guidance:
        """The channels and guidance for a typed or found account number (validated)."""
        digits = self.accounts.validate_number(number)
        card = self.accounts.lookup(digits)
        return Guidance(
            account_number=digits,
            card=card,
            channels=self.channels.channels,
            suggested=self._suggested(card.account if card else None),
            withholding=self._withholding_for(card.account if card else None),
        )

    def _chosen(self, codes: Sequence[str]) -> tuple[PaymentChannel, ...]:
        if not codes:
            raise InvalidInput(
                "Choose at least one payment channel for the slip",
                field="channels",
                code="payment_channels_none",
            )
        chosen: list[PaymentChannel] = []
        for code in codes:
            channel = self.channels.get(code.strip())
            if channel not in chosen:
                chosen.append(channel)
        return tuple(chosen)

    def record(
        self,
        number: str,
        channels: Sequence[str],
        *,
        clerk: str,
        counter: int | None = None,
        ticket: Ticket | None = None,
    ) -> GuidanceRecord:
        """Record the guidance given (account, channels shown, clerk, ticket): one transaction with
        its outbox row. Refuses an invalid number, an unknown channel, a counter the hall does not
        have or an unreadable clerk's name, having written nothing."""
        clerk = sign_in_name(clerk)
        if counter is not None:
            counter = hall_counter(counter, (c.number for c in self.profile.counters))
        self.gate.require(Action.PAYMENT_GUIDANCE)
        digits = self.accounts.validate_number(number)
        chosen = self._chosen(channels)
        card = self.accounts.lookup(digits)
        withholding = self._withholding_for(card.account if card else None) is not None
        with self.store.write():
            now = self.clock()
            record = self.repo.add(
                account_number=digits,
                list_id=card.account_list.id if card else None,
                channels=[GuidanceChannel(c.code, c.online, c.qr_url or "") for c in chosen],
                withholding_guidance=withholding,
                clerk=clerk,
                counter=counter,
                ticket_id=ticket.id if ticket else None,
                ticket_number=ticket.number if ticket else "",
                business_day=queue_rules.business_day(now, self.profile.hall.day_start),
                at=now,
            )
            if self.desk is not None:
                self.desk.note(self.store, "payments.guidance", now, guidance=record.uuid)
            return record

    def get(self, guidance_id: int) -> GuidanceRecord:
        with self.store.read():
            record = self.repo.get(guidance_id)
        if record is None:
            raise NotFound(f"No guidance record {guidance_id}", code="guidance_not_found", id=guidance_id)
        return record

    def figures(self, start: date | None = None, end: date | None = None) -> GuidanceFigures:
        """The supervisor's figure between two business days (default: today)."""
        today = queue_rules.business_day(self.clock(), self.profile.hall.day_start)
        start, end = start or today, end or start or today
        if end < start:
            raise InvalidInput("the end day is before the start day", field="end", code="figures_range")
        with self.store.read():
            return self.repo.figures(start, end)

    def slip(
        self, record: GuidanceRecord, *, reprint: bool = False, language: str | None = None
    ) -> PaymentSlip:
        """The slip of a recorded guidance: the channels and QR addresses recorded with it (a reprint
        prints the same codes), the account's figures as the live list shows them now, with their date."""
        language = language or self.profile.hall.language
        card = self.accounts.lookup(record.account_number) if record.on_record else None
        account = card.account if card else None
        company = self.profile.hall.company
        guide = self.channels.withholding
        channels = []
        for printed in record.channels:
            try:
                channel = self.channels.get(printed.code)
            except NotFound:  # the profile dropped it since: print what was recorded, no steps
                channels.append(SlipChannel(printed.code, printed.code, (), printed.qr_url or None))
                continue
            steps = channel.steps_for(language, company)
            name = channel.name_for(language)
            # the caption describes the profile's address; a reprint of an older address gets none
            caption = channel.qr_caption_for(language) if channel.qr_url == (printed.qr_url or None) else ""
            signed = guide is not None and channel.code == guide.channel and _signed(account)
            if signed:  # already paying this way: how it works, not the sign-up steps
                steps = (guide.note.get(language),) if guide is not None and guide.note else ()
            channels.append(
                SlipChannel(
                    channel.code, name, steps, printed.qr_url or None, qr_caption=caption, signed=signed
                )
            )
        bring: tuple[str, ...] = ()
        title = ""
        if record.withholding_guidance and guide is not None and guide.channel in {c.code for c in channels}:
            bring, title = guide.what_to_bring.get(language), guide.title.get(language)
        as_of = card.freshness if card else Freshness(None, None, False)
        return PaymentSlip(
            language=language,
            company=company,
            hall_name=self.profile.hall.name.get(language),
            hotline=self.profile.hall.hotline,
            account_number=record.account_number,
            on_record=account is not None,
            masked_name=account.masked().name if account else "",
            masked_address=account.masked().address if account else "",
            arrears=account.arrears if account else None,
            credit=account.credit if account else None,
            due_date=account.due_date if account else None,
            figures=as_of,
            channels=tuple(channels),
            withholding_title=title,
            withholding_bring=bring,
            guidance_id=record.id,
            printed_at=self.clock(),
            reprint=reprint,
        )


def _signed(account: Account | None) -> bool:
    """The account pays by bank withholding already (代扣已签约)."""
    return account is not None and account.withholding is WithholdingStatus.SIGNED


class PropertyBoundaryService:
    def __init__(self, profile: HallProfile, clock: Clock = system_clock) -> None:
        self.profile = profile
        self.clock = clock

    @cached_property
    def _approved(self) -> BoundaryGuide:
        """Parsed on first use (a mistake in this part must not stop the queue), with every approved
        paid service whatever its date."""
        return parse_boundary_guide(self.profile.raw)

    def guide(self) -> BoundaryGuide:
        """Today's guide: a paid service's approval may come into force at midnight."""
        return self._approved.in_force(self.clock().date())

    def answer(
        self, location: FaultLocation, contract_boundary: FaultLocation | None = None
    ) -> BoundaryAnswer:
        return decide_responsibility(location, self.guide(), contract_boundary)

    def leaflet(
        self,
        location: FaultLocation,
        contract_boundary: FaultLocation | None = None,
        language: str | None = None,
    ) -> BoundaryLeaflet:
        language = language or self.profile.hall.language
        answer = self.answer(location, contract_boundary)
        return BoundaryLeaflet(
            language=language,
            company=self.profile.hall.company,
            hall_name=self.profile.hall.name.get(language),
            hotline=self.profile.hall.hotline,
            location=location,
            utility_owns_up_to=answer.boundary,
            free_repair=answer.free_repair,
            from_contract=answer.from_contract,
            lines=answer.lines(language, meter_note=False),
            meter_note=answer.meter_line(language),
        )
