"""The command line of applications, the calendar and the staff list: JSON out, the hall's exit codes."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from application_data import home
from cli_runner import CliRun

from counter_app import paths
from counter_app.app import main, open_hall
from counter_app.cli import EXIT_REFUSED, EXIT_STORE_UNAVAILABLE
from counter_app.domain.applications.detail import ApplicationRequest


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = str(tmp_path / "hall.sqlite3")
    assert main(["--db", path, "init"]) == 0
    return path


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], db: str) -> CliRun:
    return CliRun(capsys, "--db", db)


@pytest.fixture
def accepted(db: str) -> str:
    """One residential application taken on Monday 3 March 2025 (long overdue by now)."""
    moment = datetime(2025, 3, 3, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
    hall = open_hall(db, profile_file=paths.DEFAULT_PROFILE, clock=lambda: moment, create=True)
    try:
        form = home()
        return str(hall.applications.accept(ApplicationRequest(form=form), clerk="0107").number)
    finally:
        hall.close()


def test_types_list_every_business_with_stages_limits_and_sources(run: CliRun) -> None:
    types = {t["code"]: t for t in run("application", "types")}
    assert len(types) >= 12
    home = types["lv_residential_new"]
    assert home["names"]["zh_CN"] == "低压居民新装"
    assert home["whole_process_limit"]["working_days"] == 5
    assert "十项承诺" in home["whole_process_limit"]["source"]
    assert home["whole_process_limit"]["effective"] == "unconfirmed"
    assert [s["code"] for s in home["stages"]] == ["accept_sign", "build_connect"]
    assert types["hv_new_dual"]["whole_process_limit"]["working_days"] == 32
    assert {d["kind"] for d in types["ev_charger"]["documents"]} == {"identity", "property", "other"}
    shop = types["lv_non_residential_new"]["whole_process_limit"]
    assert shop["working_days"] == 5 and "2025" in shop["document"]  # the strictest rule in force
    assert [r["working_days"] for r in shop["also"]] == [6] and "十项承诺" in shop["also"][0]["source"]


def _limits(t: dict[str, Any]) -> list[dict[str, Any]]:
    found = [t["whole_process_limit"], t["whole_process_limit_with_external_works"]]
    found += [s["limit"] for s in t["stages"]]
    found += [rule for limit in list(found) for rule in limit.get("also", [])]
    return found


def test_types_show_a_source_and_effective_date_for_every_limit(run: CliRun) -> None:
    """Every limit names its document, number and effective date (or says it is unconfirmed), or
    says no limit is published, or that the step is the customer's own work."""
    for t in run("application", "types"):
        for limit in _limits(t):
            if limit["working_days"] is None:
                assert limit["note"] in ("no published limit", "the customer's own work: no clock runs")
                continue
            assert limit["document"] and limit["source"].startswith(limit["document"])
            assert limit["number"] and limit["effective"] and limit["confidence"]
            unsure = "unconfirmed" in (limit["number"], limit["effective"], limit["confidence"])
            assert limit["unconfirmed"] is (unsure or limit["confidence"] == "weak")
        for rule in t["change_rules"]:
            assert rule["source"] and rule["effective"] and isinstance(rule["value"], int)
    types = {t["code"]: t for t in run("application", "types")}
    assert types["split"]["whole_process_limit"] == {"working_days": None, "note": "no published limit"}
    stages = {s["code"]: s for s in types["hv_new_single"]["stages"]}
    assert stages["customer_works"]["party"] == "customer"
    assert stages["plan_reply"]["limit"]["working_days"] == 15
    pause_rules = {r["rule"]: r for r in types["pause"]["change_rules"]}
    assert pause_rules["pause_min_days"]["number"] == "发改办价格〔2016〕1583号"
    assert pause_rules["pause_notice_days"]["unconfirmed"] is True
    assert types["temporary_swap"]["voltages"] == ["10kV", "20kV", "35kV", "66kV", "110kV"]


@pytest.mark.parametrize(
    ("start", "n", "due"),
    [
        ("2026-09-30", 1, "2026-10-08"),  # across National Day 2026
        ("2026-09-30", 3, "2026-10-10"),  # the make-up Saturday counts
        ("2026-02-13", 1, "2026-02-14"),  # Spring Festival 2026: make-up Saturday before it
        ("2026-02-14", 1, "2026-02-24"),  # then nine days off
        ("2025-01-24", 1, "2025-01-26"),  # Spring Festival 2025: make-up Sunday
        ("2025-03-03", 0, "2025-03-03"),
    ],
)
def test_workdays_add_follows_the_official_calendar(run: CliRun, start: str, n: int, due: str) -> None:
    out = run("workdays", "add", start, str(n))
    assert out["date"] == due and out["provisional"] is False and out["start"] == start


