"""Writes: sources, indicators, observations, targets and inspections.

Each setter validates whole (``full_clean``) and saves only what differs, so a second load of
the same figures changes nothing, history included. ``observation_problems`` holds the rules a
figure must meet; the importer reports them cell by cell before anything is written.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from types import SimpleNamespace
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.performance import bulk
from boardpack.performance.calculations import places_of
from boardpack.performance.models import (
    MISSING_SYMBOLS,
    VALUE_DIGITS,
    VALUE_PLACES,
    Area,
    Indicator,
    Inspection,
    InspectionJudgement,
    Judgement,
    Observation,
    Qualifier,
    Source,
    Target,
    Unit,
    breakdown_key,
)

HUNDRED = Decimal("100")
MISSING = set(MISSING_SYMBOLS)
QUALIFIERS = frozenset(Qualifier.values)  # TextChoices.values is rebuilt at every call
AREAS = frozenset(Area.values)
SYMBOL_QUALIFIERS = {symbol: qualifier for qualifier, symbol in MISSING_SYMBOLS.items()}


def _save_if_changed(obj: models.Model, values: dict[str, Any]) -> bool:
    if obj.pk is None:
        changed = list(values)
    else:
        changed = [k for k, v in values.items() if getattr(obj, k) != v]
        if not changed:
            return False
    for key in changed:
        setattr(obj, key, values[key])
    obj.full_clean()
    obj.save()
    return True


def source_set(
    *, organisation: Organisation, key: str, title: str, date: dt.date, period: ReportingPeriod
) -> Source:
    source = Source.objects.filter(organisation=organisation, key=key).first()
    if source is None:
        source = Source(organisation=organisation, key=key)
    _save_if_changed(source, {"title": title, "date": date, "period": period})
    return source


def indicator_set(*, organisation: Organisation, code: str, **fields: Any) -> Indicator:
    """Create or change the indicator ``code``; ``fields`` are the model's own."""
    indicator = Indicator.objects.filter(organisation=organisation, code=code).first()
    if indicator is None:
        indicator = Indicator(organisation=organisation, code=code)
    _save_if_changed(indicator, fields)
    return indicator


def indicator_rag_rule_set(
    *, indicator: Indicator, rag_basis: str, rag_comparator: str, amber_band: Decimal
) -> Indicator:
    _save_if_changed(
        indicator,
        {"rag_basis": rag_basis, "rag_comparator": rag_comparator, "amber_band": amber_band},
    )
    return indicator


# Observations ---------------------------------------------------------------------------


def parse_value(text: Any) -> Decimal | None:
    """A figure's value: a plain decimal string (``"1200"``, ``"17.06"``), or None."""
    if text is None or (isinstance(text, str) and not text.strip()):
        return None
    if isinstance(text, float):
        text = repr(text)
    try:
        value = Decimal(str(text).strip())
    except InvalidOperation:
        raise ValueError(f"‘{str(text)[:40]}’ is not a number.") from None
    if not value.is_finite():
        raise ValueError(f"‘{str(text)[:40]}’ is not a number.")
    return value


@dataclass(frozen=True)
class Issue:
    field: str
    message: str


def observation_problems(
    indicator: Indicator,
    *,
    breakdown: dict[str, Any],
    value: Decimal | None,
    qualifier: str,
    area: str,
) -> list[Issue]:
    """Every rule a figure breaks, by field; an empty list when it may be written."""
    issues: list[Issue] = []
    if qualifier not in QUALIFIERS:
        issues.append(
            Issue(
                "qualifier",
                f"‘{qualifier}’ is not a qualifier: use one of {', '.join(Qualifier.values)}.",
            )
        )
    if area not in AREAS:
        issues.append(
            Issue("area", f"‘{area}’ is not an area: use one of {', '.join(Area.values)}.")
        )
    allowed = indicator.dimensions or []
    for name, cell in breakdown.items():
        if name not in allowed:
            has = f"its dimensions are {', '.join(allowed)}" if allowed else "it has no breakdown"
            issues.append(Issue("breakdown", f"{indicator.code} has no dimension ‘{name}’: {has}."))
        elif not isinstance(cell, str) or not cell.strip():
            issues.append(Issue("breakdown", f"Give the {name} of the breakdown as text."))
    if value is None:
        if qualifier in QUALIFIERS and qualifier not in MISSING:
            issues.append(
                Issue(
                    "value",
                    "A figure without a value must say why: qualifier suppressed (c), "
                    "not_available (x) or not_applicable (z).",
                )
            )
        return issues
    if qualifier in MISSING:
        issues.append(
            Issue("value", f"A {qualifier.replace('_', ' ')} figure has no value: leave it blank.")
        )
    issues += value_problems(indicator, value)
    return issues


