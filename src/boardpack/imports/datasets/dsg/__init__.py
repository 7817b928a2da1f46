"""The ``dsg`` dataset: Dedicated Schools Grant monitoring, with the year's allocation and the
deficit as further tables on sheets of their own.

``monitoring`` is the importer (the main table); ``allocation`` and ``deficit`` plan, apply and
export the further tables; ``shared`` holds what they have in common.
"""

from boardpack.imports.datasets.dsg.monitoring import DSG, DSGImporter

__all__ = ["DSG", "DSGImporter"]
