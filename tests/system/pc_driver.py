"""One PC of a hall with a server, as a separate process, for the system tests on the hall server.

Each process opens its PC the way the windows do (``app.open_pc``: the hall on the server while it
answers, its own SQLite file while it does not; the server's push and heartbeat started), prints
``{"ready": …}``, waits for the start barrier (a file the test creates), then works until the stop
file appears and prints one JSON line per *acknowledged* action, after the service returned (after
the commit, on the server or in its own file):

    python tests/system/pc_driver.py kiosk   --dsn D --db F --pc kiosk1 --barrier B --stop S
    python tests/system/pc_driver.py counter --dsn D --db F --pc counter3 --counter 3 ...
    python tests/system/pc_driver.py offline --dsn D --db F --pc desk1 --ops 300   # work alone
    python tests/system/pc_driver.py sync    --dsn D --db F --pc desk1             # hand over

When the stop file appears, a kiosk or counter hands over what it did alone until nothing waits
(``hall sync``), and prints ``{"done": tally, "pending": n, "parked": n}``.

Kiosks append every number they were given to ``--numbers`` (a shared file): a counter that works
alone calls those by number, as a clerk calls the customer standing at the counter (who is next is
known only on the server). ``offline`` does a desk's work alone (the DSN is a server that does not
answer): issue, print slips, call by number, finish, rate; ``sync`` runs the hand-over and reports
its progress.

The clock is the hall's day at ``--start`` plus the real time elapsed, so every process works on the
same business day whatever the time of day the tests run.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import time
from pathlib import Path
from typing import Any

from driver import DEFAULT_START, make_clock, say, wait_for  # the SQLite drivers' own helpers

from counter_app.app import open_pc
from counter_app.domain.errors import HallError, StoreUnavailable
from counter_app.domain.offline import parse_fallback

SYNC_DEADLINE_S = 90.0


def stopped(stop: str | None, deadline: float) -> bool:
    return (stop is not None and Path(stop).exists()) or time.monotonic() > deadline


def online(hall: Any) -> bool:
    return bool(hall.link.server is not None)


def kiosk(hall: Any, rng: random.Random, args: argparse.Namespace, deadline: float) -> dict[str, int]:
    tally = {"issued": 0, "offline": 0, "unavailable": 0}
    numbers = open(args.numbers, "a", encoding="utf-8") if args.numbers else None  # noqa: SIM115
    try:
        while not stopped(args.stop, deadline):
            service = rng.choice("AAABCCD")
            green = rng.random() < 0.05
            try:
                issued = hall.run(
                    lambda h, s=service, g=green: h.queue.issue(
                        s, green=g, green_reason="elderly" if g else ""
                    )
                )
            except StoreUnavailable as exc:
                tally["unavailable"] += 1
                say(unavailable=exc.reason)
                time.sleep(0.2)
                continue
            ticket = issued.ticket
            alone = parse_fallback(ticket.number) is not None
            tally["issued"] += 1
            tally["offline"] += alone
            say(issued=ticket.number, uuid=ticket.uuid, offline=alone)
            if numbers is not None:
                numbers.write(ticket.number + "\n")
                numbers.flush()
            time.sleep(args.pause)
    finally:
        if numbers is not None:
            numbers.close()
    return tally


def _seen_numbers(path: str | None) -> list[str]:
    if not path or not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        return [line.strip() for line in f if line.endswith("\n") and line.strip()]


def counter(hall: Any, rng: random.Random, args: argparse.Namespace, deadline: float) -> dict[str, int]:
    """A clerk at the keys: "next" while the server answers (the number the clerk sees while it
    does not), sometimes start, finish, recall, no-show with re-queue, transfer."""
    tally = {"called": 0, "offline_calls": 0, "refused": 0, "unavailable": 0, "idle": 0}
    number = args.counter
    services = hall.profile.counter(number).services
    others = [s.code for s in hall.profile.services if s.code not in services]
    while not stopped(args.stop, deadline):
        roll = rng.random()
        try:
            if roll < 0.55:
                if online(hall):
                    result = hall.run(lambda h: h.queue.call_next(number))
                else:
                    seen = _seen_numbers(args.numbers)[-8:]  # the newest: most likely still waiting
                    if not seen:
                        tally["idle"] += 1
                        time.sleep(0.05)
                        continue
                    wanted = rng.choice(seen)
                    result = hall.run(lambda h, n=wanted: h.queue.call_number(number, n))
                if result.finished:
                    say(finished=result.finished.number, counter=number)
                if result.called is None:
                    tally["idle"] += 1
                    time.sleep(0.05)
                    continue
                alone = hall.link.server is None
                tally["called"] += 1
                tally["offline_calls"] += alone
                say(called=result.called.number, uuid=result.called.uuid, counter=number, offline=alone)
            elif roll < 0.70:
                say(serving=hall.run(lambda h: h.queue.start_serving(number)).number, counter=number)
            elif roll < 0.82:
                done = hall.run(lambda h: h.queue.finish(number))
                say(finished=done.number, counter=number)
            elif roll < 0.88:
                say(recalled=hall.run(lambda h: h.queue.recall(number)).ticket.number, counter=number)
            elif roll < 0.93:
                gone = hall.run(lambda h: h.queue.no_show(number))
                say(no_show=gone.number, counter=number)
                if rng.random() < 0.5:
                    say(requeued=hall.run(lambda h, n=gone.number: h.queue.requeue(n)).number)
            else:
                to = rng.choice(others)
                say(transferred=hall.run(lambda h, s=to: h.queue.transfer(number, s)).number, counter=number)
        except HallError:
            tally["refused"] += 1
        except StoreUnavailable as exc:
            tally["unavailable"] += 1
            say(unavailable=exc.reason)
            time.sleep(0.2)
        time.sleep(args.pause)
    return tally


def hand_over_all(hall: Any, deadline_s: float = SYNC_DEADLINE_S) -> dict[str, int]:
    """``hall sync`` until nothing is pending or parked (a parked action waits for another PC's
    hand-over; the others are handing over at the same time)."""
    deadline = time.monotonic() + deadline_s
    rounds = 0
    while True:
        status = hall.link_status()
        if not status.pending and not status.parked:
            break
        if time.monotonic() > deadline:
            break
        rounds += 1
        with contextlib.suppress(StoreUnavailable):  # gone again: the next round tries again
            hall.link.hand_over()
        time.sleep(0.3)
    status = hall.link_status()
    return {"pending": status.pending, "parked": status.parked, "rounds": rounds}


def work_alone(hall: Any, rng: random.Random, ops: int) -> dict[str, int]:
    """A desk on its own (the server does not answer): issue, print the slip (the job, then that it
    came out: two actions), call by number, finish, the customer's rating; each action one journal
    entry."""
    tally = {"issued": 0, "printed": 0, "called": 0, "finished": 0, "rated": 0, "refused": 0}
    waiting: list[str] = []
    slips: list[int] = []  # the PC's own ids of tickets issued here, to print a slip of
    done = 0
    while done < ops:
        try:
            roll = rng.random()
            if not waiting or roll < 0.35:
                issued = hall.run(lambda h: h.queue.issue(rng.choice("AABC")))
                waiting.append(issued.ticket.number)
                slips.append(issued.ticket.id)
                tally["issued"] += 1
                say(issued=issued.ticket.number, uuid=issued.ticket.uuid, offline=True)
            elif roll < 0.45 and slips and done + 2 <= ops:
                ticket_id = rng.choice(slips[-5:])  # now and then a reprint (补打)
                job = hall.run(lambda h, t=ticket_id: h.print_jobs.start("ticket", t, "pdf:desk"))
                done += 1
                hall.run(lambda h, j=job: h.print_jobs.finish(j, ok=True))
                tally["printed"] += 1
                say(printed=job.uuid, reprint=job.reprint)
            elif roll < 0.75:
                wanted = waiting.pop(0)
                called = hall.run(lambda h, n=wanted: h.queue.call_number(1, n)).called
                tally["called"] += 1
                say(called=called.number, uuid=called.uuid, counter=1, offline=True)
            else:
                finished = hall.run(lambda h: h.queue.finish(1))
                tally["finished"] += 1
                say(finished=finished.number, counter=1)
                if done + 2 <= ops and rng.random() < 0.5:
                    done += 1
                    level = rng.choice(["very_satisfied", "satisfied", "neutral"])
                    hall.run(lambda h, n=finished.number, v=level: h.quality.ratings.rate(v, number=n))
                    tally["rated"] += 1
                    say(rated=finished.number, level=level)
            done += 1
        except HallError:
            tally["refused"] += 1
    if hall.link.server is not None:
        raise SystemExit("the server answered: this desk was meant to work alone")
    return tally


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("role", choices=["kiosk", "counter", "offline", "sync"])
    parser.add_argument("--dsn", required=True)
    parser.add_argument("--db", required=True)
    parser.add_argument("--pc", required=True)
    parser.add_argument("--barrier")
    parser.add_argument("--stop")
    parser.add_argument("--seconds", type=float, default=600.0)
    parser.add_argument("--numbers")
    parser.add_argument("--ops", type=int, default=100)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--counter", type=int, default=1)
    parser.add_argument("--pause", type=float, default=0.0)
    parser.add_argument("--start", default=DEFAULT_START)
    args = parser.parse_args(argv)

    hall = open_pc(args.dsn, args.db, pc=args.pc, clock=make_clock(args.start))
    try:
        if args.role in ("kiosk", "counter"):
            hall.changes.start(lambda areas: None)  # the server's push and heartbeat, as the windows do
        say(ready=args.role, online=online(hall), tag=hall.link_status().tag)
        wait_for(args.barrier, timeout=120.0)
        rng = random.Random(args.seed)
        deadline = time.monotonic() + args.seconds
        if args.role == "kiosk":
            tally = kiosk(hall, rng, args, deadline)
            say(done=tally, **hand_over_all(hall))
        elif args.role == "counter":
            tally = counter(hall, rng, args, deadline)
            say(done=tally, **hand_over_all(hall))
        elif args.role == "offline":
            say(done=work_alone(hall, rng, args.ops))
        else:
            # opening the PC hands over what waits already; a second run finds what is left
            reports = [r for r in (hall.link.last_hand_over, hall.link.hand_over()) if r is not None]
            say(
                done={
                    key: sum(getattr(r, key) for r in reports)
                    for key in ("applied", "already", "conflicts", "parked")
                }
            )
    finally:
        hall.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
