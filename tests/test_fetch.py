"""The polite fetcher against a local server: robots.txt, caps, redirects, retries, conditional GETs."""

from __future__ import annotations

import dataclasses
import time

import pytest

from newsprism.errors import FetchError
from newsprism.fetch import Fetcher, Request, clean_url, page_key
from newsprism.settings import FetchSettings
from tests.http_fixture import FixtureServer

FAST = FetchSettings(
    host_interval_s=0.0, backoff_s=0.01, read_timeout_s=0.5, connect_timeout_s=0.5, max_mb=5.0
)
PAGE = "<html><body><article><p>The ferry union said crossings would stop.</p></article></body></html>"


@pytest.fixture
def server():
    with FixtureServer() as srv:
        srv.routes["/robots.txt"] = {"body": "User-agent: *\nDisallow: /private/\n", "type": "text/plain"}
        srv.routes["/page"] = {"body": PAGE}
        yield srv


def _fetcher(**changes) -> Fetcher:
    return Fetcher(dataclasses.replace(FAST, **changes))


def test_a_page_is_fetched_with_our_user_agent_after_robots(server):
    with _fetcher() as f:
        resp = f.get(server.url("/page"))
    assert resp.status == 200 and b"ferry union" in resp.content
    assert resp.content_type == "text/html" and resp.charset == "utf-8"
    assert server.paths() == ["/robots.txt", "/page"]
    assert all(h["User-Agent"].startswith("newsprism/") for _, _, h in server.log)


def test_robots_disallow_is_one_line_naming_the_url(server):
    server.routes["/private/x"] = {"body": PAGE}
    with _fetcher() as f, pytest.raises(FetchError) as err:
        f.get(server.url("/private/x"))
    line = err.value.line()
    assert server.url("/private/x") in line and "robots.txt" in line and "leave it out" in line
    assert "/private/x" not in server.paths()


def test_robots_5xx_means_nothing_is_fetched_404_means_everything(server):
    server.routes["/robots.txt"] = {"status": 500, "body": "down"}
    with _fetcher() as f, pytest.raises(FetchError) as err:
        f.get(server.url("/page"))
    line = err.value.line()  # the site is failing: not a refusal to leave the URL out for
    assert "robots.txt could not be had (HTTP 500)" in line and "try again later" in line
    del server.routes["/robots.txt"]
    with _fetcher() as f:
        assert f.get(server.url("/page")).status == 200


def test_404_is_not_retried_and_says_what_to_do(server):
    with _fetcher() as f, pytest.raises(FetchError) as err:
        f.get(server.url("/missing"))
    assert "HTTP 404" in err.value.line() and "remove the URL" in err.value.line()
    assert server.paths().count("/missing") == 1


def test_5xx_is_retried_with_backoff_then_succeeds(server):
    server.routes["/flaky"] = {"statuses": [503, 500], "body": PAGE}
    with _fetcher(retries=2) as f:
        assert f.get(server.url("/flaky")).status == 200
    assert server.paths().count("/flaky") == 3


def test_5xx_that_persists_fails_after_the_retries(server):
    server.routes["/down"] = {"statuses": [502] * 5}
    with _fetcher(retries=1) as f, pytest.raises(FetchError) as err:
        f.get(server.url("/down"))
    assert "HTTP 502 after 2 tries" in err.value.line() and "try again later" in err.value.line()
    assert server.paths().count("/down") == 2


def test_a_slow_page_times_out_after_retries(server):
    server.routes["/slow"] = {"delay": 1.0, "body": PAGE}
    with _fetcher(read_timeout_s=0.2, retries=1) as f, pytest.raises(FetchError) as err:
        f.get(server.url("/slow"))
    assert "timed out 2 time(s)" in err.value.line() and server.url("/slow") in err.value.line()


def test_redirects_are_followed_and_a_loop_is_an_error(server):
    server.routes["/old"] = {"status": 301, "headers": {"Location": "/page"}}
    server.routes["/loop1"] = {"status": 302, "headers": {"Location": "/loop2"}}
    server.routes["/loop2"] = {"status": 302, "headers": {"Location": "/loop1"}}
    with _fetcher() as f:
        resp = f.get(server.url("/old"))
        assert resp.url == server.url("/old") and resp.final_url == server.url("/page")
        with pytest.raises(FetchError, match="redirect loop"):
            f.get(server.url("/loop1"))


