"""The demo hall's desk work: an account list and a few installation applications, made through
the real import and the real application service (nothing written around them). Demo data only:
names are drawn from common surnames, account numbers start with 99 (no real account does in
the default profile's formats), phone numbers are in the 170 block, IDs carry a Tongliao area code
and a valid check digit but belong to nobody.
"""

from __future__ import annotations

import csv
import random
import tempfile
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from counter_app.domain.applications.detail import ApplicationRequest
from counter_app.domain.applications.intake import IntakeForm
from counter_app.domain.applications.values import ApplicantKind, CapacityUnit, TariffClass, VoltageLevel
from counter_app.domain.identity import IdType, resident_id_check_digit
from counter_app.services.hall import Hall

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华霞平刚桂兰志红建国玉梅海燕"
STREETS = ("建国路", "霍林河大街", "科尔沁大街", "民主路", "永安路", "新工一路", "和平路", "红星大街")
AREA = "150502"  # 科尔沁区, 通辽市 (a local code of the default profile)


def demo_name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


def demo_id(rng: random.Random) -> str:
    born = date(1950, 1, 1) + timedelta(days=rng.randrange(365 * 50))
    first17 = f"{AREA}{born:%Y%m%d}{rng.randrange(1000):03d}"
    return first17 + resident_id_check_digit(first17)


def demo_address(rng: random.Random) -> str:
    return f"通辽市科尔沁区{rng.choice(STREETS)}{rng.randrange(1, 300)}号"


def load_demo_accounts(hall: Hall, *, count: int = 600, seed: int = 11) -> dict[str, Any]:
    """Write a demo export (the marketing system's Chinese header) and import it like a hall would."""
    rng = random.Random(seed)
    today = hall.clock().date()
    as_of = today - timedelta(days=1)
    due = today.replace(day=25) if today.day < 25 else today + timedelta(days=25)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "demo-accounts.csv"
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            out = csv.writer(f)
            out.writerow(
                [
                    "户号",
                    "户名",
                    "用电地址",
                    "联系电话",
                    "用电类别",
                    "欠费金额（元）",
                    "缴费截止日期",
                    "数据日期",
                    "代扣",
                ]
            )
            for i in range(count):
                arrears = rng.choice(
                    ("0.00", "0.00", f"{rng.uniform(20, 400):.2f}", f"{rng.uniform(1, 90):.2f}")
                )
                out.writerow(
                    [
                        f"99{i:08d}",
                        demo_name(rng),
                        demo_address(rng) + f"{rng.randrange(1, 12)}栋",
                        f"170{rng.randrange(10**8):08d}",
                        "居民生活用电",
                        arrears,
                        due.isoformat(),
                        as_of.isoformat(),
                        rng.choice(("是", "否", "否")),
                    ]
                )
        summary = hall.account_import.run(path, clerk="demo", rejects_path=Path(folder) / "rejects.csv")
    return {"accounts": summary.inserted + summary.updated, "rejected": summary.rejected}


def load_demo_applications(hall: Hall, *, seed: int = 13) -> list[str]:
    """A few applications at the B counters, at different stages, owned by their demo clerks."""
    rng = random.Random(seed)
    numbers = []
    plans = [
        ("张敏", "lv_residential_new", 1, False),
        ("张敏", "lv_residential_new", 0, True),
        ("刘洋", "lv_residential_new", 0, False),
        ("刘洋", "lv_non_residential_new", 1, False),
    ]
    for clerk, business, advances, owes_property in plans:
        person = business == "lv_residential_new"
        form = IntakeForm(
            business_type=business,
            applicant_kind=ApplicantKind.PERSON,
            name=demo_name(rng) if person else "通辽市" + demo_name(rng) + "便利店",
            id_type=IdType.RESIDENT_ID,
            id_number=demo_id(rng),
            mobile=f"170{rng.randrange(10**8):08d}",
            address=demo_address(rng),
            capacity="8" if person else "30",
            capacity_unit=CapacityUnit.KW,
            voltage=VoltageLevel.V220 if person else VoltageLevel.V380,
            tariff_class=TariffClass.RESIDENTIAL if person else TariffClass.COMMERCIAL_INDUSTRIAL,
            documents_presented=frozenset(
                {"applicant_id"} if owes_property else {"applicant_id", "property_proof"}
            ),
            commitment_signed=owes_property,
        )
        if not person:
            form = _as_business(form)
        detail = hall.applications.accept(ApplicationRequest(form=form), clerk=clerk)
        for _ in range(advances):
            detail = hall.applications.advance(detail.number, expected_stage=detail.stage, clerk=clerk)
        numbers.append(detail.number)
    return numbers


def _as_business(form: IntakeForm) -> IntakeForm:
    """A small shop run by a person: licence and the owner's ID (一证受理 for the premises)."""
    return replace(
        form, documents_presented=frozenset({"business_licence", "legal_rep_id"}), commitment_signed=True
    )
