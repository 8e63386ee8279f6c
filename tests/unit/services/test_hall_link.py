"""A PC's link to its hall (services/hall_link.py) on a real hall server: the server's hall while it
answers, the PC's own store while it does not, a job cut by the outage run again there, and the
hand-over before the first new action once the server is back."""

from __future__ import annotations

import pytest
from link_fixtures import Pcs, outage

from counter_app.domain.errors import RuleViolation, StoreUnavailable


def test_a_job_cut_by_the_outage_runs_again_on_the_pcs_own_store(pcs: Pcs) -> None:
    kiosk = pcs.up("kiosk")
    assert kiosk.run(lambda h: h.queue.issue("A")).ticket.number == "A001"
    status = kiosk.link_status()
    assert (status.server_up, status.tag, status.pending) == (True, "P1", 0)
    assert not kiosk.alone

    with outage(pcs.dsn):
        pcs.clock.advance(minutes=1)
        cut_at = pcs.clock.now
        issued = kiosk.run(lambda h: h.queue.issue("A"))  # the server's connection dies under it
        assert issued.ticket.number == "AP1-001" and kiosk.alone
        status = kiosk.link_status()
        assert (status.server_up, status.since, status.pending, status.oldest_pending) == (
            False,
            cut_at,
            1,
            cut_at,
        )
        assert kiosk.run(lambda h: h.queue.issue("A")).ticket.number == "AP1-002"
        kiosk.link.on_watch_status(True, pcs.clock.now)  # the heartbeat says it answers: it does not yet
        assert kiosk.run(lambda h: h.queue.issue("A")).ticket.number == "AP1-003"

    kiosk.link.on_watch_status(True, pcs.clock.now)  # the server answers again
    back = kiosk.run(lambda h: h.queue.issue("A"))
    assert back.ticket.number == "A002" and not kiosk.alone
    report = kiosk.link_status().last_hand_over
    assert report is not None and (report.applied, report.parked) == (3, 0)
    assert kiosk.link_status().pending == 0
    assert pcs.rows("SELECT number FROM tickets ORDER BY queue_order") == [
        ("A001",),
        ("AP1-001",),
        ("AP1-002",),
        ("AP1-003",),
        ("A002",),
    ]


def test_while_alone_the_next_in_line_is_not_guessed(pcs: Pcs) -> None:
    pcs.up("counter-1").run(lambda h: h.queue.issue("A"))
    cut = pcs.cut("counter-1")
    with pytest.raises(RuleViolation) as refused:
        cut.run(lambda h: h.queue.call_next(1))
    assert refused.value.code == "offline_call_by_number"
    assert cut.link_status().pending == 0  # a refusal journals nothing
    called = cut.run(lambda h: h.queue.call_number(1, "A001"))  # from its copy of the line
    assert called.called is not None and called.called.counter == 1


def test_a_pc_that_never_reached_the_server_cannot_work_alone(pcs: Pcs) -> None:
    with pytest.raises(StoreUnavailable) as down:
        pcs.cut("new-pc")
    assert down.value.reason == "server_down" and "never joined" in str(down.value)


def test_each_pc_gets_its_own_tag_and_keeps_it(pcs: Pcs) -> None:
    tags = {name: pcs.up(name).link_status().tag for name in ("kiosk", "counter-1", "counter-2")}
    assert sorted(tags.values()) == ["P1", "P2", "P3"]
    assert pcs.up("counter-1").link_status().tag == tags["counter-1"]
    assert pcs.cut("counter-2").link_status().tag == tags["counter-2"]


def test_the_server_lost_while_the_link_catches_up_does_not_lose_the_job(
    pcs: Pcs, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before a job the link copies the line (after a change) or hands the journal over; the server
    going away right then sends the job to the PC's own store like any cut job."""
    from counter_app.services import hall_link

    monkeypatch.setattr(hall_link, "MIRROR_EVERY_S", 0.0)
    kiosk = pcs.up("kiosk")
    kiosk.run(lambda h: h.queue.issue("A"))
    kiosk.link.note_change()  # another PC's call: the copy of the line is due before the next job
    with outage(pcs.dsn):
        assert kiosk.run(lambda h: h.queue.issue("A")).ticket.number == "AP1-001"
        assert kiosk.alone
    kiosk.link.on_watch_status(True, pcs.clock.now)
    with outage(pcs.dsn):  # the heartbeat spoke too soon: still alone, the journal waits
        assert kiosk.run(lambda h: h.queue.issue("A")).ticket.number == "AP1-002"
    kiosk.link.on_watch_status(True, pcs.clock.now)
    assert kiosk.run(lambda h: h.queue.issue("A")).ticket.number == "A002"
    assert kiosk.link_status().pending == 0
