"""Time and peak memory of degenerate but legal stories and pathological inputs (issue 15).

    PYTHONPATH=. python bench/robustness_degenerate.py                 # every case
    PYTHONPATH=. python bench/robustness_degenerate.py --case near_copies --n 300

Each case runs in a fresh process (so its peak RSS is its own, pool workers included) on
inputs generated here, deterministic and written to a temporary directory. Story cases run
the whole library path (read, clean, analyse, report, Markdown) and print the size of what
the brief lists; input cases run read + clean only and print what was accepted or refused.
"""

from __future__ import annotations

import argparse
import gzip
import json
import logging
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BASE = (
    "Fire at Kestrel Quay warehouse injures {n} workers\n\n"
    "A fire tore through a warehouse at Kestrel Quay on Tuesday night, injuring {n} workers, the fire"
    ' service said. Chief fire officer Dana Holt said crews arrived within {m} minutes. "We got everyone'
    ' out," Holt said. The port authority said the cause was not yet known and that an inquiry would open'
    " on Friday. Union leader Sam Reyes denied that safety checks had been skipped.\n"
)
RUSSIAN = (
    "Пожар на складе в порту\n\nВо вторник вечером пожар уничтожил склад в порту, сообщила пожарная служба."
    " По словам начальника, пострадали {n} рабочих. Причина пожара пока неизвестна.\n"
)


def _near_copies(folder: Path, n: int) -> None:
    for i in range(n):  # the same article, one word and one number changed, each under its own outlet
        text = BASE.format(n=12, m=5 + i % 3).replace(
            "tore through", ["tore through", "swept", "gutted"][i % 3]
        )
        (folder / f"copy{i:04d}.txt").write_text(f"{text}\n(c) Outlet {i} News\n")


def _one_fact_five_values(folder: Path, n: int) -> None:
    outlets = ["Courier", "Herald", "Post", "Daily", "Times", "Gazette"]
    for i in range(n):  # one fact, five values, 60 outlets (each article made unique by its outlet)
        # The outlets state the count themselves: attributed ("the fire service said") it is a
        # speaker's words, which the contradiction finder leaves to disputes and quote variants.
        (folder / f"short{i:03d}.txt").write_text(
            f"Kestrel Quay warehouse fire\n\nA fire destroyed a warehouse at Kestrel Quay on Tuesday night."
            f" The warehouse fire at Kestrel Quay injured {[4, 7, 9, 12, 15][i % 5]} workers on Tuesday night."
            f"\n\n(c) {outlets[i % 6]} {i}\n"
        )


def _russian(folder: Path, n: int) -> None:
    for i in range(n):
        (folder / f"ru{i}.txt").write_text(RUSSIAN.format(n=10 + i))


def _long_article(folder: Path, n: int) -> None:
    words = BASE.format(n=12, m=5).split("\n\n")[1].split()
    paragraphs = [
        " ".join(words[j % len(words)] for j in range(i, i + 100)) + f" ({i})." for i in range(n // 100)
    ]
    (folder / "long.txt").write_text("Long report\n\n" + "\n\n".join(paragraphs) + "\n")
    (folder / "short.txt").write_text(BASE.format(n=12, m=5))


def _deep_html(folder: Path, n: int) -> None:
    (folder / "deep.html").write_text("<div>" * n + "<p>" + BASE.format(n=1, m=2) + "</p>" + "</div>" * n)


def _nested_tables(folder: Path, n: int) -> None:
    (folder / "tables.html").write_text("<table><tr><td>" * n + "words " * 50 + "</td></tr></table>" * n)


def _long_line(folder: Path, n: int) -> None:
    (folder / "line.txt").write_text("".join(f"Crew {i} worked. " for i in range(n)))


def _gzip_bomb(folder: Path, n: int) -> None:
    with gzip.open(folder / "bomb.txt.gz", "wb", compresslevel=9) as fh:
        for _ in range(n):
            fh.write(b"a " * 500_000)


# name: (writer, default n, what n is, whole story analysed?)
CASES: dict[str, tuple[Callable[[Path, int], None], int, str, bool]] = {
    "near_copies": (_near_copies, 300, "articles", True),
    "one_fact_five_values": (_one_fact_five_values, 60, "articles", True),
    "russian": (_russian, 5, "articles", True),
    "long_article": (_long_article, 50_000, "words", True),
    "deep_html": (_deep_html, 10_000, "nested divs", False),
    "nested_tables": (_nested_tables, 3_000, "nested tables", False),
    "long_line": (_long_line, 300_000, "sentences on one line", False),
    "gzip_bomb": (_gzip_bomb, 200, "MB inflated", False),
}


def _cpu_seconds() -> float:
    """CPU time of this process and its children: on a loaded shared machine wall time mostly
    measures the other jobs."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024


def _story(folder: Path) -> dict:
    from newsprism.analyze import analyze_articles, load_articles
    from newsprism.brief.report import build_report
    from newsprism.render import render_markdown

    batch = load_articles([str(folder)])
    report = build_report(analyze_articles(batch.articles, rejections=batch.rejections))
    return {
        "articles": len(batch.articles),
        "rejected": len(batch.rejections),
        "disputes": len(report.get("disputes", [])),
        "contradiction_pairs": len(report.get("contradictions", [])),
        "contradiction_rows": len(report.get("contradiction_groups", [])),  # one per fact
        "ledger_groups": len(report.get("ledger", [])),
        "summary_sentences": len(report.get("summary", [])),
        "json_mb": round(len(json.dumps(report)) / 1e6, 2),
        "markdown_mb": round(len(render_markdown(report)) / 1e6, 2),
    }


def _inputs(folder: Path) -> dict:
    from newsprism.analyze import load_articles

    batch = load_articles([str(folder)])
    return {
        "articles": len(batch.articles),
        "rejections": [f"{Path(r.path).name}: {r.reason}" for r in batch.rejections],
    }


def run_case(name: str, n: int) -> dict:
    writer, _, unit, whole = CASES[name]
    warnings: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: warnings.append(record.getMessage())  # type: ignore[method-assign]
    logging.getLogger("newsprism").addHandler(handler)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        writer(folder, n)
        start, cpu = time.perf_counter(), _cpu_seconds()
        result = _story(folder) if whole else _inputs(folder)
        seconds, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
    warned = sorted({w.split(": ", 1)[-1] for w in warnings})
    return {"case": name, "n": n, "unit": unit, "seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1),
            "load": round(os.getloadavg()[0], 1), "peak_mb": round(_peak_mb()),
            **result, "warnings": warned[:3]}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--case", choices=sorted(CASES), help="run one case in this process")
    parser.add_argument("--n", type=int, help="size of the case (default: the issue's)")
    args = parser.parse_args()
    if args.case:
        print(json.dumps(run_case(args.case, args.n or CASES[args.case][1]), ensure_ascii=False))
        return
    for name in CASES:  # each in a fresh process: its own peak memory and model loads
        cmd = [sys.executable, __file__, "--case", name]
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        print(
            proc.stdout.strip() or json.dumps({"case": name, "error": proc.stderr.strip()[-300:]}), flush=True
        )


if __name__ == "__main__":
    main()
