"""Upload records and the column mappings users saved for their own spreadsheet layouts."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from boardpack.core.models import Organisation, ReportingPeriod
from boardpack.imports.problems import Problem


class ImportRun(models.Model):
    """One spreadsheet uploaded for one dataset and period, from upload to apply.

    The file itself is kept on the record between the upload, mapping and preview steps, so the
    server never relies on anything the browser sends back except the run's id.
    """

    class Status(models.TextChoices):
        UPLOADED = "uploaded", "Uploaded"
        NEEDS_MAPPING = "needs_mapping", "Columns to match"
        REFUSED = "refused", "Refused"
        PLANNING = "planning", "Being checked"
        READY = "ready", "Ready to apply"
        APPLYING = "applying", "Being applied"
        APPLIED = "applied", "Applied"
        CANCELLED = "cancelled", "Cancelled"

    class Source(models.TextChoices):
        WEB = "web", "Upload page"
        COMMAND = "command", "Command line"

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="import_runs"
    )
    dataset = models.CharField(max_length=50)
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="+")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="import_runs",
    )
    source = models.CharField(max_length=10, choices=Source.choices, default=Source.WEB)
    file_name = models.CharField(max_length=255)
    file_size = models.PositiveIntegerField(default=0)
    file_sha256 = models.CharField(max_length=64, blank=True)
    file_data = models.BinaryField(editable=False, default=bytes)
    unit = models.CharField(
        max_length=10, blank=True, help_text="£, £000 or £m; blank: from the headings."
    )
    sheet_name = models.CharField(max_length=100, blank=True)
    add_new = models.BooleanField(
        default=False, help_text="Whether lines Boardpack does not know yet may be added."
    )
    mapping = models.JSONField(default=dict, blank=True, help_text="Column key → column index.")
    table = models.CharField(
        max_length=50,
        blank=True,
        help_text="The dataset's further table the user said the file holds (such as the DSG "
        "allocation); blank: its main table, or as found.",
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.UPLOADED)
    problems = models.JSONField(default=list, blank=True)
    plan_fingerprint = models.CharField(max_length=64, blank=True)
    new_count = models.PositiveIntegerField(default=0)
    changed_count = models.PositiveIntegerField(default=0)
    unchanged_count = models.PositiveIntegerField(default=0)
    problem_count = models.PositiveIntegerField(default=0)
    # A large file (more rows than settings.BOARDPACK_IMPORT_BACKGROUND_ROWS) is checked and
    # applied by a background task; the task says here how far it has gone.
    background = models.BooleanField(
        default=False, help_text="Checked and applied by a background task (a large file)."
    )
    stage = models.CharField(
        max_length=20, blank=True, help_text="What the background task is doing; blank: nothing."
    )
    done = models.PositiveIntegerField(default=0, help_text="Rows the task's stage has done.")
    total = models.PositiveIntegerField(default=0, help_text="Rows the task's stage has to do.")
    error = models.TextField(blank=True, help_text="Why the last background task failed.")
    # The checked plan (the preview) a background task made, for the preview page to show
    # without checking the file again; written and read by Boardpack alone, never sent to the
    # browser. Empty: not checked yet, or to be checked again.
    plan_data = models.BinaryField(editable=False, default=bytes)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    applied_at = models.DateTimeField(null=True, blank=True)
    history = HistoricalRecords(
        excluded_fields=["file_data", "plan_data", "stage", "done", "total"]
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["organisation", "dataset", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.dataset} {self.file_name} ({self.get_status_display()})"

    @property
    def problem_list(self) -> list[Problem]:
        return [Problem.from_dict(p) for p in self.problems]

    @property
    def is_open(self) -> bool:
        return self.status not in (self.Status.APPLIED, self.Status.CANCELLED)

    @property
    def is_busy(self) -> bool:
        """A background task is checking or applying the file."""
        return self.status in (self.Status.PLANNING, self.Status.APPLYING)

    @property
    def may_change(self) -> bool:
        """Whether the user's choices (unit, sheet, columns) may still change the run."""
        return self.is_open and not self.is_busy

    @property
    def stage_label(self) -> str:
        return STAGE_LABELS.get(self.stage, "Working")


STAGE_QUEUED = "queued"
STAGE_APPLYING = "applying"  # checked again and written in one transaction: no count meanwhile
STAGE_LABELS = {
    STAGE_QUEUED: "Waiting to start",
    STAGE_APPLYING: "Checking every row again, then writing them all at once",
    "reading": "Reading the rows",
    "checking": "Checking the rows",
    "writing": "Writing the rows",
}


class SavedLayout(models.Model):
    """A column mapping a user saved for one layout of their own spreadsheet.

    A layout is identified by the signature of its header texts, per organisation and dataset,
    so the next file laid out the same way is read without asking again.
    """

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="saved_import_layouts"
    )
    dataset = models.CharField(max_length=50)
    table = models.CharField(
        max_length=50, blank=True, help_text="A further table of the dataset; blank: its main one."
    )
    signature = models.CharField(max_length=64)
    headers = models.JSONField(default=list)
    mapping = models.JSONField(default=dict, help_text="Column key → column index.")
    saved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "dataset", "table", "signature"],
                name="one_layout_per_table_signature",
            )
        ]

    def __str__(self) -> str:
        return f"{self.dataset} layout {self.signature[:8]} ({self.organisation})"
