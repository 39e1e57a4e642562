"""PDF streams checked before pdfium reads them: a few kilobytes can inflate to gigabytes.

pdfium inflates a page's content streams and fonts whole, in memory (300 MB of page
content cost it 900 MB). ``check_streams`` finds every deflated stream in the raw
bytes and inflates it here, a step at a time, counting: a stream that inflates more
than ``--max-zip-ratio`` to one (once past 1 MB), or streams that together inflate past
``--max-unzipped-size``, refuse the PDF before pdfium opens it. Images are passed over:
text extraction never decodes them, and a scanned page compresses very well. Streams
that do not inflate (encrypted, or damaged) are passed over too; for them, and for
filters other than Flate, the worker's memory limit stays the last guard.
"""
from __future__ import annotations

import re
import zlib
from collections.abc import Iterator

from pipeline.read.limits import KB, RATIO_MIN_BYTES, ReadLimits

STEP = 64 * KB  # compressed bytes fed, and most bytes inflated, per step
STREAM_RE = re.compile(rb"(?<!end)stream(?:\r\n|\n|\r)")
DICT_LOOKBACK = 4 * KB  # bytes before "stream" searched for the stream's dictionary
OBJECT_RE = re.compile(rb"(\d+)\s+\d+\s+obj\b")
OBJECT_HEAD_MAX = 40  # bytes an "N G obj" header may take before its "obj"
FLATE = b"/FlateDecode"
IMAGE_RE = re.compile(rb"/Subtype\s*/Image\b")


def check_streams(data: bytes, *, name: str, limits: ReadLimits) -> None:
    """Refuse a PDF with a stream over ``--max-zip-ratio`` or streams past ``--max-unzipped-size``."""
    view = memoryview(data)
    total = 0
    for match in STREAM_RE.finditer(data):
        dictionary, label = _dictionary(data, match.start())
        if FLATE not in dictionary or IMAGE_RE.search(dictionary):
            continue
        out = 0
        for out, consumed in _inflate(view, match.end()):
            if limits.max_unzipped_size and total + out > limits.max_unzipped_size:
                raise limits.refuse("max_unzipped_size", "the PDF's streams inflate past", name=name)
            if out >= RATIO_MIN_BYTES:
                limits.check("max_zip_ratio", round(out / max(consumed, 1)), f"{label} compression ratio",
                             name=name)
        total += out


def _dictionary(data: bytes, start: int) -> tuple[bytes, str]:
    """The dictionary before the "stream" keyword at ``start``, and a label for messages:
    from the last "N G obj" header within DICT_LOOKBACK bytes (found backwards with rfind,
    not by scanning the window forwards)."""
    low = max(0, start - DICT_LOOKBACK)
    pos = data.rfind(b"obj", low, start)
    while pos >= 0:
        head = OBJECT_RE.search(data, max(low, pos - OBJECT_HEAD_MAX), pos + 3)
        if head is not None and head.end() == pos + 3:
            return data[head.end():start], f"stream object {int(head.group(1))}"
        pos = data.rfind(b"obj", low, pos)
    return data[low:start], "a stream"


def _inflate(data: memoryview, start: int) -> Iterator[tuple[int, int]]:
    """Inflate the zlib stream at ``start`` a step at a time; yield (bytes out, bytes in) so far.

    Stops quietly at the end of the stream or at data that does not inflate."""
    inflater = zlib.decompressobj()
    position, out, pending = start, 0, b""
    try:
        while not inflater.eof:
            if not pending:
                if position >= len(data):
                    return
                pending = data[position:position + STEP]
                position += len(pending)
            out += len(inflater.decompress(pending, STEP))
            pending = inflater.unconsumed_tail
            yield out, position - start - len(pending) - len(inflater.unused_data)
    except zlib.error:
        return