def value_problems(indicator: Indicator, value: Decimal) -> list[Issue]:
    _sign, digits, exponent = value.as_tuple()
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0  # places_of
    if places > VALUE_PLACES:
        return [Issue("value", f"{value} has more than {VALUE_PLACES} decimal places.")]
    if len(digits) - places > VALUE_DIGITS - VALUE_PLACES:
        return [Issue("value", f"{value} is too large.")]
    unit = indicator.unit
    if unit == Unit.PERCENTAGE and not Decimal("0") <= value <= HUNDRED:
        return [
            Issue(
                "value",
                f"{indicator.code} is a percentage, so its value is from 0 to 100, not {value}.",
            )
        ]
    if unit == Unit.PERCENTAGE_CHANGE and value < -HUNDRED:
        return [Issue("value", f"A fall cannot be more than 100% ({value}).")]
    if unit not in (Unit.GBP, Unit.PERCENTAGE_POINTS, Unit.PERCENTAGE_CHANGE) and value < 0:
        label = Unit(unit).label.lower()
        return [Issue("value", f"{indicator.code} is a {label}: it cannot be negative ({value}).")]
    return []


def observation_set(
    *,
    indicator: Indicator,
    date: dt.date,
    source: Source,
    value: Decimal | None,
    qualifier: str = Qualifier.EXACT,
    as_written: str = "",
    area: str = Area.AUTHORITY,
    breakdown: dict[str, Any] | None = None,
    period_label: str = "",
    commentary: str = "",
) -> tuple[Observation, bool]:
    """Create or change one figure; returns it and whether anything was written."""
    breakdown = dict(breakdown or {})
    issues = observation_problems(
        indicator, breakdown=breakdown, value=value, qualifier=qualifier, area=area
    )
    if issues:
        raise ValidationError({i.field: i.message for i in issues})
    if source.organisation_id != indicator.organisation_id:
        raise ValidationError({"source": "That source belongs to another organisation."})
    key = breakdown_key(breakdown)
    observation = Observation.objects.filter(
        indicator=indicator,
        date=date,
        area=area,
        breakdown_key=key,
        source=source,
        as_written=as_written,
    ).first()
    if observation is None:
        observation = Observation(
            indicator=indicator,
            date=date,
            area=area,
            breakdown_key=key,
            source=source,
            as_written=as_written,
        )
    changed = _save_if_changed(
        observation,
        {
            "breakdown": breakdown,
            "value": value,
            "places": places_of(value) if value is not None else 0,
            "qualifier": qualifier,
            "period_label": period_label,
            "commentary": commentary,
        },
    )
    return observation, changed


# Rows a look-up of held figures reads at a time.
WRITE_BATCH = 2000
TEXT_LIMITS = {
    name: Observation._meta.get_field(name).max_length  # type: ignore[union-attr]
    for name in ("as_written", "period_label", "breakdown_key")
}


def observation_text_problems(
    *, as_written: str, period_label: str, breakdown_key: str
) -> list[Issue]:
    """What ``full_clean`` would refuse of a figure's text, checked before a bulk write."""
    issues = []
    for field, text, label in (
        ("as_written", as_written, "The figure as written"),
        ("period_label", period_label, "The period label"),
        ("breakdown", breakdown_key, "The breakdown"),
    ):
        limit = TEXT_LIMITS["breakdown_key" if field == "breakdown" else field]
        if limit is not None and len(text) > limit:
            issues.append(
                Issue(field, f"{label} is {len(text):,} characters long: at most {limit:,}.")
            )
    return issues


def observations_write(
    *, new: list[Observation], changed: list[Observation], user: Any = None
) -> None:
    """Insert ``new`` and update ``changed`` figures (already checked), each with its history
    row, in one transaction: all of them or none (``bulk.figures_write``). The new figures
    get their ids."""
    ids = bulk.figures_write(
        new=[figure_row(o) for o in new],
        changed=[(o.pk, *figure_row(o)) for o in changed],
        user_id=history_user_id(user),
        when=timezone.now(),
    )
    for observation, pk in zip(new, ids, strict=True):
        observation.pk = pk
        observation._state.adding = False


def figure_row(o: Observation) -> bulk.Row:
    """An observation as ``bulk.figures_write`` takes it."""
    return (
        o.indicator_id,
        o.date,
        o.period_label,
        o.area,
        breakdown_json(o.breakdown),
        o.breakdown_key,
        o.value,
        o.places,
        o.qualifier,
        o.as_written,
        o.source_id,
        o.commentary,
    )


