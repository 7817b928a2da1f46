"""The demo loader's performance step: indicators, figures, targets and inspections from the
seed documents, as transcribed in ``boardpack.performance.demo_data`` (plain Python data; see
that package for the format).

Idempotent: every write goes through a setter that saves only what differs. Data that breaks
the format is refused with a message naming the item, never loaded in part.
"""

from __future__ import annotations

import datetime as dt
import importlib
from types import ModuleType
from typing import Any

from django.core.exceptions import ValidationError

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.performance import services
from boardpack.performance.models import Indicator, Source
from boardpack.periods import Month
from boardpack.programme.models import Workstream

MODULES = {"somerset": "boardpack.performance.demo_data.somerset"}
MODULES["dorset"] = "boardpack.performance.demo_data.dorset"
INDICATOR_FIELDS = (
    "title",
    "definition",
    "unit",
    "decimals",
    "polarity",
    "frequency",
    "source",
    "service_area",
)


class DemoDataError(ValueError):
    """The demo data breaks its format: the message names the item."""


def _module(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name is not None and name.startswith(exc.name):
            return None  # not transcribed (yet)
        raise


def load_performance(orgs: dict[str, Organisation]) -> None:
    for slug, module_name in MODULES.items():
        module = _module(module_name)
        if module is not None and slug in orgs:
            load_data(orgs[slug], module)


def _date(text: str, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        raise DemoDataError(f"{where}: ‘{text}’ is not an ISO date (YYYY-MM-DD).") from None


def _refused(where: str, exc: ValidationError) -> DemoDataError:
    messages = (
        "; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())
        if hasattr(exc, "error_dict")
        else " ".join(exc.messages)
    )
    return DemoDataError(f"{where}: {messages}")


def _period(organisation: Organisation, month: Month) -> ReportingPeriod:
    """The month's reporting period, made if missing; one that exists is left as it is (its
    title belongs to the programme's step)."""
    from boardpack.demo.loader import period

    found = ReportingPeriod.objects.filter(organisation=organisation, month=month.first_day).first()
    return found if found is not None else period(organisation, month.key)


def load_data(organisation: Organisation, data: Any) -> None:
    """Load one organisation's data module (SOURCES, INDICATORS, TARGETS, OBSERVATIONS,
    INSPECTIONS)."""
    sources: dict[str, Source] = {}
    for item in getattr(data, "SOURCES", []):
        where = f"source {item.get('key')}"
        date = _date(item["date"], where)
        try:
            sources[item["key"]] = services.source_set(
                organisation=organisation,
                key=item["key"],
                title=item["title"],
                date=date,
                period=_period(organisation, Month.from_date(date)),
            )
        except ValidationError as exc:
            raise _refused(where, exc) from exc

    def source(key: str, where: str) -> Source:
        if key not in sources:
            raise DemoDataError(f"{where}: no source ‘{key}’ in SOURCES.")
        return sources[key]

    workstreams = {
        w.name: w for w in Workstream.objects.filter(programme__organisation=organisation)
    }
    indicators: dict[str, Indicator] = {}
    items = getattr(data, "INDICATORS", [])
    for order, item in enumerate(items, start=1):
        where = f"indicator {item.get('code')}"
        if item["code"] in indicators:
            raise DemoDataError(f"{where}: the code is used twice.")
        name = item.get("workstream", "")
        if name and name not in workstreams:
            raise DemoDataError(f"{where}: no workstream ‘{name}’ in the demo programme.")
        try:
            indicators[item["code"]] = services.indicator_set(
                organisation=organisation,
                code=item["code"],
                order=order,
                workstream=workstreams.get(name),
                dimensions=list(item.get("dimensions", [])),
                **{k: item.get(k, "") for k in INDICATOR_FIELDS},
            )
        except (ValidationError, TypeError) as exc:
            if isinstance(exc, ValidationError):
                raise _refused(where, exc) from exc
            raise DemoDataError(f"{where}: {exc}") from exc
    for item in items:
        where = f"indicator {item['code']}"
        links = {}
        for part in ("numerator", "denominator"):
            code = item.get(part, "")
            if code and code not in indicators:
                raise DemoDataError(f"{where}: its {part} ‘{code}’ is not an indicator.")
            links[part] = indicators.get(code) if code else None
        services.indicator_set(organisation=organisation, code=item["code"], **links)

    def indicator(code: str, where: str) -> Indicator:
        if code not in indicators:
            raise DemoDataError(f"{where}: no indicator ‘{code}’ in INDICATORS.")
        return indicators[code]

    for n, item in enumerate(getattr(data, "TARGETS", []), start=1):
        where = f"target {n} ({item.get('indicator')})"
        try:
            value = services.parse_value(item["value"])
        except ValueError as exc:
            raise DemoDataError(f"{where}: {exc}") from exc
        if value is None:
            raise DemoDataError(f"{where}: a target needs a value.")
        try:
            services.target_set(
                indicator=indicator(item["indicator"], where),
                date=_date(item["date"], where),
                value=value,
                as_written=item.get("as_written", ""),
                source=source(item["source"], where) if item.get("source") else None,
            )
        except ValidationError as exc:
            raise _refused(where, exc) from exc

    for n, item in enumerate(getattr(data, "OBSERVATIONS", []), start=1):
        where = f"observation {n} ({item.get('indicator')} {item.get('date')})"
        try:
            value = services.parse_value(item.get("value"))
        except ValueError as exc:
            raise DemoDataError(f"{where}: {exc}") from exc
        try:
            services.observation_set(
                indicator=indicator(item["indicator"], where),
                date=_date(item["date"], where),
                source=source(item["source"], where),
                value=value,
                qualifier=item.get("qualifier", "exact"),
                as_written=item.get("as_written", ""),
                area=item.get("area", "authority"),
                breakdown=dict(item.get("breakdown") or {}),
                period_label=item.get("period_label", ""),
                commentary=item.get("commentary", ""),
            )
        except ValidationError as exc:
            raise _refused(where, exc) from exc

    for n, item in enumerate(getattr(data, "INSPECTIONS", []), start=1):
        where = f"inspection {n} ({item.get('establishment')})"
        try:
            services.inspection_set(
                organisation=organisation,
                establishment=item["establishment"],
                town=item.get("town", ""),
                urn=item.get("urn", ""),
                date=_date(item["date"], where),
                type=item.get("type", ""),
                judgements=[(j["area"], j["judgement"]) for j in item["judgements"]],
                source=source(item["source"], where),
            )
        except ValidationError as exc:
            raise _refused(where, exc) from exc
    for period_id in {s.period_id for s in sources.values()}:
        services.inadequate_share_record(
            organisation=organisation, period=ReportingPeriod.objects.get(pk=period_id)
        )
