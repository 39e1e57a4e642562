"""KRAT pipeline: Albanian anti-trafficking press releases and minutes → YAML meeting records."""
from __future__ import annotations

__version__ = "0.1.0"
PIPELINE_VERSION = __version__
