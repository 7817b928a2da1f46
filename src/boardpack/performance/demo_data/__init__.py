"""Demo figures for performance indicators, transcribed figure for figure from the seeds.

Plain Python data, no Django: ``somerset`` (seeds 000, 001, 002 and 004) and ``dorset``
(seed 003). Each module defines ``SOURCES``, ``INDICATORS``, ``TARGETS``, ``OBSERVATIONS`` and
``INSPECTIONS`` as lists of dicts, following the contract in this folder's README.
"""