def test_too_many_redirects(server):
    for i in range(5):
        server.routes[f"/r{i}"] = {"status": 302, "headers": {"Location": f"/r{i + 1}"}}
    with _fetcher(max_redirects=3) as f, pytest.raises(FetchError, match="more than 3 redirects"):
        f.get(server.url("/r0"))


def test_a_50_mb_body_is_cut_at_the_cap(server):
    server.routes["/huge"] = {"stream_mb": 50}
    server.routes["/declared"] = {"body": b"x" * 6_000_000}
    t0 = time.perf_counter()
    with _fetcher(max_mb=1.0) as f:
        with pytest.raises(FetchError, match="over the 1 MB cap"):
            f.get(server.url("/huge"))
        with pytest.raises(FetchError, match="6 MB, over the 1 MB cap"):
            f.get(server.url("/declared"))
    assert time.perf_counter() - t0 < 5


def test_conditional_get_gives_not_modified(server):
    server.routes["/etag"] = {
        "body": PAGE,
        "etag": '"v1"',
        "headers": {"Last-Modified": "Mon, 06 May 2024 10:00:00 GMT"},
    }
    with _fetcher() as f:
        first = f.get(server.url("/etag"))
        again = f.get(Request(server.url("/etag"), first.etag, first.last_modified))
    assert first.etag == '"v1"' and again.not_modified and again.content == b""
    sent = [h for _, p, h in server.log if p == "/etag"][1]
    assert sent["If-None-Match"] == '"v1"' and sent["If-Modified-Since"].startswith("Mon, 06 May 2024")


def test_requests_to_one_host_keep_the_pace(server):
    for i in range(4):
        server.routes[f"/p{i}"] = {"body": PAGE}
    with _fetcher(host_interval_s=0.15, concurrency=4) as f:
        t0 = time.perf_counter()
        results = list(f.get_many([server.url(f"/p{i}") for i in range(4)]))
        elapsed = time.perf_counter() - t0
    assert [r.status for _, r in results] == [200] * 4
    # robots.txt and four pages, each start 0.15 s after the last
    assert elapsed >= 4 * 0.15 - 0.02


def test_crawl_delay_of_robots_txt_wins_over_a_shorter_pace(server):
    server.routes["/robots.txt"] = {"body": "User-agent: newsprism\nCrawl-delay: 1\n", "type": "text/plain"}
    server.routes["/p2"] = {"body": PAGE}
    with _fetcher() as f:
        f.get(server.url("/page"))
        t0 = time.perf_counter()
        f.get(server.url("/p2"))
    assert time.perf_counter() - t0 >= 0.9


def test_connection_refused_is_one_line():
    with _fetcher() as f, pytest.raises(FetchError) as err:
        f.get("http://127.0.0.1:9/page")
    line = err.value.line()
    assert "127.0.0.1:9/page" in line and "no connection" in line and "disallows" not in line


def test_urls_lose_tracking_parameters_and_amp_variants_share_a_key():
    assert clean_url("https://News.example/a?utm_source=x&id=3&fbclid=y#top") == "https://news.example/a?id=3"
    keys = {
        page_key(u)
        for u in (
            "https://www.news.example/2024/a-story/",
            "https://amp.news.example/2024/a-story/amp",
            "http://news.example/2024/a-story?amp=1&utm_medium=rss",
        )
    }
    assert keys == {"https://news.example/2024/a-story"}


def test_robots_txt_behind_a_redirect_is_followed(server):
    server.routes["/robots.txt"] = {"status": 301, "headers": {"Location": "/real-robots.txt"}}
    server.routes["/real-robots.txt"] = {"body": "User-agent: *\nDisallow: /page\n", "type": "text/plain"}
    with _fetcher() as f, pytest.raises(FetchError, match="disallows"):
        f.get(server.url("/page"))


def test_one_request_at_a_time_per_host_while_hosts_are_fetched_together():
    with FixtureServer() as one, FixtureServer() as two:  # two ports: two hosts
        for srv in (one, two):
            srv.routes["/robots.txt"] = {"body": "User-agent: *\nAllow: /\n", "type": "text/plain"}
            for i in range(3):
                srv.routes[f"/p{i}"] = {"body": PAGE, "delay": 0.2}
        urls = [srv.url(f"/p{i}") for i in range(3) for srv in (one, two)]
        with _fetcher(host_concurrency=1, concurrency=6) as f:
            results = list(f.get_many(urls))
    assert [r.status for _, r in results] == [200] * 6
    assert one.most_in_flight == 1 and two.most_in_flight == 1
