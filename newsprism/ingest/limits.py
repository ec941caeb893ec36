"""Budgets for reading, cleaning and analysing one document, so no input can stall a batch.

Two clocks: :func:`time_budget` counts wall time (reading, where a file can block without using
the CPU); :func:`cpu_budget` counts the CPU time of the thread doing the work (cleaning and the
per-article analysis stages), so whether an article fits does not depend on the machine's load.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

from newsprism.errors import TooSlowInputError

__all__ = ["BUDGET_HINT", "BudgetExpired", "cpu_budget", "time_budget"]

# What to do about an article an analysis stage gave up on (settings.nlp.max_seconds).
BUDGET_HINT = "raise nlp.max_seconds if this is really one article"

# After the budget, the alarm repeats at this interval: a library that catches every
# exception (some HTML code paths do) swallows one alarm, not all of them.
_REPEAT_SECONDS = 0.25
# Shortest re-arm of the CPU timer while other threads' CPU time made it fire early.
_MIN_REARM = 0.01


class BudgetExpired(BaseException):
    """Raised inside the timed code; a BaseException so that ``except Exception`` lets it pass."""


def _can_time() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def time_budget(seconds: float, path: str, what: str = "reading") -> Iterator[None]:
    """Run the block for at most ``seconds`` of wall time, else raise :class:`TooSlowInputError`.

    Uses SIGALRM, so it only limits code on the main thread of a process (the CLI and each
    pool worker); elsewhere, or with ``seconds <= 0``, the block runs unlimited.
    """
    with _budget(seconds, path, what, signal.ITIMER_REAL if _can_time() else None, time.monotonic):
        yield


@contextmanager
def cpu_budget(seconds: float, path: str, what: str) -> Iterator[None]:
    """Run the block for at most ``seconds`` of this thread's CPU time, else raise
    :class:`TooSlowInputError`: time spent waiting (a loaded machine, sleep, I/O) is not counted.

    The kernel's profiling timer (SIGPROF) counts the whole process's CPU time, so it fires no
    later than this thread's own; the handler then re-arms it for what this thread has left, so
    a background thread (the embedder) does not spend the article's budget. Delivered by the
    kernel, it also stops a regular expression backtracking in C. Main thread only, as above.
    """
    timer = signal.ITIMER_PROF if _can_time() else None
    with _budget(seconds, path, what, timer, time.process_time, time.thread_time):
        yield


@contextmanager
def _budget(
    seconds: float,
    path: str,
    what: str,
    timer: int | None,
    clock: Callable[[], float],
    own: Callable[[], float] | None = None,
) -> Iterator[None]:
    """The block under ``timer`` (``clock`` is what it counts); with ``own``, the budget is of
    ``own``'s time, and a timer that fires before ``own`` has spent it is re-armed."""
    if seconds <= 0 or timer is None:
        yield
        return
    sig = signal.SIGALRM if timer == signal.ITIMER_REAL else signal.SIGPROF
    armed = [True]
    own_start = own() if own is not None else 0.0

    def expire(_signum: int, _frame: FrameType | None) -> None:
        if not armed[0]:
            return
        if own is not None and (left := seconds - (own() - own_start)) > 0:
            signal.setitimer(timer, max(left, _MIN_REARM), _REPEAT_SECONDS)
            return
        raise BudgetExpired

    previous = signal.signal(sig, expire)
    start = clock()
    outer = signal.setitimer(timer, seconds, _REPEAT_SECONDS)
    try:
        yield
    except BudgetExpired:
        raise TooSlowInputError(path, f"{what} took over {seconds:g} s; skipped") from None
    finally:
        armed[0] = False
        signal.setitimer(timer, 0)
        signal.signal(sig, previous)
        if outer[0] > 0:  # a timer of the caller's was running: give it back, less the time spent
            signal.setitimer(timer, max(outer[0] - (clock() - start), 0.001), outer[1])
