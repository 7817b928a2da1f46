"""Bench data: an organisation's programme, savings and budget made ``times`` as large.

Only ever run on a benchmark's own database (``bench.prepare --multiply``). Every row made here
is marked as bench data: names and descriptions start with ``[bench data]``, workstream slugs and
saving references end in ``-bench-N`` / ``-BN``, so nobody could take them for a council's figures.

Copied, ``times - 1`` times each, with their figures for every period:
* workstreams, with their projects, period updates and escalations;
* MTFP savings lines, with their positions (linked to the copied workstream);
* the service-area tree under each directorate, with its budget lines and stated totals;
* performance indicators with their figures (``bench.performance``'s copier).

Rows are written with ``bulk_create``: bench data has no change history.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypeVar

from django.db import models, transaction

MARK = "[bench data]"
M = TypeVar("M", bound=models.Model)


def _clone(obj: M, **changes: Any) -> M:
    """An unsaved copy of ``obj`` with ``changes`` applied (a new primary key on save)."""
    copy = type(obj)()
    for field in obj._meta.concrete_fields:
        if not field.primary_key:
            setattr(copy, field.attname, getattr(obj, field.attname))
    for name, value in changes.items():
        setattr(copy, name, value)
    return copy


def _create(model: type[M], objs: Iterable[M]) -> list[M]:
    # Both SQLite and PostgreSQL give bulk-created rows their primary keys back.
    return model._default_manager.bulk_create(list(objs), batch_size=500)


def multiply(organisation, times: int = 10) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Add ``times - 1`` marked copies of the organisation's lines; the counts afterwards."""
    from boardpack.finance.models import (
        BudgetLine,
        BudgetStatedTotal,
        SavingLine,
        SavingPosition,
        ServiceArea,
    )
    from boardpack.programme.models import (
        Escalation,
        Project,
        ProjectUpdate,
        Workstream,
        WorkstreamUpdate,
    )

    if times < 2:
        return counts(organisation)
    workstreams = list(Workstream.objects.filter(programme__organisation=organisation))
    projects = list(Project.objects.filter(workstream__in=workstreams))
    ws_updates = list(WorkstreamUpdate.objects.filter(workstream__in=workstreams))
    pr_updates = list(ProjectUpdate.objects.filter(project__in=projects))
    escalations = list(
        Escalation.objects.filter(workstream__in=workstreams, carried_from__isnull=True)
    )
    savings = list(SavingLine.objects.filter(organisation=organisation))
    positions = list(SavingPosition.objects.filter(line__in=savings))
    areas = list(ServiceArea.objects.filter(organisation=organisation))
    budget = list(BudgetLine.objects.filter(service_area__in=areas))
    stated = list(BudgetStatedTotal.objects.filter(service_area__in=areas))
    top_order = max((a.order for a in areas), default=0)
    ws_order = max((w.order for w in workstreams), default=0)

    with transaction.atomic():
        for n in range(1, times):
            ws_map = {
                w.pk: c
                for w, c in zip(
                    workstreams,
                    _create(
                        Workstream,
                        (
                            _clone(
                                w,
                                name=f"{MARK} {w.name} ({n})",
                                slug=f"{w.slug}-bench-{n}"[:80],
                                order=ws_order + n * len(workstreams) + w.order,
                            )
                            for w in workstreams
                        ),
                    ),
                    strict=True,
                )
            }
            pr_map = {
                p.pk: c
                for p, c in zip(
                    projects,
                    _create(
                        Project,
                        (
                            _clone(
                                p, name=f"{MARK} {p.name}", workstream_id=ws_map[p.workstream_id].pk
                            )
                            for p in projects
                        ),
                    ),
                    strict=True,
                )
            }
            _create(
                WorkstreamUpdate,
                (_clone(u, workstream_id=ws_map[u.workstream_id].pk) for u in ws_updates),
            )
            _create(
                ProjectUpdate, (_clone(u, project_id=pr_map[u.project_id].pk) for u in pr_updates)
            )
            _create(
                Escalation,
                (
                    _clone(
                        e,
                        workstream_id=ws_map[e.workstream_id].pk,
                        project_id=pr_map[e.project_id].pk if e.project_id else None,
                        text=f"{MARK} {e.text}"[:2000],
                    )
                    for e in escalations
                    if e.workstream_id is not None
                ),
            )
            line_map = {
                s.pk: c
                for s, c in zip(
                    savings,
                    _create(
                        SavingLine,
                        (
                            _clone(
                                s,
                                reference=f"{s.reference}-B{n}"[:30],
                                description=f"{MARK} {s.description}",
                                workstream_id=ws_map[s.workstream_id].pk
                                if s.workstream_id
                                else None,
                                project_id=pr_map[s.project_id].pk if s.project_id else None,
                                order=s.order + n * 1000,
                            )
                            for s in savings
                        ),
                    ),
                    strict=True,
                )
            }
            _create(SavingPosition, (_clone(p, line_id=line_map[p.line_id].pk) for p in positions))
            # Service areas: parents before children (directorate, division, service line).
            area_map: dict[int, ServiceArea] = {}
            for level in ServiceArea.Level.values:
                tier = [a for a in areas if a.level == level]
                copies = _create(
                    ServiceArea,
                    (
                        _clone(
                            a,
                            name=f"{MARK} {a.name} ({n})"
                            if a.parent_id is None
                            else f"{MARK} {a.name}",
                            parent_id=area_map[a.parent_id].pk if a.parent_id else None,
                            order=a.order + n * (top_order + 1) if a.parent_id is None else a.order,
                        )
                        for a in tier
                    ),
                )
                area_map.update({a.pk: c for a, c in zip(tier, copies, strict=True)})
            _create(
                BudgetLine,
                (_clone(b, service_area_id=area_map[b.service_area_id].pk) for b in budget),
            )
            _create(
                BudgetStatedTotal,
                (
                    _clone(s, service_area_id=area_map[s.service_area_id].pk)
                    for s in stated
                    if s.service_area_id
                ),
            )
    from bench.performance import _multiply as multiply_indicators

    multiply_indicators(organisation, times)
    return counts(organisation)


def counts(organisation) -> dict[str, int]:  # type: ignore[no-untyped-def]
    from boardpack.finance.models import BudgetLine, SavingLine, SavingPosition
    from boardpack.performance.models import Indicator
    from boardpack.programme.models import Project, Workstream

    return {
        "workstreams": Workstream.objects.filter(programme__organisation=organisation).count(),
        "projects": Project.objects.filter(
            workstream__programme__organisation=organisation
        ).count(),
        "savings lines": SavingLine.objects.filter(organisation=organisation).count(),
        "saving positions": SavingPosition.objects.filter(line__organisation=organisation).count(),
        "budget lines": BudgetLine.objects.filter(service_area__organisation=organisation).count(),
        "indicators": Indicator.objects.filter(organisation=organisation).count(),
    }
