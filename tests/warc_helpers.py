"""Write small WARC files for the tests with warcio (our own pages, generated in the test)."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter


def page(title: str, body: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n\n"))
    return (
        f"<!doctype html><html><head><title>{title}</title>"
        f'<meta property="og:site_name" content="Harbour Times"></head>'
        f"<body><article><h1>{title}</h1>{paras}</article></body></html>"
    )


def write_warc(path: Path, records: list[dict], gz: bool = True) -> Path:
    """Each dict: uri, body (bytes or str), and optionally status, ctype, kind, date."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for r in records:
            body = r["body"].encode(r.get("encoding", "utf-8")) if isinstance(r["body"], str) else r["body"]
            kind = r.get("kind", "response")
            headers = {"WARC-Date": r.get("date", "2024-05-04T10:00:00Z")}
            if kind == "revisit":
                rec = writer.create_revisit_record(
                    r["uri"],
                    digest="sha1:AAAA",
                    refers_to_uri=r["uri"],
                    refers_to_date="2024-05-01T00:00:00Z",
                )
            elif kind == "request":
                rec = writer.create_warc_record(
                    r["uri"], "request", payload=BytesIO(b"GET / HTTP/1.1\r\n\r\n"), warc_headers_dict=headers
                )
            else:
                http = StatusAndHeaders(
                    f"{r.get('status', 200)} OK",
                    [("Content-Type", r.get("ctype", "text/html; charset=utf-8"))],
                    protocol="HTTP/1.1",
                )
                rec = writer.create_warc_record(
                    r["uri"], "response", payload=BytesIO(body), http_headers=http, warc_headers_dict=headers
                )
            writer.write_record(rec)
    return path
