"""Time budgets for reading and cleaning one document, so no input can stall a batch."""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

from newsprism.errors import TooSlowInputError

__all__ = ["BUDGET_HINT", "BudgetExpired", "time_budget"]

# What to do about an article an analysis stage gave up on (settings.nlp.max_seconds).
BUDGET_HINT = "raise nlp.max_seconds if this is really one article"

# After the budget, the alarm repeats at this interval: a library that catches every
# exception (some HTML code paths do) swallows one alarm, not all of them.
_REPEAT_SECONDS = 0.25


class BudgetExpired(BaseException):
    """Raised inside the timed code; a BaseException so that ``except Exception`` lets it pass."""


def _can_time() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float, path: str, what: str = "reading") -> Iterator[None]:
    """Run the block for at most ``seconds``, else raise :class:`TooSlowInputError` for ``path``.

    Uses SIGALRM, so it only limits code on the main thread of a process (the CLI and each
    pool worker); elsewhere, or with ``seconds <= 0``, the block runs unlimited.
    """
    if seconds <= 0 or not _can_time():
        yield
        return
    armed = [True]

    def expire(_signum: int, _frame: FrameType | None) -> None:
        if armed[0]:
            raise BudgetExpired

    previous = signal.signal(signal.SIGALRM, expire)
    start = time.monotonic()
    outer = signal.setitimer(signal.ITIMER_REAL, seconds, _REPEAT_SECONDS)
    try:
        yield
    except BudgetExpired:
        raise TooSlowInputError(path, f"{what} took over {seconds:g} s; skipped") from None
    finally:
        armed[0] = False
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer[0] > 0:  # a timer of the caller's was running: give it back, less the time spent
            signal.setitimer(signal.ITIMER_REAL, max(outer[0] - (time.monotonic() - start), 0.001), outer[1])
