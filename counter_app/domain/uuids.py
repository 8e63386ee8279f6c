"""Keys of records: every record the hall hands to the central systems carries a UUID of its own."""

from __future__ import annotations

import os
import time
import uuid


def new_uuid() -> str:
    """A time-ordered UUID (version 7, RFC 9562): new keys land on the last page of their unique
    index instead of a random one, so a commit rewrites fewer pages as the file grows."""
    millis = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")
    value = (
        (millis & 0xFFFF_FFFF_FFFF) << 80
        | 0x7 << 76
        | (rand >> 68 & 0xFFF) << 64
        | 0b10 << 62
        | rand & 0x3FFF_FFFF_FFFF_FFFF
    )
    return str(uuid.UUID(int=value))
