"""The hand-over of what a PC printed and what its customers rated while it worked alone, on a real
hall server: each print job and each rating once (a second ``hall sync``, or a replay after a crash
between the server's commit and the PC's note, changes nothing), and the reprint rule (补打) kept
across the outage in both directions."""

from __future__ import annotations

from typing import Any

from link_fixtures import Pcs, outage

from counter_app.domain.queue import IssuedTicket
from counter_app.services.hall import Hall
from counter_app.services.hall_link import LinkedHall
from counter_app.services.hand_over import HandOver
from counter_app.services.printing.recorded import finish
from counter_app.services.printing.tickets import TicketPrint, prepare_ticket_print

PRINTER = "escpos-usb:kiosk"


def slip_jobs(pcs: Pcs, number: str) -> list[tuple[Any, ...]]:
    """The server's print jobs of a ticket's slip: (copy, status, uuid, created_at), oldest first."""
    return pcs.rows(
        """SELECT p.copy, p.status, p.uuid, p.created_at FROM print_jobs p
           JOIN tickets t ON t.id = p.ref_id WHERE p.document = 'ticket' AND t.number = %s ORDER BY p.id""",
        number,
    )


def print_slip(hall: LinkedHall, ticket: IssuedTicket | str) -> TicketPrint:
    """Record the job and build the slip, then say it came out (two jobs, as the kiosk's worker)."""
    request = hall.run(lambda h: prepare_ticket_print(h, ticket, PRINTER))
    hall.run(lambda h: finish(h, request))
    return request


def lose_the_pcs_note(hall: LinkedHall, pcs: Pcs) -> int:
    """As if the PC's note of its hand-over never reached its disk: every entry pending again."""
    local = hall.link.local
    with local.write():
        uuids = [r[0] for r in local.sql.execute("SELECT uuid FROM pc_journal").fetchall()]  # type: ignore[attr-defined]
        for uuid in uuids:
            local.journal.settle(uuid, "pending", "", pcs.clock.now)
    return len(uuids)


def test_a_slip_printed_alone_is_handed_over_once_and_its_reprint_says_so(pcs: Pcs) -> None:
    pcs.up("kiosk")  # joins the hall
    cut = pcs.cut("kiosk")
    issued = cut.run(lambda h: h.queue.issue("A"))
    number = issued.ticket.number
    printed_at = pcs.clock.now
    first = print_slip(cut, issued)
    assert not first.slip.reprint and cut.alone
    assert cut.link_status().pending == 3  # the ticket, the job, its outcome

    back = pcs.up("kiosk")
    report = back.link.last_hand_over
    assert report is not None and (report.applied, report.parked, report.conflicts) == (3, 0, 0)
    assert slip_jobs(pcs, number) == [("original", "printed", first.job.uuid, printed_at)]

    assert back.link.hand_over().replayed == 0  # ``hall sync`` run twice
    assert lose_the_pcs_note(back, pcs) == 3
    assert back.link.server is not None
    again = HandOver(back.link.server, back.link.local, "kiosk", pcs.clock).run()
    assert (again.applied, again.already, again.conflicts) == (0, 3, 0)
    assert slip_jobs(pcs, number) == [("original", "printed", first.job.uuid, printed_at)]
    with back.link.local.read():  # the PC notes the truth: its actions were applied, by the cut hand-over
        outcomes = [r[0] for r in back.link.local.sql.execute("SELECT outcome FROM pc_journal").fetchall()]  # type: ignore[attr-defined]
    assert outcomes == ["applied"] * 3

    pcs.clock.advance(minutes=1)
    second = print_slip(back, number)  # on the server now: the paper is a second one
    assert second.job.reprint and second.slip.reprint
    assert [j[:2] for j in slip_jobs(pcs, number)] == [("original", "printed"), ("reprint", "printed")]


def test_a_slip_printed_on_the_server_and_again_alone_says_reprint(pcs: Pcs) -> None:
    """The PC's copy of the line carries which slips came out on the server."""
    kiosk = pcs.up("kiosk")
    issued = kiosk.run(lambda h: h.queue.issue("A"))
    print_slip(kiosk, issued)
    pcs.up("counter-1")  # joins: copies the line, and that A001 has its slip
    cut = pcs.cut("counter-1")
    again = print_slip(cut, "A001")
    assert cut.alone and again.job.reprint and again.slip.reprint

    pcs.up("counter-1")
    assert [j[:2] for j in slip_jobs(pcs, "A001")] == [("original", "printed"), ("reprint", "printed")]


