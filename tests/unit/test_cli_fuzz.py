"""No input makes a traceback (issue #12): every command of the command line, its arguments drawn by
hypothesis from hostile values (2⁶³, −1, dates past the calendar, ANSI and bidi text, devices, FIFOs,
folders, binary files), ends with exit 0, 2, 3 or 4, never 1; and a refusal (2, 4) leaves the hall
exactly as it was.

The commands are found in ``build_parser()`` itself, so a command added later is fuzzed too. ``gui``
(starts windows) and ``init`` (creates a hall; ``--demo`` loads weeks of history) are left out."""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import sqlite3
import stat
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from payment_data import account_line, payment_profile, write_list

from counter_app import app, cli

pytestmark = pytest.mark.usefixtures("qapp")

SKIPPED = {"gui", "init"}
FUZZ_EXAMPLES = int(os.environ.get("COUNTER_APP_FUZZ_EXAMPLES", "200"))


@dataclass(frozen=True)
class Command:
    words: tuple[str, ...]
    actions: tuple[argparse.Action, ...]


def commands(parser: argparse.ArgumentParser, words: tuple[str, ...] = ()) -> Iterator[Command]:
    subs = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if subs:
        for name, sub in subs[0].choices.items():
            if not words and name in SKIPPED:
                continue
            yield from commands(sub, (*words, name))
        return
    own = tuple(
        a
        for a in parser._actions
        if not isinstance(a, argparse._HelpAction) and a.dest not in ("db", "profile")
    )
    yield Command(words, own)


ALL = tuple(commands(cli.build_parser()))

NUMBERS = ["1", "3", "6", "0", "-1", "99", "9223372036854775808", "-9223372036854775809", "1e3", "", "٣"]
DATES = ["2026-12-03", "9999-12-31", "0001-01-01", "2026-02-30", "2026-12", "1900-01-01", "x", "2026-1-1"]
TEXTS = [
    "A001",
    "A999",
    "B001",
    "0107",
    "wechat",
    "gb18030",
    "\x1b[31m红\x1b[0m",
    "王\u202e五",
    "\u2066李\u2069",
    "a\x00b",
    "x" * 5000,
    "0500000001",
    "-",
    "",
    "'; DROP TABLE tickets; --",
    "%s%n",
]


@dataclass(frozen=True)
class Files:
    """Paths a command may be given: inputs that must be refused, outputs good and bad."""

    good_out: Path
    fifo: Path
    folder: Path
    binary: Path
    empty: Path
    good_list: Path
    missing: Path

    def inputs(self) -> list[str]:
        return [
            str(p) for p in (self.fifo, self.folder, self.binary, self.empty, self.good_list, self.missing)
        ] + ["/dev/zero"]

    def outputs(self) -> list[str]:
        return [
            str(self.good_out),
            str(self.fifo),
            str(self.folder),
            "/proc/x.pdf",
            str(self.missing / "x" / "y"),
        ]


INPUT_ARGS = {"file"}
OUTPUT_ARGS = {"--pdf", "--csv", "--xlsx", "--rejects", "--screenshot"}
DATE_ARGS = {"date", "start", "end", "--date", "--from", "--to", "--as-of", "--month"}


def values_for(action: argparse.Action, files: Files) -> st.SearchStrategy[str]:
    name = action.option_strings[0] if action.option_strings else action.dest
    if action.choices:
        return st.sampled_from([*map(str, action.choices), "bogus"])
    if name in INPUT_ARGS:
        return st.sampled_from(files.inputs())
    if name in OUTPUT_ARGS:
        return st.sampled_from(files.outputs())
    if (name in DATE_ARGS and name != "--to") or name == "--from":
        return st.one_of(st.sampled_from(DATES), st.dates().map(str))
    if action.type is not None:
        return st.one_of(st.sampled_from(NUMBERS), st.integers().map(str))
    return st.one_of(st.sampled_from(TEXTS), st.text(max_size=12))


@st.composite
def argvs(draw: st.DrawFn, files: Files) -> list[str]:
    command = draw(st.sampled_from(ALL))
    argv = list(command.words)
    for action in command.actions:
        if action.option_strings:
            if not action.required and not draw(st.booleans()):
                continue
            argv.append(action.option_strings[0])
            if action.nargs == 0:
                continue
        argv.append(draw(values_for(action, files)))
    return argv


