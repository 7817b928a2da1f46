from django.contrib.auth.models import AbstractUser
from django.db import models
from simple_history.models import HistoricalRecords

from boardpack.core.models import Organisation


class User(AbstractUser):
    is_demo = models.BooleanField(
        default=False,
        help_text="A demo sign-in: it works only while the instance runs in demo or debug mode.",
    )
    organisations = models.ManyToManyField(  # type: ignore[var-annotated]
        Organisation, through="Membership", related_name="members", blank=True
    )
    history = HistoricalRecords()

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


class Membership(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "organisation"], name="one_membership")
        ]

    def __str__(self) -> str:
        return f"{self.user} in {self.organisation}"
