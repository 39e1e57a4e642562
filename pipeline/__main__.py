"""``python -m pipeline`` is the ``krat`` command."""
from .cli import cli

cli(prog_name="krat")
