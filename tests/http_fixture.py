"""A local HTTP server on 127.0.0.1 for the intake tests: fixture feeds, sitemaps, pages, robots.txt.

Routes are plain dicts a test can change between polls::

    {"body": bytes | str, "status": 200, "type": "text/html", "headers": {...},
     "delay": seconds, "statuses": [503, 503] (answered first, then status), "etag": "v1",
     "stream_mb": 50 (a body of that size, sent in chunks without a length)}

Every request is logged as (method, path, headers) so tests can check what was fetched, and
``most_in_flight`` is the largest number of slow ("delay") requests it was answering at once.
"""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


class _Handler(BaseHTTPRequestHandler):
    server: FixtureServer

    def log_message(self, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        self.server.log.append(("GET", self.path, dict(self.headers)))
        route = self.server.routes.get(self.path)
        if route is None:
            self._send(404, b"not here", "text/plain")
            return
        if route.get("delay"):
            self._wait(route["delay"])
        if route.get("statuses"):
            self._send(route["statuses"].pop(0), b"failing", "text/plain")
            return
        if route.get("stream_mb"):
            self._stream(route["stream_mb"])
            return
        etag = route.get("etag")
        if etag and self.headers.get("If-None-Match") == etag:
            self._send(304, b"", None, {"ETag": etag})
            return
        headers = {**route.get("headers", {}), **({"ETag": etag} if etag else {})}
        body = route.get("body", b"")
        body = body.encode("utf-8") if isinstance(body, str) else body
        self._send(route.get("status", 200), body, route.get("type", "text/html; charset=utf-8"), headers)

    def _wait(self, seconds: float) -> None:
        """A slow answer, counted in flight while it waits (before a byte is sent, so a client
        that has its answer never sees this request still counted)."""
        with self.server.lock:
            self.server.in_flight += 1
            self.server.most_in_flight = max(self.server.most_in_flight, self.server.in_flight)
        try:
            time.sleep(seconds)
        finally:
            with self.server.lock:
                self.server.in_flight -= 1

    def _send(
        self, status: int, body: bytes, ctype: str | None, headers: dict[str, str] | None = None
    ) -> None:
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def _stream(self, mb: int) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        chunk = b"<p>" + b"x" * 65_000 + b"</p>"
        try:
            for _ in range(mb * 1_000_000 // len(chunk) + 1):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading at its cap, as it should


class FixtureServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.routes: dict[str, dict[str, Any]] = {}
        self.log: list[tuple[str, str, dict[str, str]]] = []
        self.lock = threading.Lock()
        self.in_flight = self.most_in_flight = 0  # requests being answered now, and at most
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that hangs up at its size cap is expected here

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def paths(self) -> list[str]:
        return [p for _, p, _ in self.log]

    def __enter__(self) -> FixtureServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()
