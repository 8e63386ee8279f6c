"""Two kiosks and eight counters, each a PC process of its own, working flat out on one hall server.

They run for ``COUNTER_APP_SYSTEM_SECONDS`` seconds (20 by default; CI uses the default). No number
is given twice, none is skipped, no ticket is called twice, every state is reached by allowed steps,
and every number a kiosk was told and every call a counter was told is on the server.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hall_cluster import HallCluster, Pc, connect, finish_all, hall_cluster, kill_all, start_all, start_pc
from server_invariants import (
    calls_on_server,
    issued_once,
    nobody_called_twice,
    numbers_unique_and_gapless,
    transitions_follow_the_log,
)

pytestmark = pytest.mark.system

KIOSKS, COUNTERS = 2, 8
SECONDS = float(os.environ.get("COUNTER_APP_SYSTEM_SECONDS", "20"))


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HallCluster]:
    with hall_cluster(tmp_path_factory.mktemp("hall-load")) as made:
        yield made


def test_two_kiosks_and_eight_counters_keep_the_line_whole(cluster: HallCluster, tmp_path: Path) -> None:
    dsn = cluster.make_hall()
    barrier, numbers = tmp_path / "go", tmp_path / "numbers"
    timing = ["--barrier", str(barrier), "--seconds", str(SECONDS), "--numbers", str(numbers)]
    # the kiosks pause a little so that the counters' "next" finds people waiting, as in a hall
    pcs: list[Pc] = [
        start_pc("kiosk", f"kiosk{k}", dsn, tmp_path, *timing, "--seed", str(k), "--pause", "0.01")
        for k in range(1, KIOSKS + 1)
    ]
    pcs += [
        start_pc(
            "counter", f"counter{n}", dsn, tmp_path, *timing, "--seed", str(100 + n), "--counter", str(n)
        )
        for n in range(1, COUNTERS + 1)
    ]
    try:
        start_all(pcs, barrier)
    except BaseException:
        kill_all(pcs)
        raise
    finish_all(pcs, timeout=SECONDS + 120)

    kiosks, counters = pcs[:KIOSKS], pcs[KIOSKS:]
    assert all(pc.done["done"]["unavailable"] == 0 for pc in pcs), [pc.done for pc in pcs]
    assert all(pc.done["pending"] == 0 and pc.done["parked"] == 0 for pc in pcs), "a PC worked alone"
    issued = [line for pc in kiosks for line in pc.acknowledged("issued")]
    calls = [line for pc in counters for line in pc.acknowledged("called")]
    assert issued and calls
    assert not any(line["offline"] for line in issued + calls), "the server never went away"

    with connect(dsn) as conn:
        series = numbers_unique_and_gapless(conn)
        assert all(len(prefix) == 1 for _, prefix in series)
        assert issued_once(conn, issued) == 0
        calls_on_server(conn, calls)
        called = nobody_called_twice(conn)
        assert called >= len(calls)
        transitions_follow_the_log(conn)
    print(f"{len(issued)} numbers issued, {len(calls)} calls in {SECONDS:.0f} s")  # shown with -s
