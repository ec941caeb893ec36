"""``newsprism briefs DB``: analyse every story without a current stored brief and store it.

The people and outlet pages of ``newsprism serve`` (and anything reading the ``briefs`` table)
see every story analysed this way. A story whose analysis fails is one line on stderr; the
others go on, and a brief is stored whole or not at all.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from newsprism.cli.common import dump
from newsprism.cli.output import add_output, emit
from newsprism.progress import progress_bar
from newsprism.termsafe import one_line

if TYPE_CHECKING:
    from newsprism.settings import Settings

__all__ = ["add_briefs", "run_briefs", "store_brief"]


def add_briefs(s: argparse.ArgumentParser) -> None:
    s.add_argument("db")
    s.add_argument("--story", action="append", default=[], metavar="ID",
                   help="only this story (an id prefix is enough; repeatable)")  # fmt: skip
    s.add_argument("--again", action="store_true", help="recompute briefs that are current too")
    s.add_argument("--limit", type=int, default=0, metavar="N", help="at most N stories, newest first")
    add_output(s, ("json", "text"))


def store_brief(store: Any, story_id: str, report: dict[str, Any], settings: Settings) -> None:
    """Keep ``report`` as the current brief of the stored story ``story_id`` (full id)."""
    from newsprism.quotes.speakers import speaker_index
    from newsprism.store.briefs import BriefTables, settings_key
    from newsprism.store.read import story_row

    size = story_row(store, story_id)["size"]
    tables = BriefTables(store.conn, settings_key(settings.to_dict()))
    tables.put(story_id, size, report, speaker_index(report.get("speakers", [])))


def _todo(store: Any, args: argparse.Namespace, tables: Any) -> tuple[list[str], int]:
    """The stories to analyse, newest first, and how many current briefs are left as they are."""
    current = tables.current_ids()
    if args.story:
        ids = list(dict.fromkeys(store.resolve_id("stories", s) for s in args.story))
        todo = [i for i in ids if args.again or i not in set(current)]
        return todo, len(ids) - len(todo)
    todo = tables.stale_ids() + (current if args.again else [])
    todo = todo[: args.limit] if args.limit > 0 else todo
    return todo, len(set(current) - set(todo))


def _text(result: dict[str, Any]) -> str:
    line = f"{len(result['analysed'])} brief(s) stored, {result['current']} already current"
    if result["failed"]:
        line += f", {len(result['failed'])} failed"
    return line + "\n"


def run_briefs(args: argparse.Namespace, settings: Settings) -> int:
    from newsprism.analyze import analyze_story
    from newsprism.brief.report import build_report
    from newsprism.nlp import use_parse_cache
    from newsprism.store import Store
    from newsprism.store.briefs import BriefTables, settings_key

    done: list[str] = []
    failed: list[dict[str, str]] = []
    with Store(args.db) as store, use_parse_cache(store):
        tables = BriefTables(store.conn, settings_key(settings.to_dict()))
        todo, current = _todo(store, args, tables)
        with progress_bar("analysing stories", args.quiet, total=len(todo)) as tick:
            for story_id in todo:
                try:
                    report = build_report(analyze_story(store, story_id, settings))
                    store_brief(store, story_id, report, settings)
                    done.append(story_id)
                except Exception as exc:  # one story's failure must not stop the others
                    failed.append({"story": story_id, "error": one_line(repr(exc))})
                    print(f"newsprism: story {story_id}: could not analyse it ({one_line(str(exc))});"
                          " the other stories go on", file=sys.stderr)  # fmt: skip
                tick(story_id)
    result = {"analysed": done, "current": current, "failed": failed}
    emit(args, result, {"json": dump, "text": _text})
    return 1 if failed else 0
