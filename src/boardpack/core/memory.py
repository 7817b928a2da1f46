"""Python's cycle collector, paused while many objects are made at once."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection inside the block; collection resumes afterwards, as it was.

    An import of 200,000 rows makes millions of lists, dicts and records, and laying out a PDF
    millions of WeasyPrint boxes; reference counting frees them, but their number alone sets off
    full collections, each walking every object of the process again while freeing next to
    nothing (most of the time of reading such a file; 0.4 s of the members' quarterly PDF).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
