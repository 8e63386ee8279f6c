"""Test data of the payment area: account list files as the marketing system exports them, and a hall
profile whose channels have QR addresses (the shipped profile has one only)."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterable
from pathlib import Path

from counter_app import paths

HEADER_ZH = "户号,户名,用电地址,联系电话,用电类别,欠费金额（元）,缴费截止日期,数据日期,代扣"
HEADER_EN = "account_no,name,address,phone,tariff_class,arrears,due_date,as_of,withholding"
WECHAT_URL = "https://hall.example.cn/pay/wechat"
ALIPAY_URL = "https://hall.example.cn/pay/alipay?from=slip"
WSGW_URL = "https://www.95598.cn/"
URLS = {"wsgw": WSGW_URL, "wechat": WECHAT_URL, "alipay": ALIPAY_URL}

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华霞平刚桂兰"


def account_number(i: int) -> str:
    return f"05{i:08d}"


def account_line(
    i: int,
    *,
    name: str | None = None,
    address: str | None = None,
    phone: str | None = None,
    arrears: str = "12.30",
    due: str = "2026-11-25",
    as_of: str = "2026-10-31",
    withholding: str = "否",
) -> str:
    name = name if name is not None else SURNAMES[i % len(SURNAMES)] + GIVEN[(i * 7) % len(GIVEN)]
    address = address if address is not None else f"科尔沁区建国路{i % 97 + 1}号{i % 13 + 1}栋"
    phone = phone if phone is not None else f"138{i:08d}"
    cells = [account_number(i), name, address, phone, "居民生活用电", arrears, due, as_of, withholding]
    return ",".join(_csv(c) for c in cells)


def _csv(cell: str) -> str:
    return '"' + cell.replace('"', '""') + '"' if any(ch in cell for ch in ',"\n') else cell


def write_list(path: Path, lines: Iterable[str], *, header: str = HEADER_ZH, encoding: str = "utf-8") -> Path:
    path.write_bytes(("\n".join([header, *lines]) + "\n").encode(encoding))
    return path


def accounts_file(path: Path, count: int, start: int = 0, **changes: str) -> Path:
    return write_list(path, (account_line(i, **changes) for i in range(start, start + count)))


def payment_profile(folder: Path, urls: dict[str, str] | None = None) -> Path:
    """A copy of the shipped profile (with its parts) whose channels have the given QR addresses."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(paths.DEFAULT_PROFILE, folder / "hall_profile.toml")
    shutil.copytree(paths.DEFAULT_PROFILE.parent / "profile", folder / "profile", dirs_exist_ok=True)
    channels = folder / "profile" / "payment_channels.toml"
    text = channels.read_text(encoding="utf-8")
    for code, url in (urls if urls is not None else URLS).items():
        pattern = re.compile(rf'(code = "{code}"\nonline = (?:true|false)\nqr_url = )"[^"]*"')
        text, done = pattern.subn(rf'\1"{url}"', text)
        assert done == 1, code
    channels.write_text(text, encoding="utf-8")
    return folder / "hall_profile.toml"
