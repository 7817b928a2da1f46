"""Report packs: templates (sections of blocks), and editions of a template for a period.

A template is data, kept in the database and editable in the admin. An edition is a template
for one organisation and period; it is drafted, approved and published. Publishing freezes a
version: the document's JSON and the narrative as they stood, so later data changes cannot
alter it. A correction opens a new version, with a reason; earlier versions stay downloadable.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from simple_history.models import HistoricalRecords

from boardpack.core.models import Organisation, ReportingPeriod

MAX_NARRATIVE_LENGTH = 20_000


class Audience(models.TextChoices):
    OFFICERS = "officers", "Officers"
    MEMBERS = "members", "Members (councillors)"
    PUBLIC = "public", "The public"


class BlockKind(models.TextChoices):
    NARRATIVE = "narrative", "Narrative (Markdown)"
    TITLE_VISION = "title_vision", "Title and vision"
    PRIORITY_WORKSTREAMS = "priority_workstreams", "Priority workstreams with their projects"
    DIRECTORS_SUMMARY = "directors_summary", "Director's progress summary"
    FINANCE_SUMMARY = "finance_summary", "Overarching finance summary"
    MTFP_TABLE = "mtfp_table", "MTFP tracker table"
    MTFP_CHART = "mtfp_chart", "MTFP delivery chart"
    BUDGET_TABLE = "budget_table", "Revenue budget monitoring table"
    DSG_TABLES = "dsg_tables", "DSG tables"
    WORKSTREAM_SUMMARY = "workstream_summary", "A workstream's summary"
    ESCALATIONS = "escalations", "Escalations"
    WHAT_CHANGED = "what_changed", "What has changed since the last period"
    BENCHMARKS = "benchmarks", "How we compare: DfE benchmarks (optional config: measures)"
    BENCHMARK_MEASURE = "benchmark_measure", "One benchmarked measure over time (config: measure)"
    HEADLINE_FIGURES = "headline_figures", "Headline figures: KPI tiles (config: indicators)"
    INDICATOR_CHART = "indicator_chart", "An indicator against its comparators over time"
    INDICATOR_TABLE = "indicator_table", "Indicators across one breakdown (a table)"
    BREAKDOWN_TABLE = "breakdown_table", "One indicator by two breakdowns (a table)"
    INSPECTIONS_LIST = "inspections_list", "School inspections, grouped by judgement"
    CASE_STUDY = "case_study", "Case study (Markdown, under its title)"
    QUOTE = "quote", "Quoted words (Markdown)"
    GOVERNANCE_ACTIONS = "governance_actions", "Committee actions and requests for this report"
    INDICATOR_CHANGES = "indicator_changes", "What has changed since the last quarter: indicators"


# Blocks whose text officers write (or edit) for each edition.
EDITABLE_KINDS = (
    BlockKind.NARRATIVE,
    BlockKind.WHAT_CHANGED,
    BlockKind.CASE_STUDY,
    BlockKind.QUOTE,
    BlockKind.INDICATOR_CHANGES,
)
# Blocks of words officers must write before an edition is approved (unless the block's config
# says ``"optional": true``).
NARRATIVE_KINDS = (BlockKind.NARRATIVE, BlockKind.CASE_STUDY, BlockKind.QUOTE)


class ReportTemplate(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="report_templates"
    )
    slug = models.SlugField(max_length=80)
    title = models.CharField(max_length=200, help_text='e.g. "Progress Report for Scrutiny".')
    cover_title = models.CharField(
        max_length=200,
        blank=True,
        help_text='The banner on the cover, e.g. "Included, Educated & Cared For".',
    )
    audience = models.CharField(max_length=20, choices=Audience.choices, default=Audience.OFFICERS)
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "slug"], name="unique_report_template_slug"
            )
        ]

    def __str__(self) -> str:
        return self.title


class TemplateSection(models.Model):
    template = models.ForeignKey(ReportTemplate, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=80)
    level = models.PositiveSmallIntegerField(
        default=1,
        validators=[MinValueValidator(1), MaxValueValidator(3)],
        help_text="1: a section of its own; 2 and 3: a sub-section that follows on the same page.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["template", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["template", "slug"], name="unique_section_slug")
        ]

    def __str__(self) -> str:
        return self.title


class Block(models.Model):
    section = models.ForeignKey(TemplateSection, on_delete=models.CASCADE, related_name="blocks")
    order = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=30, choices=BlockKind.choices)
    title = models.CharField(max_length=300, blank=True, help_text="Optional heading.")
    config = models.JSONField(
        default=dict,
        blank=True,
        help_text='Settings of the block, e.g. {"workstream": "support-early"} or '
        '{"text": "Markdown shown unless an edition says otherwise"}.',
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["section", "order", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} in {self.section}"

    @property
    def editable(self) -> bool:
        return self.kind in EDITABLE_KINDS

    def clean(self) -> None:
        if not isinstance(self.config, dict):
            raise ValidationError({"config": "Give the settings as a JSON object: {…}."})


class Edition(models.Model):
    """A template for one organisation and period."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        APPROVED = "approved", "Approved"
        PUBLISHED = "published", "Published"

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    template = models.ForeignKey(ReportTemplate, on_delete=models.PROTECT, related_name="editions")
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="+")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    version = models.PositiveSmallIntegerField(
        default=1, help_text="The version being drafted, or the last published."
    )
    correction_reason = models.TextField(
        blank=True, help_text="Why this version corrects the one before."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "-period__month", "template__title"]
        permissions = [
            ("approve_edition", "Can approve a report edition"),
            ("publish_edition", "Can publish a report edition"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["template", "period"], name="one_edition_per_period")
        ]

    def __str__(self) -> str:
        return f"{self.template.title} – {self.period.label}"

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    def clean(self) -> None:
        if self.organisation_id and self.period_id:
            if self.period.organisation_id != self.organisation_id:
                raise ValidationError({"period": "That period belongs to another organisation."})
        if self.organisation_id and self.template_id:
            if self.template.organisation_id != self.organisation_id:
                raise ValidationError({"template": "That template is another organisation's."})


