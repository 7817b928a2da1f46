"""The quality checks, by name; each takes an organisation and a period and returns findings.

Apps add checks with ``register``; ``run_checks`` runs every one of them.
"""

from __future__ import annotations

from collections.abc import Callable

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.quality.findings import Finding

Check = Callable[[Organisation, ReportingPeriod], list[Finding]]
_registry: dict[str, Check] = {}


def register(name: str, check: Check) -> None:
    _registry[name] = check


def names() -> list[str]:
    return list(_registry)


def run_checks(organisation: Organisation, period: ReportingPeriod) -> list[Finding]:
    findings: list[Finding] = []
    for check in _registry.values():
        findings += check(organisation, period)
    return findings
