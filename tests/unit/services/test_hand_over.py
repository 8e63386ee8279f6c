"""The hand-over of what a PC did alone (services/hand_over.py) on a real hall server: each action
exactly once, at the time it was done, settled by the written rules (domain/offline.py ``settle``)."""

from __future__ import annotations

from datetime import timedelta

from link_fixtures import Pcs

from counter_app.services.hand_over import HandOver


def test_work_done_alone_is_handed_over_once_at_the_time_it_was_done(pcs: Pcs) -> None:
    pcs.up("kiosk").run(lambda h: h.queue.issue("A"))  # joins the hall; A001 on the server
    cut = pcs.cut("kiosk")
    issued_at = pcs.clock.now
    number = cut.run(lambda h: h.queue.issue("A")).ticket.number
    assert number == "AP1-001" and cut.alone
    pcs.clock.advance(minutes=3)
    cut.run(lambda h: h.queue.call_number(1, number))
    pcs.clock.advance(minutes=2)
    finished_at = pcs.clock.now
    cut.run(lambda h: h.queue.finish(1, number=number))
    assert cut.link_status().pending == 3
    assert pcs.rows("SELECT count(*) FROM tickets") == [(1,)]  # nothing reached the server yet

    back = pcs.up("kiosk")  # the first job on the server hands the journal over first
    report = back.link.last_hand_over
    assert report is not None
    assert (report.replayed, report.applied, report.conflicts, report.parked) == (3, 3, 0, 0)
    state, counter, issued, _, finished = pcs.ticket(number)
    assert (state, counter, issued, finished) == ("done", 1, issued_at, finished_at)
    assert back.link_status().pending == 0
    events = pcs.rows("SELECT kind FROM queue_events ORDER BY id")

    again = back.link.hand_over()  # ``hall sync`` run twice
    assert (again.replayed, again.parked) == (0, 0)
    assert pcs.rows("SELECT kind FROM queue_events ORDER BY id") == events
    assert pcs.rows("SELECT outcome, count(*) FROM applied_actions GROUP BY outcome") == [("applied", 3)]
    # the server's own series goes on after the adopted fallback ticket
    assert back.run(lambda h: h.queue.issue("A")).ticket.number == "A002"


def test_a_crash_between_the_servers_commit_and_the_pcs_note_changes_nothing(pcs: Pcs) -> None:
    """The PC handed its actions over but lost its note of it (power cut): the replay finds each
    UUID in applied_actions and adds nothing."""
    pcs.up("counter-1")
    cut = pcs.cut("counter-1")
    number = cut.run(lambda h: h.queue.issue("B")).ticket.number
    cut.run(lambda h: h.queue.call_number(1, number))
    cut.close()
    back = pcs.up("counter-1")
    assert back.link.last_hand_over is not None and back.link.last_hand_over.applied == 2
    tickets = pcs.rows("SELECT number, state, counter FROM tickets ORDER BY id")
    events = pcs.rows("SELECT count(*) FROM queue_events")
    local = back.link.local
    with local.write():  # as if the PC's note of the hand-over never reached its disk
        assert local.journal.open_entries() == []
        uuids = [r[0] for r in local.sql.execute("SELECT uuid FROM pc_journal").fetchall()]  # type: ignore[attr-defined]
        for uuid in uuids:
            local.journal.settle(uuid, "pending", "", pcs.clock.now)
    assert back.link_status().pending == 2

    assert back.link.server is not None
    report = HandOver(back.link.server, local, "counter-1", pcs.clock).run()
    assert (report.applied, report.already, report.conflicts) == (0, 2, 0)
    assert pcs.rows("SELECT number, state, counter FROM tickets ORDER BY id") == tickets
    assert pcs.rows("SELECT count(*) FROM queue_events") == events
    assert back.link_status().pending == 0


def test_another_counter_took_the_customer_meanwhile_the_servers_record_stands(pcs: Pcs) -> None:
    """Rule 4: counter 1 (cut off) called A001, which counter 2 called on the server meanwhile."""
    two = pcs.up("counter-2")
    two.run(lambda h: h.queue.issue("A"))
    pcs.up("counter-1").close()  # joined, with the day's line copied
    cut = pcs.cut("counter-1")
    pcs.clock.advance(minutes=1)
    cut.run(lambda h: h.queue.call_number(1, "A001"))
    cut.run(lambda h: h.queue.finish(1, number="A001"))
    pcs.clock.advance(minutes=1)
    two.run(lambda h: h.queue.call_next(2))
    cut.close()

    back = pcs.up("counter-1")
    report = back.link.last_hand_over
    assert report is not None
    assert (report.applied, report.conflicts, report.parked) == (0, 2, 0)
    assert all("A001" in d for d in report.details)
    state, counter, *_ = pcs.ticket("A001")
    assert (state, counter) == ("called", 2)  # counted once, where the server has it
    assert pcs.rows("SELECT outcome, count(*) FROM applied_actions GROUP BY outcome") == [("conflict", 2)]
    with back.link.local.read():
        states = back.link.local.journal.settled()
    assert states == {"conflict": 2}
    assert back.link.hand_over().replayed == 0  # settled for good


def test_an_action_the_server_already_has_changes_nothing(pcs: Pcs) -> None:
    """Rule 3: the server committed the call in the very instant the PC lost it, and the PC made
    the same call again on its own store."""
    up = pcs.up("counter-1")
    up.run(lambda h: h.queue.issue("A"))
    up.run(lambda h: h.queue.call_number(1, "A001"))
    up.close()
    events = pcs.rows("SELECT count(*) FROM queue_events")
    cut = pcs.cut("counter-1")
    with cut.link.local.write():  # its copy of the line from before the call
        cut.link.local.sql.execute(  # type: ignore[attr-defined]
            "UPDATE tickets SET state = 'waiting', counter = NULL WHERE number = 'A001'"
        )
    cut.run(lambda h: h.queue.call_number(1, "A001"))
    cut.close()
    report = pcs.up("counter-1").link.last_hand_over
    assert report is not None and (report.applied, report.already, report.conflicts) == (0, 1, 0)
    assert pcs.rows("SELECT count(*) FROM queue_events") == events
    assert pcs.ticket("A001")[:2] == ("called", 1)


def test_a_number_the_server_does_not_know_yet_is_parked_until_its_kiosk_hands_over(pcs: Pcs) -> None:
    """Rule 5: counter 1 calls the kiosk's fallback number AP1-001 while both are cut off; counter 1
    is back first."""
    pcs.up("kiosk").close()
    pcs.up("counter-1").close()
    kiosk, counter = pcs.cut("kiosk"), pcs.cut("counter-1")
    number = kiosk.run(lambda h: h.queue.issue("A")).ticket.number
    pcs.clock.advance(minutes=4)
    counter.run(lambda h: h.queue.call_number(1, number))  # typed by the clerk (F7)
    kiosk.close()
    counter.close()

    first = pcs.up("counter-1")
    report = first.link.last_hand_over
    assert report is not None and (report.replayed, report.parked) == (0, 1)
    assert first.link_status().parked == 1
    assert pcs.rows("SELECT count(*) FROM tickets") == [(0,)]

    pcs.up("kiosk")  # the kiosk hands its ticket over
    assert pcs.ticket(number)[0] == "waiting"
    later = first.link.hand_over()  # the parked call goes through now, at the time it was made
    assert (later.applied, later.parked) == (1, 0)
    state, counter_no, issued_at, called_at, _ = pcs.ticket(number)
    assert (state, counter_no) == ("called", 1)
    assert called_at - issued_at == timedelta(minutes=4)
    assert first.link_status().parked == 0
