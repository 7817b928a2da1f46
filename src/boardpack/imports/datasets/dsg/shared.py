"""What the DSG tables share: the block column."""

from __future__ import annotations

from boardpack.imports.framework import Column


def block_column(help: str) -> Column:
    """The DSG block a row is for, named as the council's reports name it."""
    return Column(
        "block",
        "DSG block",
        required=True,
        help=help,
        aliases=("block", "dsg", "grant block", "dsg block name"),
    )
