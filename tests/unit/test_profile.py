"""Parsing the hall profile: the shipped default, and the mistakes that must be refused clearly."""

from __future__ import annotations

import re
from datetime import time

import pytest

from counter_app import paths
from counter_app.domain.errors import InvalidInput
from counter_app.domain.profile import parse_profile_text
from counter_app.services.hall import read_profile_files

MINIMAL = """
[hall]
name = "测试营业厅"
day_start = "{day_start}"

[[services]]
code = "A"
names = {{ zh_CN = "缴费" }}

[[services]]
code = "{second}"
names = {{ zh_CN = "咨询" }}

[green_channel]
prefix = "{green}"

[[counters]]
number = 1
services = {services}
{weights}
"""


def profile_text(
    day_start: str = "04:00",
    second: str = "C",
    green: str = "V",
    services: str = '["A", "C"]',
    weights: str = "",
    extra: str = "",
) -> str:
    return (
        MINIMAL.format(day_start=day_start, second=second, green=green, services=services, weights=weights)
        + extra
    )


def test_shipped_default_profile() -> None:
    profile = parse_profile_text(*read_profile_files(paths.DEFAULT_PROFILE))
    assert [s.code for s in profile.services] == ["A", "B", "C", "D"]
    assert [c.number for c in profile.counters] == [1, 2, 3, 4, 5, 6]
    assert profile.green_prefix == "V"
    assert profile.hall.day_start == time(4, 0)
    assert profile.counter(1).weights == {"A": 3, "C": 1}
    assert profile.counter(4).services == ("B", "A")
    assert profile.counters_serving("B") == (3, 4)
    assert profile.queue.max_recalls == 2 and profile.queue.requeue_minutes == 30
    assert profile.service("A").default_service_minutes == 4.0
    assert profile.green_reason("elderly").names.get("en") == "Elderly"
    assert profile.service("Z") is None and profile.counter(9) is None


def test_minimal_profile_parses() -> None:
    profile = parse_profile_text(profile_text())
    assert profile.counter(1).services == ("A", "C")
    assert profile.counter(1).weights == {}
    assert profile.hall.name.get("en") == "测试营业厅"  # falls back to zh_CN


def refused(text: str) -> InvalidInput:
    with pytest.raises(InvalidInput) as err:
        parse_profile_text(text)
    assert err.value.code == "bad_profile"
    assert err.value.field == "profile"
    assert str(err.value).startswith("Hall profile: ")
    return err.value


def test_counter_serving_an_unknown_service_is_refused() -> None:
    error = refused(profile_text(services='["A", "Q"]'))
    assert "counter 1" in str(error) and "'Q'" in str(error)


def test_counter_serving_nothing_is_refused() -> None:
    assert "counter 1" in str(refused(profile_text(services="[]")))


def test_duplicate_service_letter_is_refused() -> None:
    assert "service letter A is used twice" in str(refused(profile_text(second="A")))


@pytest.mark.parametrize("code", ["a", "AB", "1", ""])
def test_service_letter_must_be_one_capital(code: str) -> None:
    assert "must be one capital letter" in str(refused(profile_text(second=code, services='["A"]')))


@pytest.mark.parametrize("green", ["A", "C"])
def test_green_prefix_clashing_with_a_service_is_refused(green: str) -> None:
    error = refused(profile_text(green=green))
    assert f"green_channel.prefix '{green}'" in str(error)
    assert "no service uses" in str(error)


@pytest.mark.parametrize("green", ["v", "VV", ""])
def test_green_prefix_must_be_a_capital_letter(green: str) -> None:
    assert "green_channel.prefix" in str(refused(profile_text(green=green)))


@pytest.mark.parametrize("day_start", ["25:00", "4am", "04:00:00", "04", "", "04:61"])
def test_bad_day_start_is_refused(day_start: str) -> None:
    error = refused(profile_text(day_start=day_start))
    assert re.search(r"hall\.day_start must look like 04:00, not '.*'", str(error))


def test_weights_only_for_served_services_and_at_least_one() -> None:
    assert "weights" in str(refused(profile_text(weights="weights = { B = 2 }")))
    assert "weights" in str(refused(profile_text(weights="weights = { A = 0 }")))


@pytest.mark.parametrize("weights", ['weights = { A = "x" }', "weights = { A = 2.5 }"])
def test_weights_must_be_whole_numbers(weights: str) -> None:
    assert "weights must be whole numbers" in str(refused(profile_text(weights=weights)))


@pytest.mark.parametrize(
    "reasons",
    ['reasons = ["elderly"]', 'reasons = [{ names = { zh_CN = "老年人" } }]', 'reasons = [{ code = "" }]'],
)
def test_green_reason_without_a_code_is_refused_clearly(reasons: str) -> None:
    text = profile_text().replace('prefix = "V"', f'prefix = "V"\n{reasons}')
    assert "green_channel.reasons[0] needs a code" in str(refused(text))


def test_counter_listed_twice_is_refused() -> None:
    extra = '\n[[counters]]\nnumber = 1\nservices = ["A"]\n'
    assert "counter 1 is listed twice" in str(refused(profile_text(extra=extra)))


def test_no_services_is_refused() -> None:
    assert "at least one service" in str(refused('[hall]\nname = "x"\n'))


def test_not_toml_is_refused() -> None:
    assert "not valid TOML" in str(refused("[hall\nname = "))


@pytest.mark.parametrize(
    ("extra", "needle"),
    [
        ("\n[queue]\nmax_recalls = -1\n", "queue.max_recalls"),
        ('\n[queue]\nrequeue_minutes = "30"\n', "queue.requeue_minutes"),
        ("\n[queue]\nestimate_window = 0\n", "queue.estimate_window"),
    ],
)
def test_queue_numbers_must_be_whole_and_in_range(extra: str, needle: str) -> None:
    assert needle in str(refused(profile_text(extra=extra)))


def test_bad_language_and_url_are_refused() -> None:
    text = profile_text().replace('day_start = "04:00"', 'day_start = "04:00"\nlanguage = "fr"')
    assert "hall.language" in str(refused(text))
    text = profile_text().replace('day_start = "04:00"', 'day_start = "04:00"\npay_online_url = "ftp://x"')
    assert "pay_online_url" in str(refused(text))


def test_a_missing_included_part_is_refused() -> None:
    text = 'includes = ["profile/extra.toml"]\n' + profile_text()
    assert "included part profile/extra.toml is missing" in str(refused(text))
    assert parse_profile_text(text, {"profile/extra.toml": '[notice]\nzh_CN = "x"\n'}).notice.zh_CN == "x"


def test_the_shipped_profile_cites_its_sources_not_a_file_outside_the_repository() -> None:
    """Comments name the rule or document itself (十项承诺 2023, 供电营业规则 2024, …): a hall's IT has
    no DOMAIN.md to look a reference up in."""
    from counter_app import paths

    files = [paths.DEFAULT_PROFILE, *sorted((paths.DEFAULT_PROFILE.parent / "profile").glob("*.toml"))]
    assert len(files) >= 4
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert "DOMAIN.md" not in text, path.name