class EditionNarrative(models.Model):
    """What officers wrote for one editable block of an edition (Markdown)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="narratives")
    block = models.ForeignKey(Block, on_delete=models.CASCADE, related_name="+")
    text = models.TextField(blank=True, max_length=MAX_NARRATIVE_LENGTH)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["edition", "block"], name="one_narrative_per_block")
        ]

    def __str__(self) -> str:
        return f"Narrative for {self.block} in {self.edition}"


class EditionVersion(models.Model):
    """A published version: the frozen document and narrative, never changed afterwards."""

    edition = models.ForeignKey(Edition, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField()
    reason = models.TextField(blank=True, help_text="Why this version corrects the one before.")
    document = models.JSONField(help_text="The intermediate document, as published.")
    narrative = models.JSONField(default=dict, help_text="Narrative per block, as published.")
    published_at = models.DateTimeField(auto_now_add=True)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["edition", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "number"], name="one_version_number")
        ]

    def __str__(self) -> str:
        return f"{self.edition} version {self.number}"


class FileFormat(models.TextChoices):
    HTML = "html", "Web page (HTML)"
    PDF = "pdf", "PDF"
    DOCX = "docx", "Word"
    PPTX = "pptx", "PowerPoint"


class Generation(models.Model):
    """One run of the background task that renders every format of an edition's version."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        RUNNING = "running", "Generating"
        DONE = "done", "Ready"
        FAILED = "failed", "Failed"

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="generations")
    version = models.PositiveSmallIntegerField()
    published = models.BooleanField(default=False, help_text="From the published snapshot.")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    task_id = models.CharField(max_length=64, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["edition", "-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Files of {self.edition} version {self.version}"


class GeneratedFile(models.Model):
    generation = models.ForeignKey(Generation, on_delete=models.CASCADE, related_name="files")
    format = models.CharField(max_length=10, choices=FileFormat.choices)
    content = models.BinaryField()
    size = models.PositiveIntegerField(default=0)
    sha256 = models.CharField(max_length=64)
    created_at = models.DateTimeField(auto_now_add=True)
    # The content is kept once, not again in every history row.
    history = HistoricalRecords(excluded_fields=["content"])

    class Meta:
        ordering = ["generation", "format"]
        constraints = [
            models.UniqueConstraint(fields=["generation", "format"], name="one_file_per_format")
        ]

    def __str__(self) -> str:
        return f"{self.generation} ({self.format})"