def breakdown_json(breakdown: dict[str, Any]) -> str:
    """A breakdown as its JSON column holds it (what the ORM writes)."""
    return json.dumps(breakdown) if breakdown else "{}"


def history_user_id(user: Any = None) -> int | None:
    """The user a history row names, as a single ``save`` would: ``user``, or else the
    signed-in user of the request being served (simple-history's middleware), or nobody."""
    if user is None:
        history = Observation.history.model  # type: ignore[attr-defined]
        user = history.get_default_history_user(SimpleNamespace())
    return getattr(user, "pk", None)


def target_set(
    *,
    indicator: Indicator,
    date: dt.date,
    value: Decimal,
    as_written: str = "",
    source: Source | None = None,
) -> Target:
    issues = value_problems(indicator, value)
    if issues:
        raise ValidationError({"value": issues[0].message})
    target = Target.objects.filter(indicator=indicator, date=date).first()
    if target is None:
        target = Target(indicator=indicator, date=date)
    _save_if_changed(target, {"value": value, "as_written": as_written, "source": source})
    return target


# Inspections ----------------------------------------------------------------------------


def parse_judgement(text: str) -> str:
    """``"REQUIRES IMPROVEMENT"`` → ``requires_improvement``; ValueError for anything else."""
    wanted = " ".join(str(text).replace("_", " ").split()).strip(" .").lower()
    for choice in Judgement:
        if wanted in (choice.value.replace("_", " "), choice.label.lower()):
            return choice.value
    labels = ", ".join(j.label for j in Judgement)
    raise ValueError(f"‘{text}’ is not an Ofsted judgement: use one of {labels}.")


@transaction.atomic
def inspection_set(
    *,
    organisation: Organisation,
    establishment: str,
    date: dt.date,
    source: Source,
    town: str = "",
    urn: str = "",
    type: str = "",
    judgements: list[tuple[str, str]],
) -> Inspection:
    """Create or change an inspection and its judgements, ``[(area, judgement), ...]``."""
    if not judgements:
        raise ValidationError({"judgements": "An inspection has at least one judgement."})
    parsed = []
    for area, judgement in judgements:
        try:
            parsed.append((area, parse_judgement(judgement)))
        except ValueError as exc:
            raise ValidationError({"judgements": str(exc)}) from exc
    inspection = Inspection.objects.filter(
        organisation=organisation, establishment=establishment, date=date
    ).first()
    if inspection is None:
        inspection = Inspection(organisation=organisation, establishment=establishment, date=date)
    _save_if_changed(inspection, {"town": town, "urn": urn, "type": type, "source": source})
    existing = {j.area: j for j in inspection.judgements.all()}
    for order, (area, judgement) in enumerate(parsed):
        item = existing.pop(area, None) or InspectionJudgement(inspection=inspection, area=area)
        _save_if_changed(item, {"judgement": judgement, "order": order})
    for stale in existing.values():
        stale.delete()
    return inspection


INADEQUATE_SHARE_CODE = "INSPECTIONS-INADEQUATE-PCT"


def inadequate_share_record(
    *, organisation: Organisation, period: ReportingPeriod
) -> Observation | None:
    """The share of the period's reported inspections judged inadequate, kept as a figure of
    the indicator ``INSPECTIONS-INADEQUATE-PCT`` so it has a trend, RAG and chart like any
    other. Its source is Boardpack's register for the period, not a seed document."""
    from boardpack.performance.selectors import inadequate_share, inspections_for_period

    inspections = inspections_for_period(organisation, period)
    share = inadequate_share(inspections)
    if share is None:
        return None
    indicator = indicator_set(
        organisation=organisation,
        code=INADEQUATE_SHARE_CODE,
        title="Inspections judged inadequate",
        definition="The percentage of the Ofsted inspections reported in the period whose "
        "(first) judgement is Inadequate, computed from the school inspections register.",
        unit=Unit.PERCENTAGE,
        decimals=1,
        polarity="lower_is_better",
        frequency="quarterly",
        source="Boardpack's school inspections register",
        service_area="Education",
    )
    source = source_set(
        organisation=organisation,
        key=f"inspections-register-{period.key}",
        title=f"School inspections register, reported in {period.label}",
        date=period.period.last_day,
        period=period,
    )
    inadequate = sum(
        1
        for i in inspections
        if (first := next(iter(i.judgements.all()), None)) and first.judgement == "inadequate"
    )
    observation, _changed = observation_set(
        indicator=indicator,
        date=period.period.last_day,
        source=source,
        value=share,
        as_written=f"{share}%",
        period_label=period.label,
        commentary=f"{inadequate} of {len(inspections)} inspections reported.",
    )
    return observation