def dump(db: Path) -> list[str]:
    """The whole hall database as SQL text (read-only: looking changes nothing)."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@pytest.fixture(scope="module")
def fuzz_hall(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Files]:
    folder = tmp_path_factory.mktemp("fuzz")
    profile = payment_profile(folder / "profile")
    db = folder / "hall.sqlite3"
    hall = app.open_hall(db, profile_file=profile, create=True)
    try:
        hall.account_import.run(write_list(folder / "list.csv", [account_line(1, name="张三明")]))
        hall.queue.issue("A")
        hall.queue.issue("B")
    finally:
        hall.close()
    fifo = folder / "fifo"
    os.mkfifo(fifo)
    (folder / "a-folder").mkdir()
    (folder / "binary.bin").write_bytes(bytes(range(256)) * 4)
    (folder / "empty.csv").write_bytes(b"")
    files = Files(
        good_out=folder / "out" / "paper.pdf",
        fifo=fifo,
        folder=folder / "a-folder",
        binary=folder / "binary.bin",
        empty=folder / "empty.csv",
        good_list=write_list(folder / "list2.csv", [account_line(2, name="李四")]),
        missing=folder / "missing",
    )
    return db, files


_WORK_FOLDER = tempfile.TemporaryDirectory(prefix="cli-fuzz-")
"""The commands' working folder: a fuzzed relative path (``outbox export x``, ``backup x``) lands
here, never in the checkout the tests run from."""


def run_cli(argv: list[str]) -> tuple[int, str]:
    err = io.StringIO()
    with (
        contextlib.chdir(_WORK_FOLDER.name),
        contextlib.redirect_stderr(err),
        contextlib.redirect_stdout(io.StringIO()),
    ):
        try:
            code = app.main(argv)
        except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
            code = exc.code if isinstance(exc.code, int) else 2
    return code, err.getvalue()


def test_every_command_is_fuzzed() -> None:
    names = {" ".join(c.words) for c in ALL}
    assert {"ticket call", "workdays add", "application due", "slip payment", "accounts import"} <= names
    assert not names & SKIPPED


@settings(
    max_examples=FUZZ_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=os.environ.get("COUNTER_APP_FUZZ_RANDOM") is None,
)
@given(data=st.data())
def test_no_argument_makes_a_traceback_and_refusals_change_nothing(
    fuzz_hall: tuple[Path, Files], data: st.DataObject
) -> None:
    db, files = fuzz_hall
    argv = data.draw(argvs(files), label="argv")
    before = dump(db)
    code, err = run_cli([*argv, "--db", str(db)])
    assert code in (0, 2, 3, 4), f"exit {code} for {argv!r}:\n{err[-2000:]}"
    assert "Traceback" not in err
    if code in (2, 4):
        assert dump(db) == before, f"{argv!r} was refused (exit {code}) but changed the hall"
    assert stat.S_ISFIFO(os.lstat(files.fifo).st_mode)  # never replaced by a file


@pytest.mark.parametrize(
    "argv",
    [
        ["ticket", "call", "--counter", "9223372036854775808"],
        ["ticket", "call", "--counter", "-1"],
        ["ticket", "call", "--counter", "99"],
        ["counter", "open", "9223372036854775808"],
        ["visit", "desk", "--counter", "18446744073709551616"],
        ["workdays", "add", "9999-12-31", "5"],
        ["workdays", "between", "0001-01-01", "9999-12-31"],
        ["workdays", "add", "9999-12-30", "2"],
        ["workdays", "year", "99999999999"],
        ["application", "due", "--within", "1000000000"],
        ["staff", "add", "0107", "x" * 100_000],
        ["staff", "add", "0107", "\x1b[31mred"],
        ["staff", "add", "0107", "ab\u202ecd"],
        ["accounts", "import", "/dev/zero"],
    ],
)
def test_reproducers_of_the_issue_are_plain_refusals(fuzz_hall: tuple[Path, Files], argv: list[str]) -> None:
    db, _ = fuzz_hall
    before = dump(db)
    code, err = run_cli([*argv, "--db", str(db)])
    assert code == cli.EXIT_REFUSED and "Traceback" not in err
    assert err.strip().splitlines()[-1].startswith('{"error": ')
    assert dump(db) == before


@pytest.mark.parametrize(
    "argv",
    [
        ["workdays", "between", "9999-12-31", "9999-12-31"],
        ["workdays", "between", "9999-12-01", "9999-12-31"],
    ],
)
def test_the_last_days_of_the_calendar_count(fuzz_hall: tuple[Path, Files], argv: list[str]) -> None:
    """Found by the fuzz: counting up to 9999-12-31 stepped one day past it (OverflowError)."""
    db, _ = fuzz_hall
    code, err = run_cli([*argv, "--db", str(db)])
    assert code == 0 and "Traceback" not in err, err


def test_a_binary_profile_is_a_plain_refusal(fuzz_hall: tuple[Path, Files]) -> None:
    db, files = fuzz_hall
    before = dump(db)
    for profile in (files.binary, Path("/dev/zero"), files.fifo, files.folder):
        code, err = run_cli(["queue", "status", "--db", str(db), "--profile", str(profile)])
        assert code == cli.EXIT_REFUSED and '"error": "profile_unreadable"' in err, err
    assert dump(db) == before


def test_a_hall_from_a_newer_version_is_a_plain_refusal(tmp_path: Path) -> None:
    db = tmp_path / "newer.sqlite3"
    app.open_hall(db, create=True).close()
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    before = dump(db)
    code, err = run_cli(["ticket", "issue", "A", "--db", str(db)])
    assert code == cli.EXIT_REFUSED and '"error": "hall_db_newer"' in err, err
    assert dump(db) == before


@pytest.mark.parametrize("encoding", ["a\x00b", "x" * 5000, "utf-16", "nonesuch"])
def test_an_unusable_encoding_name_is_a_plain_refusal(fuzz_hall: tuple[Path, Files], encoding: str) -> None:
    """Found by the fuzz: a NUL in ``--encoding`` made ``codecs.lookup`` raise ValueError."""
    db, files = fuzz_hall
    before = dump(db)
    code, err = run_cli(["accounts", "import", str(files.good_list), "--encoding", encoding, "--db", str(db)])
    assert code == cli.EXIT_REFUSED and "Traceback" not in err, err
    assert dump(db) == before
