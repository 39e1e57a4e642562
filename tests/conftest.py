"""Shared fixtures: the project's gazetteer and extractor (built once per test session)."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite samples/expected/ from the current extractor (review the diff by hand)")


@pytest.fixture(scope="session")
def gaz():
    from pipeline.gazetteer import load_gazetteer
    return load_gazetteer(ROOT / "gazetteers")


@pytest.fixture(scope="session")
def extractor():
    from pipeline.record import Extractor
    return Extractor.create(str(ROOT / "gazetteers"))


@pytest.fixture(scope="session")
def extract_text(extractor):
    """Extract a record from a text written in the test (as a .txt document)."""
    from pipeline.read import read_bytes

    def run(text: str, *, name: str = "test.txt"):
        data = text.encode("utf-8")
        raw = read_bytes(data, suffix=".txt", name=name)
        return extractor(raw, path=name, sha256=hashlib.sha256(data).hexdigest())
    return run


def load_script(name: str):
    """A module of scripts/ (they are not a package), e.g. the broken-corpus builders."""
    import importlib.util
    import sys

    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def snapshot(folder: Path, *, skip: Path) -> dict[str, bytes | str]:
    """Every path under ``folder`` (outside ``skip``) with its bytes or link target, to show
    that a run wrote nothing outside its output folder (FIFOs and unreadable files: b"")."""
    import os

    state: dict[str, bytes | str] = {}
    for here, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if Path(here, d) != skip]
        for name in dirs + files:
            path = Path(here, name)
            if path.is_symlink():
                state[str(path)] = os.readlink(path)
            elif path.is_file() and os.access(path, os.R_OK) and path.stat().st_mode & 0o444:
                state[str(path)] = path.read_bytes()
            else:
                state[str(path)] = b""
    return state
