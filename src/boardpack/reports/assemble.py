"""An edition's document: its template's sections, each block turned into nodes.

Live editions read today's data; a published version is its frozen snapshot instead (see
``selectors.edition_document``).
"""

from __future__ import annotations

import functools
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


# A report template's audience, as the performance app's suppression names it.
FIGURES_AUDIENCE = {"officers": "officer", "members": "member", "public": "public"}


def _shift(node: Node, by: int) -> Node:
    """A sub-section's own headings sit below its title (h3 under an h2 section, …)."""
    if by and isinstance(node, Heading):
        return Heading(node.text, level=min(node.level + by, 6))
    return node


def build_document(
    template: ReportTemplate,
    organisation: Organisation,
    period: ReportingPeriod,
    *,
    narratives: dict[int, str] | None = None,
    status_label: str = "",
    officers_preview: bool = False,
) -> Document:
    """The edition's document. Its figures are for the template's audience (members and the
    public see small numbers as ``c``); ``officers_preview`` shows officers the true figures,
    each marked where that audience would see ``c``."""
    audience = FIGURES_AUDIENCE.get(template.audience, "member")
    ctx = BlockContext(
        organisation=organisation,
        period=period,
        narratives=narratives or {},
        audience="officer" if officers_preview else audience,
        mark_for=audience if officers_preview and audience != "officer" else "",
        template=template,
    )
    sections = []
    cover_text: tuple[str, ...] = ()
    blocks_by_section: dict[int, list[Block]] = {}
    for block in Block.objects.filter(section__template=template).order_by("order", "pk"):
        blocks_by_section.setdefault(block.section_id, []).append(block)
    for section_id, blocks in blocks_by_section.items():
        # Read here already: a headline block reads its section's words from them.
        ctx.once(("section blocks", section_id), functools.partial(list, blocks))
    template_sections = list(template.sections.order_by("order", "pk"))
    for index, section in enumerate(template_sections):
        following = template_sections[index + 1] if index + 1 < len(template_sections) else None
        nodes: list[Node] = []
        notes: list[Node] = []
        for block in blocks_by_section.get(section.pk, []):
            produced = block_nodes(block, ctx)
            nodes += produced
            if block.kind in ("narrative", "case_study", "quote"):
                notes += produced
            if block.kind == "title_vision" and ctx.programme and ctx.programme.vision:
                cover_text = ("“" + ctx.programme.vision.strip('“”"') + "”",)
        heads_parts = following is not None and following.level > section.level
        if not nodes and not (heads_parts and not blocks_by_section.get(section.pk)):
            # (A heading with no blocks of its own over its sub-sections — the seed's "Early
            # Help" — is just a heading.)
            nodes = [Notice("Nothing is in this section yet.", level="info")]
        sections.append(
            Section(
                title=section.title,
                nodes=tuple(_shift(n, section.level - 1) for n in nodes),
                notes=_section_notes(notes),
                slug=section.slug,
                level=section.level,
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
