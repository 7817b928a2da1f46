"""The demo's report templates: Somerset's "Progress Report for Scrutiny" (seed 001) and its
"Members' Quarterly Report" for January to March 2023 (seed 002, with its edition's narrative),
and Dorset's quarterly report for Cabinet, which its scrutiny chair asked for user numbers in
(seed 003): a template that shows the committee's requests.

Its sections follow the June 2024 deck in order: vision; priority workstreams with their
projects; the director's progress summary; the overarching finance summary; the MTFP tracker
(with its delivery chart); each of the four workstreams with its summary lists. What has changed
since the last period closes it. Idempotent: a second run changes nothing.
"""

from __future__ import annotations

from typing import Any

from boardpack.core.models import Organisation
from boardpack.demo.upsert import upsert
from boardpack.reports.demo_data import members_quarterly as mq
from boardpack.reports.models import (
    Audience,
    Block,
    BlockKind,
    Edition,
    EditionNarrative,
    ReportTemplate,
    TemplateSection,
)

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
        [
            (BlockKind.DIRECTORS_SUMMARY, {}),
            # The director's summary says it all: officers may add words, but need not.
            (BlockKind.NARRATIVE, {"text": "", "optional": True}),
        ],
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


MEMBERS_QUARTERLY_SLUG = mq.TEMPLATE["slug"]
# The data's block kinds that are the engine's under another name.
MQ_KINDS = {"budget_table": BlockKind.BUDGET_TABLE, "dsg_table": BlockKind.DSG_TABLES}
# Blocks whose words are the edition's narrative (the template holds none of them).
MQ_WORDS = {"narrative", "case_study", "quote"}
MQ_WHAT_CHANGED = ("what-has-changed", "What has changed since the last quarter")


def _mq_config(block: dict[str, Any]) -> dict[str, Any]:
    config = {k: v for k, v in block.items() if k not in ("kind", "markdown")}
    if block["kind"] in MQ_KINDS:
        # A report to members reprints the council's monitoring tables as it published them.
        config["figures"] = "as_stated"
    return config


def members_quarterly_template(organisation: Organisation) -> ReportTemplate:
    """Seed 002's sections, in its order, each with its blocks; then what has changed."""
    template = upsert(
        ReportTemplate,
        {"organisation": organisation, "slug": MEMBERS_QUARTERLY_SLUG},
        {
            "title": mq.TEMPLATE["title"],
            "cover_title": mq.TEMPLATE["title"],
            "audience": mq.TEMPLATE["audience"],
        },
    )
    sections = [*mq.SECTIONS]
    sections.append(
        {
            "slug": MQ_WHAT_CHANGED[0],
            "title": MQ_WHAT_CHANGED[1],
            "level": 1,
            "blocks": [{"kind": BlockKind.INDICATOR_CHANGES.value}],
        }
    )
    for order, data in enumerate(sections, start=1):
        section = upsert(
            TemplateSection,
            {"template": template, "slug": data["slug"]},
            {"title": data["title"], "order": order, "level": data["level"]},
        )
        for block_order, block in enumerate(data["blocks"], start=1):
            upsert(
                Block,
                {"section": section, "order": block_order},
                {
                    "kind": str(MQ_KINDS.get(block["kind"]) or BlockKind(block["kind"])),
                    "config": _mq_config(block),
                },
            )
    return template


def members_quarterly_edition(template: ReportTemplate) -> Edition:
    """The 2023-03 edition (January to March 2023), its narrative word for word, as a draft."""
    from boardpack.demo.loader import period

    organisation = template.organisation
    quarter = period(organisation, mq.EDITION["period"], mq.EDITION["subtitle"])
    edition = upsert(
        Edition,
        {"template": template, "period": quarter},
        {"organisation": organisation},
    )
    for data in mq.SECTIONS:
        for block_order, block in enumerate(data["blocks"], start=1):
            if block["kind"] not in MQ_WORDS:
                continue
            record = Block.objects.get(
                section__template=template, section__slug=data["slug"], order=block_order
            )
            upsert(
                EditionNarrative,
                {"edition": edition, "block": record},
                {"text": block["markdown"]},
            )
    return edition


CABINET_SLUG = "members-quarterly"  # the slug Dorset's scrutiny chair's request names


def dorset_cabinet_template(organisation: Organisation) -> ReportTemplate:
    """Dorset's quarterly report for Cabinet: in the demo it holds only what scrutiny asked of
    it (seed 003 publishes none of the report itself)."""
    template = upsert(
        ReportTemplate,
        {"organisation": organisation, "slug": CABINET_SLUG},
        {
            "title": "Quarterly Report for Cabinet",
            "cover_title": "",
            "audience": Audience.MEMBERS,
        },
    )
    section = upsert(
        TemplateSection,
        {"template": template, "slug": "requests-from-scrutiny"},
        {"title": "Requests from scrutiny", "order": 1, "level": 1},
    )
    upsert(
        Block,
        {"section": section, "order": 1},
        {"kind": str(BlockKind.GOVERNANCE_ACTIONS), "config": {}},
    )
    return template


def load_report_templates(orgs: dict[str, Organisation]) -> None:
    from boardpack.demo.loader import DORSET, SOMERSET

    scrutiny_template(orgs[SOMERSET])
    members_quarterly_edition(members_quarterly_template(orgs[SOMERSET]))
    dorset_cabinet_template(orgs[DORSET])
