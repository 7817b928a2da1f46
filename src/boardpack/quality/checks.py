"""The quality checks, by name; each takes an organisation and a period and returns findings.

Apps add checks with ``register``; ``run_checks`` runs every one of them.
"""

from __future__ import annotations

from collections.abc import Callable

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.core.registry import Registry
from boardpack.quality.findings import Finding

Check = Callable[[Organisation, ReportingPeriod], list[Finding]]
_registry: Registry[Check] = Registry("check")


def register(name: str, check: Check | str) -> None:
    """``check`` is the function, or its dotted path (imported when the checks first run)."""
    _registry.register(name, check)


def names() -> list[str]:
    return _registry.names()


def run_checks(organisation: Organisation, period: ReportingPeriod) -> list[Finding]:
    findings: list[Finding] = []
    for check in _registry.values():
        findings += check(organisation, period)
    return findings
