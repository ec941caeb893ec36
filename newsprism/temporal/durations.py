"""Values of durations ("less than 24 hours", "eight-year", "the past two months") and
sets ("every day", "weekly"), and the reading of spelled-out numbers."""

from __future__ import annotations

import re
from collections.abc import Callable

from newsprism.temporal import lexicon as lx
from newsprism.temporal.normalize import Context, Value, low, mod_of
from newsprism.temporal.tagger import Mention

__all__ = ["DURATIONS", "duration_value", "number_of"]

_UNIT_CODE = {
    "second": ("S", True), "minute": ("M", True), "hour": ("H", True), "day": ("D", False),
    "night": ("D", False), "week": ("W", False), "quarter": ("Q", False), "fortnight": ("W", False), "month": ("M", False),
    "year": ("Y", False), "decade": ("Y", False), "century": ("Y", False),
}  # fmt: skip
_SCALE = {"decade": 10, "century": 100, "fortnight": 2}
# Half of a unit, in the next smaller unit: "5 1/2 hours" is PT5H30M.
_HALF = {"Y": "6M", "M": "15D", "W": "3D", "D": "T12H", "H": "30M", "S": ""}


def number_of(text: str) -> float | None:
    """The number written in ``text`` ("24", "two", "twenty-five", "5 1/2"), else ``None``."""
    text = re.sub(r"\s+", " ", text.lower().strip())
    half = 0.5 if text.endswith("and a half") or text.endswith("1/2") else 0.0
    text = re.sub(r"\s*(?:and a half|1/2)$", "", text).replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return float(text) + half
    if text in lx.NUMBERS:
        return float(lx.NUMBERS[text]) + half
    if "-" in text or " " in text:
        tens, _, ones = text.replace("-", " ").partition(" ")
        if tens in lx.NUMBERS and ones in lx.NUMBERS:
            return float(lx.NUMBERS[tens] + lx.NUMBERS[ones]) + half
    if text in lx.NUMBERS:
        return float(lx.NUMBERS[text]) + half
    if text == "half":
        return 0.5
    return None


def _unit_key(unit: str) -> str:
    unit = unit.lower().rstrip("s")
    return "century" if unit.startswith("centur") else unit


def duration_value(n: float | None, unit: str) -> str | None:
    """``P2D``, ``PT24H``, ``P10Y`` (a decade), ``PXD`` when the number is vague."""
    key = _unit_key(unit)
    if key not in _UNIT_CODE:
        return None
    code, is_time = _UNIT_CODE[key]
    prefix = "PT" if is_time else "P"
    if n is None:
        return f"{prefix}X{code}"
    n *= _SCALE.get(key, 1)
    whole = int(n)
    if n - whole >= 0.5 and code in _HALF:
        rest = _HALF[code]
        if rest.startswith("T") and prefix == "P":
            return f"P{whole}D{rest}" if whole else f"P{rest}"
        return f"{prefix}{whole}{code}{rest}" if whole else f"{prefix}{rest}"
    return f"{prefix}{whole}{code}"


def _duration(m: Mention, ctx: Context) -> Value | None:
    num = low(m, "num")
    n = number_of(num)
    if n is None and num not in {v for v in lx.VAGUE_QUANTITIES}:
        return None
    if n is not None and n > 1000:
        return None
    value = duration_value(n, low(m, "unit"))
    if value is None:
        return None
    return "DURATION", value, mod_of(m.part("mod"))


def _duration_adj(m: Mention, ctx: Context) -> Value | None:
    n = number_of(low(m, "num"))
    value = duration_value(n if n is not None else 1.0, low(m, "unit"))
    return ("DURATION", value, None) if value else None


def _duration_long(m: Mention, ctx: Context) -> Value | None:
    unit = low(m, "unit")
    plural = ctx.text[m.start : m.end].lower().split("-")[0].endswith("s")
    value = duration_value(None if plural else 1.0, unit)
    return ("DURATION", value, None) if value else None


def _duration_bare(m: Mention, ctx: Context) -> Value | None:
    value = duration_value(None, low(m, "unit"))
    return ("DURATION", value, None) if value else None


def _duration_the(m: Mention, ctx: Context) -> Value | None:
    value = duration_value(1.0, low(m, "unit"))
    return ("DURATION", value, None) if value else None


def _set(m: Mention, ctx: Context) -> Value | None:
    unit = low(m, "unit")
    every = 2 if low(m, "other") == "other" else 1
    if unit in lx.WEEKDAYS:
        return "SET", f"XXXX-WXX-{lx.WEEKDAYS[unit] + 1}", None
    if unit in lx.MONTHS:
        return "SET", f"XXXX-{lx.MONTHS[unit]:02d}", None
    value = duration_value(float(every), unit)
    return ("SET", value, None) if value else None


def _set_word(m: Mention, ctx: Context) -> Value | None:
    return "SET", lx.SET_WORDS[ctx.text[m.start : m.end].lower()], None


DURATIONS: dict[str, Callable[[Mention, Context], Value | None]] = {
    "duration": _duration,
    "duration_adj": _duration_adj,
    "duration_long": _duration_long,
    "duration_bare": _duration_bare,
    "duration_the": _duration_the,
    "set": _set,
    "set_word": _set_word,
}