def test_a_job_recorded_on_the_server_and_settled_alone_is_settled_on_the_server(pcs: Pcs) -> None:
    """The server goes away while the slip prints: the job's outcome is noted alone, by the job's
    UUID, and settles the server's own record of the job when it is back (not some local row)."""
    hall = pcs.up("kiosk")
    issued = hall.run(lambda h: h.queue.issue("A"))
    request = hall.run(lambda h: prepare_ticket_print(h, issued, PRINTER))
    assert [j[:2] for j in slip_jobs(pcs, "A001")] == [("original", "pending")]
    with outage(pcs.dsn):
        hall.run(lambda h: finish(h, request))
        assert hall.alone and hall.link_status().pending == 1
    hall.link.on_watch_status(True, pcs.clock())
    assert hall.run(lambda h: h.queue.issue("A")).ticket.number == "A002"  # after the hand-over
    assert [j[:2] for j in slip_jobs(pcs, "A001")] == [("original", "printed")]
    assert hall.link_status().pending == 0


def serve_and_rate(h: Hall, number: str, level: str, counter: int = 1) -> None:
    h.queue.call_number(counter, number)
    h.queue.finish(counter, number=number)
    h.quality.ratings.rate(level, number=number)


def test_a_rating_given_alone_is_handed_over_once_at_its_time(pcs: Pcs) -> None:
    pcs.up("counter-1")
    cut = pcs.cut("counter-1")
    number = cut.run(lambda h: h.queue.issue("B")).ticket.number
    pcs.clock.advance(minutes=4)
    rated_at = pcs.clock.now
    cut.run(lambda h: serve_and_rate(h, number, "very_satisfied"))
    assert cut.link_status().pending == 4

    back = pcs.up("counter-1")
    report = back.link.last_hand_over
    assert report is not None and (report.applied, report.conflicts, report.parked) == (4, 0, 0)
    rated = """SELECT r.level, r.counter, r.at FROM ratings r JOIN tickets t ON t.id = r.ticket_id
               WHERE t.number = %s"""
    assert pcs.rows(rated, number) == [("very_satisfied", 1, rated_at)]

    assert back.link.hand_over().replayed == 0
    lose_the_pcs_note(back, pcs)
    assert back.link.server is not None
    again = HandOver(back.link.server, back.link.local, "counter-1", pcs.clock).run()
    assert (again.applied, again.already, again.conflicts) == (0, 4, 0)
    assert pcs.rows(rated, number) == [("very_satisfied", 1, rated_at)]


def test_a_rating_the_server_cannot_take_keeps_the_servers_record(pcs: Pcs) -> None:
    """Counter 2 served and its customer rated A001 on the server meanwhile: the rating given at
    the cut-off counter 1 is a conflict, recorded once; the server's rating stands."""
    two = pcs.up("counter-2")
    two.run(lambda h: h.queue.issue("A"))
    pcs.up("counter-1").close()  # joined, with the day's line copied
    cut = pcs.cut("counter-1")
    cut.run(lambda h: serve_and_rate(h, "A001", "dissatisfied"))
    two.run(lambda h: serve_and_rate(h, "A001", "satisfied", counter=2))

    back = pcs.up("counter-1")
    report = back.link.last_hand_over
    assert report is not None and report.parked == 0 and report.conflicts >= 1
    assert pcs.rows(
        "SELECT r.level, r.counter FROM ratings r JOIN tickets t ON t.id = r.ticket_id "
        "WHERE t.number = 'A001'"
    ) == [("satisfied", 2)]
    assert pcs.rows(
        "SELECT count(*) FROM applied_actions WHERE kind = 'quality.rate' AND outcome = 'conflict'"
    ) == [(1,)]


def test_a_visit_note_written_alone_is_handed_over_once(pcs: Pcs) -> None:
    """An inquiry answered at a cut-off counter: its note and outcome reach the server once."""
    pcs.up("counter-1")
    cut = pcs.cut("counter-1")
    number = cut.run(lambda h: h.queue.issue("C")).ticket.number
    cut.run(lambda h: h.queue.call_number(1, number))
    pcs.clock.advance(minutes=3)
    noted_at = pcs.clock.now
    cut.run(lambda h: h.quality.desk.save_note(1, outcome="answered", note="电价咨询，已当场答复"))
    cut.run(lambda h: h.queue.finish(1))

    back = pcs.up("counter-1")
    report = back.link.last_hand_over
    assert report is not None and (report.applied, report.conflicts, report.parked) == (4, 0, 0)
    noted = """SELECT n.outcome, n.note, n.counter, n.at FROM visit_notes n
               JOIN tickets t ON t.id = n.ticket_id WHERE t.number = %s"""
    assert pcs.rows(noted, number) == [("answered", "电价咨询，已当场答复", 1, noted_at)]
    lose_the_pcs_note(back, pcs)
    assert back.link.server is not None
    again = HandOver(back.link.server, back.link.local, "counter-1", pcs.clock).run()
    assert (again.applied, again.already, again.conflicts) == (0, 4, 0)
    assert pcs.rows(noted, number) == [("answered", "电价咨询，已当场答复", 1, noted_at)]
