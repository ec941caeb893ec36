"""WARC/ARC intake: records become articles with URI, date and charset; the rest skipped and counted."""

from __future__ import annotations

import gzip
from collections import Counter

import pytest

from newsprism.analyze import load_articles
from newsprism.cli import main
from newsprism.ingest.warc import iter_warc
from tests.warc_helpers import page, write_warc

BODY = (
    "The ferry union said on Monday that crossings would stop for two days.\n\n"
    "The county said talks would resume on Thursday with the operator and the union."
)
CAFE = "Le café du port était fermé lundi, a dit la mairie de Farrowby dans un communiqué."


def _records():
    return [
        dict(uri="https://a.example/strike", body=page("Ferry strike", BODY), date="2024-05-06T10:00:00Z"),
        dict(uri="https://a.example/strike", body=page("Ferry strike", BODY)),  # same payload again
        dict(uri="https://a.example/missing", body=page("Gone", BODY), status=404),
        dict(uri="https://a.example/site.css", body="body{}", ctype="text/css"),
        dict(uri="https://a.example/strike", body="", kind="revisit"),
        dict(uri="https://a.example/strike", body="", kind="request"),
        dict(uri="https://a.example/cafe", body=page("Café fermé", CAFE), encoding="latin-1",
             ctype="text/html; charset=ISO-8859-1"),
    ]  # fmt: skip


@pytest.mark.parametrize("reader", ["fastwarc", "warcio"])
@pytest.mark.parametrize("gz", [True, False])
def test_html_responses_become_sources_and_the_rest_is_counted(tmp_path, reader, gz):
    path = write_warc(tmp_path / ("t.warc.gz" if gz else "t.warc"), _records(), gz)
    skipped: Counter[str] = Counter()
    sources = list(iter_warc(str(path), skipped=skipped, reader=reader))
    assert [s.url for s in sources] == ["https://a.example/strike", "https://a.example/cafe"]
    assert [s.charset for s in sources] == ["utf-8", "iso-8859-1"]
    assert sources[0].path == f"{path}#0" and sources[0].captured.startswith("2024-05-06T10:00:00")
    assert skipped == {"duplicate": 1, "not 200": 1, "not HTML": 1, "revisit": 1, "not a response": 1}


def test_articles_carry_uri_date_and_decoded_charset(tmp_path):
    path = write_warc(tmp_path / "t.warc.gz", _records())
    batch = load_articles([str(path)])
    strike, cafe = batch.articles
    assert strike.url == "https://a.example/strike" and strike.title == "Ferry strike"
    assert (strike.published, strike.published_source) == ("2024-05-06", "warc-date")
    assert strike.outlet == "Harbour Times" and "talks would resume" in strike.text
    assert "café du port était fermé" in cafe.text  # ISO-8859-1 payload decoded by its declared charset
    assert batch.skipped["duplicate"] == 1 and not batch.rejections


def test_cli_ingest_of_a_warc_counts_skipped_records(tmp_path, capsys):
    path = write_warc(tmp_path / "crawl.warc.gz", _records())
    code = main(["ingest", str(tmp_path / "n.db"), str(path), "-q"])
    out = capsys.readouterr().out
    assert code == 0 and "added 2" in out
    assert "skipped: 1 duplicate, 1 not 200, 1 not HTML, 1 not a response, 1 revisit" in out
    code = main(["ingest", str(tmp_path / "n.db"), str(path), "-q"])
    assert code == 0 and "added 0" in capsys.readouterr().out


def test_an_arc_file_is_read_with_warcio(tmp_path):
    html = page("Ferry strike", BODY).encode()
    http = b"HTTP/1.0 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
    filedesc_body = b"1 0 newsprism\nURL IP-address Archive-date Content-type Archive-length\n"
    head = f"filedesc://t.arc 0.0.0.0 20240506100000 text/plain {len(filedesc_body)}\n".encode()
    rec = f"https://a.example/strike 10.0.0.1 20240506100000 text/html {len(http)}\n".encode()
    path = tmp_path / "t.arc.gz"  # one gzip member per record, as ARC writers do
    path.write_bytes(gzip.compress(head + filedesc_body + b"\n") + gzip.compress(rec + http + b"\n"))
    sources = list(iter_warc(str(path)))
    assert [s.url for s in sources] == ["https://a.example/strike"]
    assert sources[0].captured.startswith("2024-05-06")


def test_a_damaged_or_missing_archive_is_one_line(tmp_path):
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"this is not an archive\n" * 20)
    (err,) = list(iter_warc(str(junk)))
    assert "junk.warc" in err.line() and "not a WARC/ARC" in err.line()
    (missing,) = list(iter_warc(str(tmp_path / "none.warc.gz")))
    assert "no such file" in missing.line()


def test_an_unknown_reader_is_a_settings_error(tmp_path, capsys):
    path = write_warc(tmp_path / "t.warc.gz", _records())
    code = main(["ingest", str(tmp_path / "n.db"), str(path), "-q", "--set", "ingest.warc_reader=fast"])
    assert code == 2 and "use fastwarc or warcio" in capsys.readouterr().err


def test_archives_inside_a_directory_are_read_with_its_other_files(tmp_path):
    folder = tmp_path / "crawl"
    (folder / "sub").mkdir(parents=True)
    write_warc(folder / "sub" / "a.warc.gz", _records())
    (folder / "note.txt").write_text(
        "Ferry talks resume\n\nThe union and the operator will meet on Thursday, the county said.\n"
    )
    batch = load_articles([str(folder)])
    assert len(batch.articles) == 3 and not batch.rejections
    assert {"Café fermé", "Ferry strike"} <= {a.title for a in batch.articles}


def test_one_article_under_several_urls_is_stored_once_with_every_url(tmp_path, capsys):
    from newsprism.store import Store
    from newsprism.store.intake import article_urls

    amp = page("Ferry strike", BODY).replace("<article>", '<article class="amp-story">')
    reprint = page("Ferry strike", BODY).replace("Harbour Times", "Coast Wire")
    urls = [
        "https://a.example/strike?utm_source=feed",  # tracking parameter
        "https://a.example/strike",  # the same payload under its clean URL
        "https://amp.a.example/strike/amp",  # AMP copy: other markup, same text
        "https://wire.example/ferry-strike",  # syndicated reprint
    ]
    bodies = [page("Ferry strike", BODY), page("Ferry strike", BODY), amp, reprint]
    records = [dict(uri=u, body=b) for u, b in zip(urls, bodies, strict=True)]
    records.append(dict(uri="https://a.example/cafe", body=page("Café fermé", CAFE)))
    path = write_warc(tmp_path / "t.warc.gz", records)
    db = tmp_path / "n.db"
    assert main(["ingest", str(db), str(path), "-q"]) == 0
    assert "2 same article under another URL (URL kept)" in capsys.readouterr().out
    with Store(db) as store:
        assert store.count() == 2
        (strike,) = [a for a in store.articles() if a.title == "Ferry strike"]
        assert set(article_urls(store, strike.id)) == set(urls)
