"""A hall role as a separate process, for the system tests: a kiosk, a counter, or a crash victim.

Each process opens the hall itself (its own connection, as a real kiosk or counter PC would), prints
``{"ready": …}``, waits for the start barrier (a file the test creates), then works and prints one JSON
line per *acknowledged* action, i.e. after the service method has returned (after the commit):

    python tests/system/driver.py kiosk   --db F --barrier B --ops 150 --seed 1
    python tests/system/driver.py counter --db F --barrier B --ops 150 --seed 2 --counter 3
    python tests/system/driver.py issuer  --db F            # issues until killed (crash test)

The clock is the hall's day at ``--start`` plus the real time elapsed, so every process of one run
works on the same business day whatever the time of day the tests run.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

from counter_app import paths
from counter_app.app import open_hall
from counter_app.domain.errors import HallError, StoreUnavailable
from counter_app.domain.queue import CounterState

DEFAULT_START = "2025-03-03T09:00:00+08:00"


def say(**fields: object) -> None:
    sys.stdout.write(json.dumps(fields) + "\n")
    sys.stdout.flush()


def make_clock(start: str):
    origin = datetime.fromisoformat(start)
    began = time.monotonic()

    def now() -> datetime:
        return origin + timedelta(seconds=time.monotonic() - began)

    return now


def wait_for(barrier: str | None, timeout: float = 60.0) -> None:
    if not barrier:
        return
    deadline = time.monotonic() + timeout
    while not Path(barrier).exists():
        if time.monotonic() > deadline:
            raise SystemExit("start barrier never came")
        time.sleep(0.002)


def kiosk(hall, rng: random.Random, ops: int) -> dict[str, int]:
    tally = {"issued": 0, "unavailable": 0}
    for _ in range(ops):
        service = rng.choice("AAABCCD")
        green = rng.random() < 0.05
        try:
            issued = hall.queue.issue(service, green=green, green_reason="elderly" if green else "")
        except StoreUnavailable as exc:
            tally["unavailable"] += 1
            say(unavailable=exc.reason)
            continue
        tally["issued"] += 1
        say(issued=issued.ticket.number, id=issued.ticket.id)
    return tally


def counter(hall, rng: random.Random, ops: int, number: int) -> dict[str, int]:
    """A clerk at the keys: mostly "next", sometimes start, finish, recall, no-show, transfer, pause."""
    tally = {"called": 0, "refused": 0, "unavailable": 0, "idle": 0}
    q = hall.queue
    services = hall.profile.counter(number).services
    others = [s.code for s in hall.profile.services if s.code not in services]
    for _ in range(ops):
        roll = rng.random()
        try:
            if roll < 0.55:
                result = q.call_next(number)
                if result.finished:
                    say(finished=result.finished.number, id=result.finished.id, counter=number)
                if result.called is None:
                    tally["idle"] += 1
                    continue
                tally["called"] += 1
                say(called=result.called.number, id=result.called.id, counter=number)
            elif roll < 0.70:
                say(serving=q.start_serving(number).number, counter=number)
            elif roll < 0.80:
                done = q.finish(number)
                say(finished=done.number, id=done.id, counter=number)
            elif roll < 0.86:
                say(recalled=q.recall(number).ticket.number, counter=number)
            elif roll < 0.91:
                gone = q.no_show(number)
                say(no_show=gone.number, counter=number)
                if rng.random() < 0.5:
                    say(requeued=q.requeue(gone.number).number)
            elif roll < 0.96:
                say(transferred=q.transfer(number, rng.choice(others)).number, counter=number)
            else:
                q.set_counter_state(number, CounterState.PAUSED)  # refused while a customer is there
                say(paused=number)
        except HallError:
            tally["refused"] += 1
        except StoreUnavailable as exc:
            tally["unavailable"] += 1
            say(unavailable=exc.reason)
    return tally


def issuer(hall) -> None:
    """Issue until killed; print each number once its transaction has committed."""
    codes = "ABCA"
    i = 0
    while True:
        green = i % 7 == 6
        issued = hall.queue.issue(codes[i % len(codes)], green=green, green_reason="elderly" if green else "")
        say(issued=issued.ticket.number, id=issued.ticket.id, service=issued.ticket.service_code)
        i += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("role", choices=["kiosk", "counter", "issuer"])
    parser.add_argument("--db", required=True)
    parser.add_argument("--barrier")
    parser.add_argument("--ops", type=int, default=150)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--counter", type=int, default=1)
    parser.add_argument("--start", default=DEFAULT_START)
    args = parser.parse_args(argv)

    hall = open_hall(args.db, profile_file=paths.DEFAULT_PROFILE, clock=make_clock(args.start))
    try:
        say(ready=args.role)
        wait_for(args.barrier)
        rng = random.Random(args.seed)
        if args.role == "kiosk":
            say(done=kiosk(hall, rng, args.ops))
        elif args.role == "counter":
            say(done=counter(hall, rng, args.ops, args.counter))
        else:
            issuer(hall)
    finally:
        hall.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
