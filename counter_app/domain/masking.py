"""De-identification for slips, the hall display, lists and logs (PIPL art. 51).

Full values appear only in detail views for a permitted role; everything printed or shown to the
public goes through these functions. Each keeps enough for a customer to recognise their own record.
"""

from __future__ import annotations

import re

_DIGITS = re.compile(r"\d")


def mask_phone(phone: str) -> str:
    """``13812341234`` → ``138****1234``; landlines keep the last 4 digits; empty stays empty."""
    digits = re.sub(r"\D", "", phone)
    if digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if not digits:
        return ""
    if len(digits) == 11 and digits.startswith("1"):
        return f"{digits[:3]}****{digits[-4:]}"
    if len(digits) <= 4:
        return "*" * len(digits)
    return "*" * (len(digits) - 4) + digits[-4:]


def mask_id_number(id_number: str) -> str:
    """Keep the first 6 and the last 4 characters at most: ``110105********002X``."""
    value = id_number.strip()
    if len(value) <= 10:
        return value[:2] + "*" * max(0, len(value) - 2)
    return value[:6] + "*" * (len(value) - 10) + value[-4:]


def mask_name(name: str) -> str:
    """``张三`` → ``张*``, ``张三明`` → ``张*明``, ``欧阳明月`` → ``欧**月``; Latin names keep initials.

    Works on code points, so a rare character outside the BMP (生僻字) counts as one character.
    """
    value = name.strip()
    if not value:
        return ""
    if value.isascii():
        words = value.split()
        return " ".join(w[0] + "*" * (len(w) - 1) for w in words)
    chars = list(value)
    if len(chars) == 1:
        return chars[0]
    if len(chars) == 2:
        return chars[0] + "*"
    return chars[0] + "*" * (len(chars) - 2) + chars[-1]


def mask_address(address: str, keep: int = 6) -> str:
    """Keep the first ``keep`` characters (district, street) and hide house numbers and the rest."""
    value = address.strip()
    if len(value) <= keep:
        return value
    return value[:keep] + "****"


def mask_digits_in_text(text: str) -> str:
    """For log lines: hide any run of 7+ digits (phones, IDs, account numbers) but the last 4."""

    def hide(match: re.Match[str]) -> str:
        run = match.group(0)
        return "*" * (len(run) - 4) + run[-4:]

    return re.sub(r"\d{7,}[\dXx]?", hide, text)
