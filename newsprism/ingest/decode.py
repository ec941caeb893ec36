"""Bytes to text: BOM sniffing, UTF-8 first, cp1252 fallback, mojibake repair, binary refusal."""

from __future__ import annotations

import codecs
import re

from newsprism.errors import BinaryInputError, EmptyInputError

__all__ = ["decode_bytes", "repair_mojibake"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# UTF-8 read as cp1252 leaves these pairs: "â€™" for ’, "Ã©" for é, "Â " for a no-break space.
_MOJIBAKE = re.compile(
    "[\u00c2\u00c3\u00e2][\u0080-\u00bf\u2018-\u203a\u0152-\u0192\u02c6-\u02dc\u20ac\u2122]"
)
_MOJIBAKE_LEADS = ("\u00c2", "\u00c3", "\u00e2")
# Control bytes that never occur in text (tab, newline, carriage return and form feed do).
_CONTROL = bytes([*range(0, 9), 11, *range(14, 32), 127])
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)


def _looks_binary(data: bytes, ratio: float) -> bool:
    head = data[:8192]
    if b"\x00" in head:
        return True
    bad = len(head.translate(None, _NOT_CONTROL))
    return bad > ratio * max(len(head), 1)


def _utf16_without_bom(data: bytes) -> str | None:
    """``utf-16-le``/``-be`` when the NUL bytes say so (Latin text: every other byte is NUL)."""
    head = data[:8192]
    if len(head) < 16 or len(head) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    for name, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros.count(0) > 0.6 * len(zeros) and other.count(0) < 0.05 * len(other):
            text = head.decode(name, errors="replace")
            printable = sum(ch.isprintable() or ch in "\n\r\t" for ch in text)
            if printable > 0.95 * len(text):
                return name
    return None


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 text that was decoded as cp1252, when doing so is clean."""
    # Every match starts with one of three characters; looking for them costs a thirtieth
    # of the regular expression over a long page, which runs only when one is there.
    if not any(c in text for c in _MOJIBAKE_LEADS) or not _MOJIBAKE.search(text):
        return text
    # 0x9D (the last byte of ”) has no cp1252 character: decoders drop it or replace it.
    text = text.replace("\u00e2\u20ac\ufffd", "\u201d").replace("\u00e2\u20ac\u009d", "\u201d")
    try:
        fixed = text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return _repair_runs(text)
    return fixed


def _repair_runs(text: str) -> str:
    # Mixed text: repair each suspicious run on its own, keep the rest as it is.
    def fix(match: re.Match[str]) -> str:
        try:
            return match.group(0).encode("cp1252").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return match.group(0)

    return re.sub(
        "[\u00c2-\u00f4][\u0080-\u00bf\u2018-\u203a\u0152-\u0192\u02c6-\u02dc\u20ac\u2122]{1,3}", fix, text
    )


def decode_bytes(path: str, data: bytes, binary_ratio: float = 0.05) -> tuple[str, str]:
    """Decode ``data`` read from ``path``; returns ``(text, encoding)``.

    Raises :class:`EmptyInputError` or :class:`BinaryInputError` for input that is not text.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = data[len(bom) :].decode(encoding, errors="replace")
            return _checked(path, text), encoding
    if not data.strip():
        raise EmptyInputError(path, "the file is empty")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return _checked(path, data.decode(utf16, errors="replace")), utf16
    if _looks_binary(data, binary_ratio):
        raise BinaryInputError(path, "the file is binary, not text")
    try:
        text, encoding = data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        text, encoding = data.decode("cp1252", errors="replace"), "cp1252"
        if text.count("\ufffd") > 0.01 * len(text):
            raise BinaryInputError(path, "the bytes are neither UTF-8 nor cp1252 text") from None
    repaired = repair_mojibake(text)
    if repaired != text:
        encoding += "+mojibake-repaired"
    return _checked(path, repaired), encoding


def _checked(path: str, text: str) -> str:
    if not text.strip():
        raise EmptyInputError(path, "the file has no text")
    return text
