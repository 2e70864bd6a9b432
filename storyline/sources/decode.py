"""Bytes to text, refusing what is not a text."""

from __future__ import annotations

from charset_normalizer import from_bytes

from storyline import config
from storyline.errors import BadInput

_SNIFF = 8192


def decode(data: bytes, name: str, max_bytes: int | None = None) -> str:
    """Decode UTF-8 (with or without BOM); fall back to the detected encoding of a legacy page.

    Raises BadInput for empty, binary or oversized input, or bytes no encoding explains.
    """
    cap = config.max_bytes(max_bytes)
    if len(data) > cap:
        raise BadInput(f"{name}: {len(data)} bytes is over the size cap of {cap} bytes (STORYLINE_MAX_BYTES)")
    if not data.strip():
        raise BadInput(f"{name}: empty input")
    if b"\x00" in data[:_SNIFF] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BadInput(f"{name}: binary input, not a text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        best = from_bytes(data).best()
        if best is None or best.encoding in ("utf_8", "utf-8"):
            raise BadInput(
                f"{name}: not valid UTF-8 (byte {error.start}) and no other encoding fits"
            ) from None
        return str(best)


def check_text(text: str, name: str) -> str:
    """The text if it holds words; BadInput otherwise."""
    if not any(ch.isalpha() for ch in text):
        raise BadInput(f"{name}: no text to read")
    return text
