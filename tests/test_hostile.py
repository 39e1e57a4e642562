"""Hostile and broken input at the readers: every refusal is one line naming the limit it hit.

The 200 MB text file is a sparse file, so nothing large is ever written to disk.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.errors import InputError, LimitExceeded
from pipeline.read import ReadLimits, read_bytes, read_document
from pipeline.read.limits import GB, MB, parse_size, show

RELEASE = ("Korçë, 14.11.2019\n\nSot u zhvillua takimi i Komitetit Rajonal Antitrafik të Qarkut Korçë, "
           "nën drejtimin e Prefektit z. Arben Dosti. Morën pjesë ZVAP, DVP dhe World Vision.\n")


def refusal(excinfo) -> str:
    """The one-line message of a refusal, checked to be one line."""
    message = str(excinfo.value)
    assert "\n" not in message
    return message


# --- limits ------------------------------------------------------------------------------

@pytest.mark.parametrize("text, size", [("50MB", 50 * MB), ("1.5 GB", int(1.5 * GB)), ("512k", 512 * 1024),
                                        ("1024", 1024), ("0", 0), ("2mib", 2 * MB)])
def test_sizes_parse_in_binary_units(text, size):
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "MB", "12 parsecs", "-1MB", "1e9"])
def test_bad_sizes_are_refused(text):
    with pytest.raises(ValueError):
        parse_size(text)


def test_sizes_show_as_people_write_them():
    assert show(200 * MB, "size") == "200 MB"
    assert show(int(2.1 * GB), "size") == "2.1 GB"
    assert show(512, "size") == "512 bytes"
    assert show(1000, "count") == "1000"


def test_a_200_mb_text_file_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:  # sparse: 200 MB long, no block written
        fh.truncate(200 * MB)
    with pytest.raises(LimitExceeded) as info:
        read_document(path)
    assert refusal(info) == f"{path}: refused: file size 200 MB exceeds --max-file-size 50 MB"


def test_the_file_size_limit_is_configurable_and_zero_means_none(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(RELEASE, encoding="utf-8")
    with pytest.raises(LimitExceeded, match="exceeds --max-file-size 100 bytes"):
        read_document(path, limits=ReadLimits(max_file_size=100))
    with pytest.raises(LimitExceeded, match="--max-file-size 100 bytes"):
        read_bytes(path.read_bytes(), suffix=".txt", name="a.txt", limits=ReadLimits(max_file_size=100))
    assert "Korçë" in read_document(path, limits=ReadLimits(max_file_size=0)).text


def test_the_text_length_limit_names_its_option():
    with pytest.raises(LimitExceeded, match=r"extracted text length \d+ exceeds --max-text-chars 50$"):
        read_bytes(RELEASE.encode(), suffix=".txt", name="a.txt", limits=ReadLimits(max_text_chars=50))


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(InputError) as info:
        read_document(fifo)
    assert refusal(info).endswith("refused: not a regular file")


def test_a_file_with_nul_bytes_is_binary_not_text(tmp_path):
    path = tmp_path / "nul.txt"
    path.write_bytes(RELEASE.encode()[:40] + b"\x00" * 8 + RELEASE.encode()[40:])
    with pytest.raises(InputError) as info:
        read_document(path)
    assert refusal(info).endswith("binary data, not text")
    with pytest.raises(InputError, match="binary data"):
        read_bytes(b"<html><body><p>Mbledhja\x00\x00\x00</p></body></html>", suffix=".html", name="nul.html")


def test_an_unreadable_file_is_one_line(tmp_path, monkeypatch):
    path = tmp_path / "secret.txt"
    path.write_text(RELEASE, encoding="utf-8")
    real_open = os.open

    def denied(file, flags, *args, **kwargs):
        if Path(file) == path:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)  # root reads anything: simulate the chmod 000
    with pytest.raises(InputError) as info:
        read_document(path)
    assert refusal(info) == f"{path}: cannot read file (permission denied)"


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_a_chmod_000_file_is_one_line(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(RELEASE, encoding="utf-8")
    path.chmod(0)
    with pytest.raises(InputError, match="cannot read file \\(permission denied\\)"):
        read_document(path)


def test_a_vanished_file_is_one_line(tmp_path):
    with pytest.raises(InputError) as info:
        read_document(tmp_path / "gone.txt")
    assert refusal(info).endswith("cannot read file (no such file or directory)")
