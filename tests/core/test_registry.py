"""The registries the apps fill at start-up: dotted paths imported on first use, names checked."""

from __future__ import annotations

import subprocess
import sys

import pytest
from django.core.exceptions import ImproperlyConfigured

from boardpack.core import datasets
from boardpack.core.registry import Registry
from boardpack.demo.steps import STEPS
from boardpack.imports import registry as importers
from boardpack.quality import checks


def test_every_registered_entry_resolves_to_what_its_name_says() -> None:
    assert {"programme", "savings", "budget", "dsg", "indicators", "benchmarks"} <= set(
        datasets.names()
    )
    for name in datasets.names():
        assert datasets.get(name).name == name
    for name in importers.names():
        assert importers.get(name).name == name
    assert {"savings", "budget", "dsg", "indicators"} <= set(importers.names())
    assert all(callable(check) for check in checks._registry.values())
    assert all(callable(step) for step in STEPS.values())
    # The finance steps run before the reports' templates, which read the finance figures.
    names = STEPS.names()
    assert names.index("boardpack.finance.demo.load_somerset_finance") < names.index(
        "boardpack.reports.demo.load_report_templates"
    )


def test_a_dotted_path_is_imported_only_when_first_asked_for() -> None:
    registry: Registry[object] = Registry("thing")
    registry.register("json-dumps", "json.dumps")
    assert registry.names() == ["json-dumps"]
    import json

    assert registry.get("json-dumps") is json.dumps


def test_a_path_registered_under_another_name_is_refused_when_resolved() -> None:
    registry: Registry[datasets.Dataset] = Registry("dataset", lambda d: d.name)
    registry.register("budget", "boardpack.finance.datasets.SAVINGS")
    with pytest.raises(ImproperlyConfigured, match="'savings', registered as 'budget'"):
        registry.get("budget")


def test_an_unknown_name_lists_the_known_ones() -> None:
    with pytest.raises(KeyError, match="Unknown dataset 'nope': choose one of .*programme"):
        datasets.get("nope")


def test_starting_django_imports_no_importer_selector_or_demo_loader() -> None:
    """Start-up registers dotted paths: a command pays only for what it uses."""
    code = (
        "import django, sys; django.setup(); "
        "print('\\n'.join(m for m in sys.modules if m.startswith('boardpack.')))"
    )
    loaded = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout.split()
    for module in (
        "boardpack.demo.loader",
        "boardpack.finance.datasets",
        "boardpack.imports.datasets.savings",
        "boardpack.performance.importers",
        "boardpack.benchmarking.demo",
        "boardpack.reports.demo",
        "boardpack.quality.finance",
    ):
        assert module not in loaded
    assert "boardpack.finance.models" in loaded
