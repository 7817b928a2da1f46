"""The demo's further steps, added by the apps from their ``AppConfig.ready`` as dotted paths.

``load_demo`` runs them in the order the apps added them (the order of ``INSTALLED_APPS``), each
with the demo organisations by slug. Kept apart from ``demo.loader`` so that registering a step
imports neither the loader nor the step.
"""

from __future__ import annotations

from collections.abc import Callable

from boardpack.core.registry import Registry

Step = Callable[[dict], None]

STEPS: Registry[Step] = Registry("demo step")


def add(path: str) -> None:
    """Add the step at ``path`` (``"boardpack.finance.demo.load_somerset_finance"``) once."""
    STEPS.register(path, path)
