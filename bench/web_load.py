"""Load test of ``newsprism serve`` on loopback: requests/s and p50/p99 latency per page.

Builds a store of synthetic articles under /tmp (deterministic, fixed seed; never in the
repo), starts the real server (``newsprism serve``, uvicorn) on a free 127.0.0.1 port in a
child process, warms the story page once (its brief is computed on the first view and
cached), then sends a bounded number of requests from concurrent clients for each of the
stories page, a story page and a search, and stops. Any non-200 answer counts as an error.

    PYTHONPATH=. .venv/bin/python bench/web_load.py --articles 10000 --requests 2000 --clients 20
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote

from newsprism.model import Article, OffsetMap, Span, content_id
from newsprism.store import Store
from newsprism.stories.persist import assign_stories, stored_stories, unassigned_articles

KINDS = [
    ("fire", "firefighters", "blaze", "the warehouse"),
    ("flood", "rescuers", "floodwater", "the river district"),
    ("strike", "union leaders", "walkout", "the port"),
    ("election", "officials", "vote count", "the county"),
    ("earthquake", "engineers", "tremor", "the old town"),
    ("trial", "prosecutors", "verdict", "the court"),
]
SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ra",
    "ten",
    "vor",
    "dal",
    "sin",
    "pe",
    "ru",
    "ban",
    "tol",
    "gre",
    "mas",
    "quin",
]
OUTLETS = [
    f"{a} {b}"
    for a in ("Northern", "Daily", "Evening", "Coastal", "City")
    for b in ("Post", "Herald", "Times", "Courier")
]


def _name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _article(rng: random.Random, story: dict, i: int) -> Article:
    kind, actors, thing, place = story["kind"]
    day = story["day"] + timedelta(days=rng.randint(0, 3))
    lines = [
        f"{story['place']} {thing} leaves {story['n']} injured",
        f"A {kind} hit {place} of {story['place']} on {day:%A}, injuring {story['n']} people, {actors} said.",
        f'"We are doing everything we can," said {story["person"]}, who leads the response in {story["place"]}.',
        f"{story['person']} told reporters that {story['m']} homes had been checked by {day + timedelta(days=1):%A}.",
        f"Residents of {story['place']} said the {thing} began before dawn and lasted {rng.randint(2, 9)} hours.",
        f"The {kind} is the worst in {story['place']} since {rng.randint(1950, 2015)}, according to {story['org']}.",
    ]
    rng.shuffle(lines[3:])
    text = "\n\n".join(lines[1:])
    title = lines[0]
    return Article(
        id=content_id(title, text, str(i), prefix="a"), path=f"synthetic/{i}.txt", raw=text, text=text,
        offsets=OffsetMap(((0, 0, len(text)),)), title=title, outlet=rng.choice(OUTLETS), author=_name(rng),
        published=day.isoformat(), published_source="json-field", url=f"https://example.org/{i}",
        paragraphs=tuple(_spans(text)),
    )  # fmt: skip


def _spans(text: str) -> list[Span]:
    out, pos = [], 0
    for block in text.split("\n\n"):
        out.append(Span(pos, pos + len(block)))
        pos += len(block) + 2
    return out


def build_store(path: Path, n_articles: int, seed: int = 17) -> None:
    rng = random.Random(seed)
    stories = [
        {"kind": rng.choice(KINDS), "place": _name(rng, 3), "person": f"{_name(rng)} {_name(rng, 3)}",
         "org": f"the {_name(rng)} agency", "n": rng.randint(3, 90), "m": rng.randint(10, 400),
         "day": date(2024, 1, 1) + timedelta(days=rng.randint(0, 360))}
        for _ in range(max(1, n_articles // 10))
    ]  # fmt: skip
    articles = [_article(rng, rng.choice(stories), i) for i in range(n_articles)]
    with Store(path) as store:
        for start in range(0, len(articles), 1000):
            store.add_articles(articles[start : start + 1000])
            assign_stories(store, unassigned_articles(store))


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _run_clients(port: int, path: str, n_requests: int, n_clients: int) -> dict:
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    counter = iter(range(n_requests))

    def client() -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while True:
            with lock:
                if next(counter, None) is None:
                    break
            t0 = time.perf_counter()
            try:
                conn.request("GET", path)
                resp = conn.getresponse()
                resp.read()
                ok = resp.status == 200
            except (OSError, http.client.HTTPException):
                ok = False
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            dt = time.perf_counter() - t0
            with lock:
                latencies.append(dt)
                errors[0] += not ok
        conn.close()

    threads = [threading.Thread(target=client) for _ in range(n_clients)]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - start
    latencies.sort()
    return {
        "path": path, "requests": len(latencies), "clients": n_clients, "errors": errors[0],
        "seconds": round(wall, 2), "requests_per_s": round(len(latencies) / wall, 1),
        "p50_ms": round(1000 * statistics.median(latencies), 1),
        "p99_ms": round(1000 * latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))], 1),
    }  # fmt: skip


def _wait_ready(port: int, proc: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit("the server exited")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/api/stories")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the server did not start")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--requests", type=int, default=2_000, help="requests per page")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--db", default="/tmp/newsprism-web-load.db")
    ap.add_argument(
        "--query",
        action="append",
        help="search queries to load (default: the story's place name, a few matches; and words"
        " that every article holds, the worst case for ranking)",
    )
    args = ap.parse_args()
    db = Path(args.db)
    if not db.exists():
        t0 = time.perf_counter()
        build_store(db, args.articles)
        print(
            f"built {db} with {args.articles} articles in {time.perf_counter() - t0:.0f} s", file=sys.stderr
        )
    with Store(db, read_only=True) as store:
        stories = stored_stories(store)
        n_articles = store.count()
    story = max(stories[:50], key=lambda s: len(s.article_ids))
    port = _free_port()
    proc = subprocess.Popen(
        # --briefs 0: no background analyses competing with the requests being measured.
        [sys.executable, "-m", "newsprism", "serve", str(db), "--port", str(port), "--quiet", "--briefs", "0"],
        env={**os.environ, "PYTHONPATH": os.environ.get("PYTHONPATH", ".")},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        _wait_ready(port, proc)
        t0 = time.perf_counter()
        warm = _run_clients(port, f"/stories/{story.id}", 1, 1)
        first_view = time.perf_counter() - t0
        assert warm["errors"] == 0, "the story page failed"
        queries = args.query or [story.title.split()[0], "injured AND residents"]
        paths = ["/stories", f"/stories/{story.id}", *("/search?q=" + quote(q) for q in queries)]
        results = [_run_clients(port, path, args.requests, args.clients) for path in paths]
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    print(json.dumps({
        "articles": n_articles, "stories": len(stories), "story_size": len(story.article_ids),
        "story_first_view_s": round(first_view, 2), "cpus": os.cpu_count(),
        "load_average_after": [round(x, 1) for x in os.getloadavg()], "results": results,
    }, indent=2))  # fmt: skip


if __name__ == "__main__":
    main()
