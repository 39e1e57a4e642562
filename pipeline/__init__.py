"""KRAT pipeline: Albanian anti-trafficking press releases and minutes → YAML meeting records."""
from __future__ import annotations

__version__ = "0.1.0"
PIPELINE_VERSION = __version__


def pipeline_version() -> str:
    """The release plus a hash of the package's code: any change to the rules re-extracts."""
    import hashlib
    from pathlib import Path

    digest = hashlib.sha256()
    root = Path(__file__).resolve().parent
    for path in sorted(root.rglob("*.py")) + sorted((root / "schema").glob("*.json")):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0" + path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:10]}"