def test_workdays_into_an_unpublished_year_say_provisional(run: CliRun) -> None:
    out = run("workdays", "add", "2026-12-28", "5")
    # 29, 30, 31 Dec, (元旦 off by law), 4, 5 Jan 2027
    assert out["date"] == "2027-01-05" and out["provisional"] is True and out["provisional_years"] == [2027]
    between = run("workdays", "between", "2026-09-30", "2026-10-10")
    assert between["workdays"] == 3


@pytest.mark.parametrize(
    "argv", [("workdays", "add", "2026-02-30", "1"), ("workdays", "add", "2026-01-01", "-1")]
)
def test_bad_dates_and_negative_days_are_usage_errors(db: str, argv: tuple[str, ...]) -> None:
    with pytest.raises(SystemExit) as caught:
        main([*argv, "--db", db])
    assert caught.value.code == 2


def test_due_lists_overdue_applications_masked(run: CliRun, accepted: str) -> None:
    out = run("application", "due", "--within", "2")
    assert [a["number"] for a in out["applications"]] == [accepted]
    row = out["applications"][0]
    assert row["overdue"] is True and row["due"] == "2025-03-10"
    assert (row["name"], row["mobile"], row["id_number"]) == ("张*明", "138****5678", "110105********002X")
    assert out["counts"]["overdue"] == 1 and out["due_soon_workdays"] == 2
    assert "13812345678" not in json.dumps(out, ensure_ascii=False)


def test_list_and_show_are_masked(run: CliRun, accepted: str) -> None:
    listed = run("application", "list", "--search", "建国路")
    assert [a["number"] for a in listed["applications"]] == [accepted]
    assert run("application", "list", "--state", "completed")["total"] == 0
    shown = run("application", "show", accepted)
    assert shown["applicant"]["id_number"] == "110105********002X"
    assert shown["history"][0]["kind"] == "accepted" and shown["owner"] == "0107"
    assert [d["state"] for d in shown["documents"]] == ["presented", "owed"]


def test_unknown_application_is_refused_with_its_code(run: CliRun) -> None:
    run("application", "show", "YK20990101-0001", code=EXIT_REFUSED)
    assert run.err["error"] == "unknown_application"


@pytest.mark.usefixtures("qapp")  # fonts need a GUI application; let pytest-qt own it
def test_print_writes_a_pdf_and_records_the_job(run: CliRun, accepted: str, tmp_path: Path) -> None:
    out = run("application", "print", accepted, "--pdf", str(tmp_path / "r.pdf"), "--paper", "a5")
    assert out["kind"] == "receipt" and out["reprint"] is False and (tmp_path / "r.pdf").stat().st_size > 1000
    again = run("application", "print", accepted, "--pdf", str(tmp_path / "n.pdf"), "--notice")
    assert again["kind"] == "notice" and again["paper"] == "a4"
    run(
        "application",
        "print",
        accepted,
        "--pdf",
        str(tmp_path / "x.pdf"),
        "--notice",
        "--paper",
        "80mm",
        code=EXIT_REFUSED,
    )
    assert run.err["error"] == "unknown_paper"


def test_staff_add_list_deactivate(run: CliRun) -> None:
    assert run("staff", "add", "0001", "赵值班", "--role", "supervisor") == {
        "code": "0001",
        "name": "赵值班",
        "role": "supervisor",
        "active": True,
    }
    run("staff", "add", "0107", "王芳")
    assert [m["code"] for m in run("staff", "list")] == ["0001", "0107"]
    assert run("staff", "deactivate", "0001")["active"] is False
    run("staff", "deactivate", "0999", code=EXIT_REFUSED)
    assert run.err["error"] == "unknown_staff"
    run("staff", "add", "bad code", "x", code=EXIT_REFUSED)
    assert run.err["error"] == "staff_code_invalid"


def test_an_unopenable_database_is_exit_4(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "a-folder"
    folder.mkdir()
    assert main(["application", "due", "--db", str(folder)]) == EXIT_STORE_UNAVAILABLE
    assert json.loads(capsys.readouterr().err.strip().splitlines()[-1])["error"].startswith("store_")
