"""The monthly cycle: what is drafted, submitted and approved, and by whom.

Programme records (workstream updates, the director's and finance summaries) carry their own
approval state through :class:`Approvable`. Finance positions are approved per organisation,
period and dataset by a record of their own, so the finance tables stay as they are.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from simple_history.models import HistoricalRecords

from boardpack.core.models import Organisation, ReportingPeriod


class ApprovalStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    APPROVED = "approved", "Approved"
    RETURNED = "returned", "Returned"


class Approvable(models.Model):
    """Draft → submitted → approved (→ returned, with a comment), and the version edited.

    ``version`` goes up by one on every save through a service: an edit form carries the
    version it was opened on, and saving over a newer one is a conflict, never an overwrite.
    """

    status = models.CharField(
        max_length=10, choices=ApprovalStatus.choices, default=ApprovalStatus.DRAFT
    )
    status_comment = models.TextField(
        blank=True, max_length=2000, help_text="Why it was returned, for whoever fixes it."
    )
    # Set by the workflow's services only, never in a form (nor the admin).
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    status_changed_at = models.DateTimeField(null=True, blank=True, editable=False)
    carried_forward_from = models.ForeignKey(
        ReportingPeriod,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        help_text="Copied from this period when the period was opened, and not edited since.",
    )
    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    @property
    def is_approved(self) -> bool:
        return self.status == ApprovalStatus.APPROVED


class FinanceDataset(models.TextChoices):
    SAVINGS = "savings", "MTFP savings tracker"
    BUDGET = "budget", "Revenue budget monitoring"
    DSG = "dsg", "Dedicated Schools Grant"


class FinanceApproval(Approvable):
    """The approval of one finance dataset's positions for one organisation and period."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="finance_approvals"
    )
    period = models.ForeignKey(ReportingPeriod, on_delete=models.PROTECT, related_name="+")
    dataset = models.CharField(max_length=20, choices=FinanceDataset.choices)
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "-period__month", "dataset"]
        permissions = [("approve_finance", "Can approve finance positions and the finance summary")]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "period", "dataset"], name="one_finance_approval"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_dataset_display()} – {self.period}"
