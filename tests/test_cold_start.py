"""`newsprism --help` imports only what it needs: none of the heavy libraries (cold start)."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("scipy", "spacy", "onnxruntime", "trafilatura", "numpy", "newsprism.settings")
PROBE = (
    "import runpy, sys\n"
    "sys.argv = ['newsprism', *sys.argv[1:], '--help']\n"
    "try:\n    runpy.run_module('newsprism', run_name='__main__')\n"
    "except SystemExit:\n    pass\n"
    f"print(' '.join(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)\n"
)


# Each command parses its flags before it imports what it works with.
COMMANDS = ["analyze", "brief", "ingest", "articles", "stories", "briefs", "cluster", "watch", "quotes",
            "dates", "export", "serve", "spark"]  # fmt: skip


@pytest.mark.parametrize("command", [[], *([c] for c in COMMANDS)])
def test_help_imports_no_heavy_library(command):
    out = subprocess.run(
        [sys.executable, "-c", PROBE, *command], cwd=ROOT, capture_output=True, text=True, check=True,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    )  # fmt: skip
    assert f"usage: newsprism {' '.join(command)}".rstrip() in out.stdout
    assert out.stderr.strip() == ""


def test_public_names_still_resolve_lazily():
    import newsprism

    for name in newsprism.__all__:
        assert getattr(newsprism, name) is not None
    assert set(newsprism.__all__) <= set(dir(newsprism))
