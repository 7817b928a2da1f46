"""The demo's report templates: Somerset's "Progress Report for Scrutiny" (seed 001).

Its sections follow the June 2024 deck in order: vision; priority workstreams with their
projects; the director's progress summary; the overarching finance summary; the MTFP tracker
(with its delivery chart); each of the four workstreams with its summary lists. What has changed
since the last period closes it. Idempotent: a second run changes nothing.
"""

from __future__ import annotations

from typing import Any

from boardpack.core.models import Organisation
from boardpack.demo.upsert import upsert
from boardpack.reports.models import Audience, Block, BlockKind, ReportTemplate, TemplateSection

SCRUTINY_SLUG = "scrutiny-progress"
PROGRAMME_TITLE = "Children's Transformation Programme"

WORKSTREAM_SECTIONS = [
    ("local-mainstream-school", "Local mainstream school is the right choice for most children"),
    ("excellent-workforce", "Developing an excellent workforce for children"),
    ("support-early", "Families can access support early"),
    (
        "sufficient-homes",
        "Sufficient homes for children in care and school places for children with "
        "additional needs in Somerset",
    ),
]

# (section slug, title, [(block kind, config)])
SCRUTINY_SECTIONS: list[tuple[str, str, list[tuple[BlockKind, dict[str, Any]]]]] = [
    ("vision", "Our vision", [(BlockKind.TITLE_VISION, {})]),
    ("priority-workstreams", "Priority Workstreams", [(BlockKind.PRIORITY_WORKSTREAMS, {})]),
    (
        "directors-summary",
        "Director's Progress Summary",
        [(BlockKind.DIRECTORS_SUMMARY, {}), (BlockKind.NARRATIVE, {"text": ""})],
    ),
    (
        "finance-summary",
        f"{PROGRAMME_TITLE} – Overarching Finance Summary",
        [(BlockKind.FINANCE_SUMMARY, {})],
    ),
    (
        "mtfp-tracker",
        f"{PROGRAMME_TITLE} – MTFP Tracker",
        [(BlockKind.MTFP_TABLE, {}), (BlockKind.MTFP_CHART, {})],
    ),
    *[
        (slug, title, [(BlockKind.WORKSTREAM_SUMMARY, {"workstream": slug})])
        for slug, title in WORKSTREAM_SECTIONS
    ],
    ("what-has-changed", "What has changed since the last period", [(BlockKind.WHAT_CHANGED, {})]),
]


def scrutiny_template(organisation: Organisation) -> ReportTemplate:
    template = upsert(
        ReportTemplate,
        {"organisation": organisation, "slug": SCRUTINY_SLUG},
        {
            "title": "Progress Report for Scrutiny",
            "cover_title": "Included, Educated & Cared For",
            "audience": Audience.MEMBERS,
        },
    )
    for order, (slug, title, blocks) in enumerate(SCRUTINY_SECTIONS, start=1):
        section = upsert(
            TemplateSection, {"template": template, "slug": slug}, {"title": title, "order": order}
        )
        for block_order, (kind, config) in enumerate(blocks, start=1):
            upsert(
                Block,
                {"section": section, "order": block_order},
                {"kind": str(kind), "config": config},
            )
    return template


def load_report_templates(orgs: dict[str, Organisation]) -> None:
    from boardpack.demo.loader import SOMERSET

    scrutiny_template(orgs[SOMERSET])
