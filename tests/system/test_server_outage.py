"""The hall server goes away while the PCs work: every PC carries on alone and hands over after.

* The server is stopped hard (``pg_ctl stop -m immediate``) while a kiosk and two counters, each a
  process of its own, keep working: the kiosk gives fallback numbers, the counters call the numbers
  in front of them and finish. The server comes back; after the hand-over every acknowledged action
  is on the server exactly once and every number is unique.
* One PC's cable is pulled (``tcp_proxy``: a silent cut, no reset) while the others go on through
  the server; the PC works alone and hands over when the cable is back.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hall_cluster import HallCluster, Pc, connect, hall_cluster, kill_all, start_all, start_pc, stop_all
from server_invariants import (
    calls_on_server,
    handed_over_once,
    issued_once,
    nobody_called_twice,
    numbers_unique_and_gapless,
    offline_calls_once,
    transitions_follow_the_log,
)
from tcp_proxy import TcpProxy

pytestmark = pytest.mark.system

BEFORE_S, OUTAGE_S, AFTER_S = 3.0, 6.0, 4.0


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HallCluster]:
    with hall_cluster(tmp_path_factory.mktemp("hall-outage")) as made:
        yield made


def three_pcs(dsns: list[str], folder: Path) -> list[Pc]:
    """A kiosk and two counters; ``dsns[i]`` is the way PC i reaches the server."""
    common = [
        "--barrier",
        str(folder / "go"),
        "--stop",
        str(folder / "stop"),
        "--numbers",
        str(folder / "numbers"),
    ]
    return [
        start_pc("kiosk", "kiosk1", dsns[0], folder, *common, "--seed", "1", "--pause", "0.05"),
        start_pc(
            "counter",
            "counter1",
            dsns[1],
            folder,
            *common,
            "--seed",
            "2",
            "--counter",
            "1",
            "--pause",
            "0.03",
        ),
        start_pc(
            "counter",
            "counter2",
            dsns[2],
            folder,
            *common,
            "--seed",
            "3",
            "--counter",
            "2",
            "--pause",
            "0.03",
        ),
    ]


def check_hall(dsn: str, pcs: list[Pc]) -> dict[str, int]:
    """What every outage test asks of the hall after the hand-over; the figures it found."""
    issued = [line for pc in pcs for line in pc.acknowledged("issued")]
    calls = [line for pc in pcs for line in pc.acknowledged("called")]
    for pc in pcs:
        assert pc.done["pending"] == 0 and pc.done["parked"] == 0, (pc.name, pc.done)
    with connect(dsn) as conn:
        numbers_unique_and_gapless(conn)
        unclaimed = issued_once(conn, issued)
        # a number the server committed in the instant it went away, the kiosk never told
        assert 0 <= unclaimed <= 1, unclaimed
        calls_on_server(conn, calls)
        nobody_called_twice(conn)
        transitions_follow_the_log(conn)
        outcomes = {pc.name: handed_over_once(conn, pc.name, pc.db) for pc in pcs}
        replayed_calls = sum(offline_calls_once(conn, pc.name, pc.db) for pc in pcs)
    return {
        "issued": len(issued),
        "issued_alone": sum(1 for line in issued if line["offline"]),
        "calls_alone": sum(1 for line in calls if line["offline"]),
        "handed_over": sum(sum(t.values()) for t in outcomes.values()),
        "conflicts": sum(t["conflict"] for t in outcomes.values()),
        "replayed_calls": replayed_calls,
    }


def test_server_stopped_hard_mid_run_nothing_lost_nothing_doubled(
    cluster: HallCluster, tmp_path: Path
) -> None:
    dsn = cluster.make_hall()
    pcs = three_pcs([dsn] * 3, tmp_path)
    try:
        start_all(pcs, tmp_path / "go")
        time.sleep(BEFORE_S)
        cluster.stop_hard()
        time.sleep(OUTAGE_S)
        cluster.start()
        time.sleep(AFTER_S)
        stop_all(pcs, tmp_path / "stop")
    finally:
        kill_all(pcs)

    figures = check_hall(dsn, pcs)
    print(figures)  # shown with -s
    assert figures["issued_alone"] > 0, "the kiosk never worked alone: the outage was not seen"
    assert figures["calls_alone"] > 0, "no counter called a number alone"
    assert figures["handed_over"] >= figures["issued_alone"] + figures["calls_alone"]
    kiosk = pcs[0]
    assert kiosk.done["done"]["issued"] == len(kiosk.acknowledged("issued"))
    # the kiosk went on through the whole outage: it never had to turn a customer away
    assert kiosk.done["done"]["unavailable"] == 0


def test_one_pc_cut_off_hands_over_when_its_cable_is_back(cluster: HallCluster, tmp_path: Path) -> None:
    dsn = cluster.make_hall()
    server = cluster.server
    proxy = TcpProxy(server.host, server.port)
    cut_dsn = dsn.replace(f"port={server.port}", f"port={proxy.port}")
    assert cut_dsn != dsn
    pcs = three_pcs([dsn, cut_dsn, dsn], tmp_path)  # counter1 reaches the server through the proxy
    try:
        start_all(pcs, tmp_path / "go")
        time.sleep(BEFORE_S)
        proxy.cut("blackhole")
        time.sleep(OUTAGE_S)
        proxy.restore()
        time.sleep(AFTER_S + 3)  # its watch notices within a few seconds and it hands over by itself
        stop_all(pcs, tmp_path / "stop")
    finally:
        kill_all(pcs)
        proxy.close()

    figures = check_hall(dsn, pcs)
    print(figures)  # shown with -s
    kiosk, cut, other = pcs
    assert not any(line["offline"] for line in kiosk.acknowledged("issued")), "the kiosk's server never went"
    assert not any(line["offline"] for line in other.acknowledged("called"))
    assert any(line["offline"] for line in cut.acknowledged("called")), "the cut counter never worked alone"
    assert figures["handed_over"] > 0
    # it handed over on its own once the cable was back, before it was told to stop
    assert cut.done["rounds"] == 0, cut.done
