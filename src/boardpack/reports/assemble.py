"""An edition's document: its template's sections, each block turned into nodes.

Live editions read today's data; a published version is its frozen snapshot instead (see
``selectors.edition_document``).
"""

from __future__ import annotations

import logging

from django.core.exceptions import ObjectDoesNotExist

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.reports.blocks import BUILDERS, BlockContext, MissingData
from boardpack.reports.document import Document, Heading, Node, Notice, Section
from boardpack.reports.models import Block, ReportTemplate

logger = logging.getLogger(__name__)


def block_nodes(block: Block, ctx: BlockContext) -> list[Node]:
    builder = BUILDERS.get(block.kind)
    if builder is None:
        return [Notice(f"This block's kind {block.kind!r} is not known to Boardpack.")]
    try:
        nodes = builder(block, ctx)
    except MissingData as missing:
        return [Notice(str(missing))]
    except (LookupError, ValueError, TypeError, ObjectDoesNotExist, AttributeError) as exc:
        # A template is data an administrator edits: a wrong setting must not stop the edition.
        logger.warning("Block %s (%s) failed: %s", block.pk, block.kind, exc)
        return [Notice(f"This part could not be produced ({block.get_kind_display()}).")]
    if block.title and nodes:
        nodes = [Heading(block.title, level=2), *nodes]
    return nodes


def _section_notes(nodes: list[Node]) -> str:
    """Speaker notes: the section's narrative paragraphs as plain text."""
    texts = [n.text for n in nodes if n.kind == "paragraph"]  # type: ignore[union-attr]
    return "\n\n".join(texts)


def build_document(
    template: ReportTemplate,
    organisation: Organisation,
    period: ReportingPeriod,
    *,
    narratives: dict[int, str] | None = None,
    status_label: str = "",
) -> Document:
    ctx = BlockContext(organisation=organisation, period=period, narratives=narratives or {})
    sections = []
    cover_text: tuple[str, ...] = ()
    blocks_by_section: dict[int, list[Block]] = {}
    for block in Block.objects.filter(section__template=template).order_by("order", "pk"):
        blocks_by_section.setdefault(block.section_id, []).append(block)
    for section in template.sections.order_by("order", "pk"):
        nodes: list[Node] = []
        notes: list[Node] = []
        for block in blocks_by_section.get(section.pk, []):
            produced = block_nodes(block, ctx)
            nodes += produced
            if block.kind == "narrative":
                notes += produced
            if block.kind == "title_vision" and ctx.programme and ctx.programme.vision:
                cover_text = ("“" + ctx.programme.vision.strip('“”"') + "”",)
        if not nodes:
            nodes = [Notice("Nothing is in this section yet.", level="info")]
        sections.append(
            Section(
                title=section.title,
                nodes=tuple(nodes),
                notes=_section_notes(notes),
                slug=section.slug,
            )
        )
    period_title = period.title or period.label
    return Document(
        title=template.cover_title or template.title,
        subtitle=f"{period_title} – {template.title}",
        organisation=organisation.name,
        period_label=period_title,
        sections=tuple(sections),
        status_label=status_label,
        audience=template.audience,  # type: ignore[arg-type]
        cover_text=cover_text,
    )


def missing_notices(document: Document) -> list[str]:
    """What the document says is missing (``boardpack report --strict`` fails on any)."""
    return [
        f"{section.title}: {node.text}"
        for section in document.sections
        for node in section.nodes
        if isinstance(node, Notice) and node.level == "missing"
    ]
