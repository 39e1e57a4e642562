"""Zip packages (.docx) checked before anything is inflated, and while inflating.

A few kilobytes of zip can declare gigabytes. Before python-docx opens a package,
``check_package``

1. reads the central directory only: the number of members (``--max-zip-members``),
   their total declared size (``--max-unzipped-size``) and each member's compression
   ratio (``--max-zip-ratio``, for members of 1 MB or more);
2. inflates every member itself, a small step at a time, counting the bytes it really
   yields, because the directory can lie: a member that inflates past (or short of) its
   declared size is corrupt, and no more than a step is ever held (python-docx checks
   the CRCs when it reads);
3. refuses XML parts that declare a DTD (``<!DOCTYPE``): external entities could read
   local files and internal ones expand exponentially; Word never writes one.

Once a package has passed, python-docx reads members whose declared sizes are true.
(python-docx's own parser does not resolve entities either: two locks, not one.)
"""
from __future__ import annotations

import struct
import zipfile
import zlib
from collections.abc import Iterator

from pipeline.errors import CorruptDocument, EncryptedDocument
from pipeline.read import one_line
from pipeline.read.limits import KB, RATIO_MIN_BYTES, SIZE, ReadLimits, show

STEP = 64 * KB  # compressed bytes fed, and most bytes inflated, per step
XML_SUFFIXES = (".xml", ".rels")
# "<!DOCTYPE" as an XML parser may decode it: ASCII-compatible (UTF-8, cp1252 …) unless
# the part starts with a byte-order mark or a NUL byte (XML 1.0, appendix F), then wide.
ASCII_MARKERS = (b"<!DOCTYPE",)
WIDE_MARKERS = tuple("<!DOCTYPE".encode(codec) for codec in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"))
WIDE_SIGNS = (b"\xff\xfe", b"\xfe\xff")
SIGN_BYTES = 4  # the first bytes that tell the encoding
ENCRYPTED_FLAG = 0x1
MEMBER_NAME_CHARS = 80  # of a member's name quoted in a message


def check_package(archive: zipfile.ZipFile, data: bytes, *, name: str, limits: ReadLimits,
                  fmt: str = ".docx") -> None:
    """Refuse a package over the zip limits, with lying sizes, or with a DTD in an XML part."""
    members = archive.infolist()
    limits.check("max_zip_members", len(members), "number of zip members", name=name)
    limits.check("max_unzipped_size", sum(m.file_size for m in members), "uncompressed size", name=name)
    for member in members:
        if member.file_size >= RATIO_MIN_BYTES:
            ratio = member.file_size / max(member.compress_size, 1)
            limits.check("max_zip_ratio", round(ratio), f"{_shown(member)} compression ratio", name=name)
    for member in members:
        _inflate_checked(member, data, name=name, fmt=fmt)


def _inflate_checked(member: zipfile.ZipInfo, data: bytes, *, name: str, fmt: str) -> None:
    """Inflate one member step by step: true size, true CRC, and no DTD in an XML part."""
    if member.flag_bits & ENCRYPTED_FLAG:
        raise EncryptedDocument(f"encrypted zip member {_shown(member)}, not a {fmt} to read", path=name)
    scan = member.filename.lower().endswith(XML_SUFFIXES)
    size, markers, tail = 0, (), b""
    try:
        for piece in _inflated(member, _raw_bytes(member, data, name=name, fmt=fmt)):
            size += len(piece)
            if size > member.file_size:
                raise CorruptDocument(f"not a valid {fmt} ({_shown(member)} inflates past the "
                                      f"{show(member.file_size, SIZE)} its zip entry declares)", path=name)
            if scan:
                window = tail + piece
                if not markers and len(window) >= SIGN_BYTES:
                    markers = _doctype_markers(window)
                if any(marker in window for marker in markers):
                    raise CorruptDocument(f"refused: {_shown(member)} declares a DTD (<!DOCTYPE>); "
                                          f"entities are not allowed in a {fmt}", path=name)
                # a marker may straddle two pieces
                tail = window[1 - max(map(len, markers)):] if markers else window
    except zlib.error:
        raise CorruptDocument(f"not a valid {fmt} ({_shown(member)} does not inflate)", path=name) from None
    if size != member.file_size:
        raise CorruptDocument(f"not a valid {fmt} ({_shown(member)} is shorter than its zip entry declares)",
                              path=name)


def _doctype_markers(start: bytes) -> tuple[bytes, ...]:
    """The forms of "<!DOCTYPE" to look for in an XML part that starts with ``start``."""
    if start.startswith(WIDE_SIGNS) or b"\x00" in start[:SIGN_BYTES]:
        return WIDE_MARKERS
    return ASCII_MARKERS


def _raw_bytes(member: zipfile.ZipInfo, data: bytes, *, name: str, fmt: str) -> memoryview:
    """The compressed bytes of a member, located through its local header."""
    offset = member.header_offset
    header = data[offset:offset + zipfile.sizeFileHeader]
    if len(header) < zipfile.sizeFileHeader or header[:4] != zipfile.stringFileHeader:
        raise CorruptDocument(f"not a valid {fmt} (bad local header of {_shown(member)})", path=name)
    fields = struct.unpack(zipfile.structFileHeader, header)  # zipfile's names for the header layout
    start = (offset + zipfile.sizeFileHeader + fields[zipfile._FH_FILENAME_LENGTH]
             + fields[zipfile._FH_EXTRA_FIELD_LENGTH])
    if start + member.compress_size > len(data):
        raise CorruptDocument(f"not a valid {fmt} (truncated member {_shown(member)})", path=name)
    if member.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        raise CorruptDocument(f"not a valid {fmt} (unsupported compression of {_shown(member)})", path=name)
    return memoryview(data)[start:start + member.compress_size]


def _inflated(member: zipfile.ZipInfo, raw: memoryview) -> Iterator[bytes]:
    """The member's bytes in pieces of at most STEP, inflating no more than that at a time."""
    if member.compress_type == zipfile.ZIP_STORED:
        for start in range(0, len(raw), STEP):
            yield bytes(raw[start:start + STEP])
        return
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)  # raw deflate, as zip stores it
    for start in range(0, len(raw), STEP):
        pending = raw[start:start + STEP]
        while pending and not inflater.eof:
            yield inflater.decompress(pending, STEP)
            pending = inflater.unconsumed_tail
        if inflater.eof:
            return
    yield inflater.flush()


def _shown(member: zipfile.ZipInfo) -> str:
    """A member's name fit for a one-line message."""
    return one_line(member.filename)[:MEMBER_NAME_CHARS] or "(unnamed member)"
