"""``newsprism serve``: one line for a bad store, a warning off loopback, uvicorn with limits."""

from __future__ import annotations

import uvicorn

from newsprism.cli import main


def test_serve_a_missing_store_is_one_line(tmp_path, capsys):
    assert main(["serve", str(tmp_path / "nothing.db")]) == 2
    err = capsys.readouterr().err
    assert "no such database" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_serve_warns_off_loopback_and_runs_uvicorn(site, monkeypatch, capsys):
    calls = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: calls.append(kw))
    assert main(["serve", str(site.db), "--host", "0.0.0.0", "--port", "8123", "--briefs", "0"]) == 0
    assert "warning" in capsys.readouterr().err
    assert calls[0]["host"] == "0.0.0.0" and calls[0]["port"] == 8123 and calls[0]["limit_concurrency"]
    assert main(["serve", str(site.db), "--briefs", "0"]) == 0
    assert "warning" not in capsys.readouterr().err and calls[1]["host"] == "127.0.0.1"
