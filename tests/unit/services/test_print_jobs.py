"""Print jobs: the first paper that comes out is the original, whatever failed before it."""

from __future__ import annotations

import pytest

from counter_app.services.hall import Hall


@pytest.mark.parametrize("document", ["ticket", "payment_slip", "application_receipt", "one_time_notice"])
def test_failed_attempts_do_not_count_as_a_paper(hall: Hall, document: str) -> None:
    jobs = hall.print_jobs
    for _ in range(2):  # no printer, twice
        failed = jobs.start(document, 7, "system")
        assert not failed.reprint
        jobs.finish(failed, ok=False, error="No default printer")
    first = jobs.start(document, 7, "system")
    assert not first.reprint
    jobs.finish(first, ok=True)
    assert jobs.start(document, 7, "system").reprint
    assert not jobs.start(document, 8, "system").reprint  # another record has its own original


def test_a_job_left_pending_may_have_printed(hall: Hall) -> None:
    """A process that died while sending cannot say the paper did not come out: the next is 补打."""
    hall.print_jobs.start("ticket", 3, "escpos-net:10.0.0.9:9100")
    assert hall.print_jobs.start("ticket", 3, "escpos-net:10.0.0.9:9100").reprint
