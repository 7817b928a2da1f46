"""England's geography and the DfE's published figures for every authority.

Authorities, regions and statistical neighbours are public reference data shared by every
organisation on the instance. What an organisation benchmarks — its measures, the file layouts it
has mapped, and the figures imported for its measures — belongs to that organisation.
"""

from __future__ import annotations

from django.db import models
from simple_history.models import HistoricalRecords

from boardpack.core.models import Organisation

ENGLAND_CODE = "E92000001"


class Region(models.Model):
    code = models.CharField(max_length=9, unique=True)
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class LocalAuthority(models.Model):
    """An upper-tier authority, known by its stable three-digit DfE code (Somerset is 933).

    Authorities that report jointly (North and West Northamptonshire's children's trust publishes
    its workforce as "940 / 941") are held as a reporting unit of their own, under that code.
    """

    old_la_code = models.CharField("LA code", max_length=20, unique=True)
    new_la_code = models.CharField("ONS code", max_length=30, blank=True)
    name = models.CharField(max_length=100)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="authorities")
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "local authorities"

    def __str__(self) -> str:
        return f"{self.name} ({self.old_la_code})"


class AuthorityCode(models.Model):
    """An ONS code or name an authority has been published under, and the years it was used."""

    authority = models.ForeignKey(LocalAuthority, on_delete=models.CASCADE, related_name="codes")
    new_la_code = models.CharField(max_length=30)
    name = models.CharField(max_length=100)
    first_year = models.CharField(max_length=10)
    last_year = models.CharField(max_length=10)

    class Meta:
        ordering = ["authority", "first_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "new_la_code", "name"], name="one_row_per_code_and_name"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.new_la_code}, {self.first_year}–{self.last_year})"


class Closeness(models.TextChoices):
    VERY_CLOSE = "very_close", "Very close"
    CLOSE = "close", "Close"
    SOMEWHAT_CLOSE = "somewhat_close", "Somewhat close"
    NOT_CLOSE = "not_close", "Not close"


class StatisticalNeighbour(models.Model):
    authority = models.ForeignKey(
        LocalAuthority, on_delete=models.CASCADE, related_name="neighbour_links"
    )
    neighbour = models.ForeignKey(LocalAuthority, on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField()
    closeness = models.CharField(max_length=20, choices=Closeness.choices)
    model = models.CharField(max_length=20, default="2025")

    class Meta:
        ordering = ["authority", "model", "rank"]
        constraints = [
            models.UniqueConstraint(
                fields=["authority", "model", "rank"], name="one_neighbour_per_rank"
            )
        ]

    def __str__(self) -> str:
        return f"{self.authority.name}: {self.rank}. {self.neighbour.name}"


class HomeAuthority(models.Model):
    """Which authority an organisation is, for benchmarking (the demo: Somerset, 933)."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="home_authority"
    )
    authority = models.ForeignKey(LocalAuthority, on_delete=models.PROTECT)
    neighbour_model = models.CharField(max_length=20, default="2025")
    history = HistoricalRecords()

    def __str__(self) -> str:
        return f"{self.organisation}: {self.authority}"


class Unit(models.TextChoices):
    COUNT = "count", "Count"
    PERCENTAGE = "percentage", "Percentage"
    RATE_PER_10000 = "rate_per_10000", "Rate per 10,000"
    GBP = "gbp", "£"
    DAYS = "days", "Days"
    RATIO = "ratio", "Ratio"


class Polarity(models.TextChoices):
    HIGHER_IS_BETTER = "higher_is_better", "Higher is better"
    LOWER_IS_BETTER = "lower_is_better", "Lower is better"
    NEITHER = "neither", "Neither"


class Measure(models.Model):
    """A benchmarked indicator: one column of a DfE file, under chosen filter values."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="benchmark_measures"
    )
    code = models.CharField(max_length=60)
    title = models.CharField(max_length=200)
    unit = models.CharField(max_length=20, choices=Unit.choices, default=Unit.COUNT)
    decimals = models.PositiveSmallIntegerField(default=0)
    polarity = models.CharField(max_length=20, choices=Polarity.choices, default=Polarity.NEITHER)
    source = models.CharField(max_length=200, blank=True)
    indicator = models.ForeignKey(
        "performance.Indicator",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="benchmark_measures",
        help_text="The indicator these figures feed: the authority's value and its comparators "
        "become its observations, so its RAG rule and charts use them.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "code"], name="one_measure_code_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return self.title


class TidyMapping(models.Model):
    """How the columns of one DfE file layout become measures; saved and reused by name."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="tidy_mappings"
    )
    name = models.SlugField(max_length=60)
    columns = models.JSONField(help_text="The file layout's column names, in order.")
    # [{"column": "rate_per_10000", "filters": {"population_type": "…"}, "measure": "CLA-RATE"}]
    entries = models.JSONField(default=list)
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="one_mapping_name_per_organisation"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Level(models.TextChoices):
    NATIONAL = "national", "England"
    REGIONAL = "regional", "Region"
    AUTHORITY = "authority", "Local authority"


class Symbol(models.TextChoices):
    NONE = "", "Value"
    SUPPRESSED = "c", "c (suppressed)"
    NOT_AVAILABLE = "x", "x (not available)"
    NOT_APPLICABLE = "z", "z (not applicable)"
    LOW = "low", "low (rounds to zero)"
    UNRELIABLE = "u", "u (low reliability)"


class BenchmarkValue(models.Model):
    """One published figure: a measure, a year, and England, a region or an authority."""

    measure = models.ForeignKey(Measure, on_delete=models.CASCADE, related_name="values")
    year = models.CharField(max_length=10, help_text="The file's time_period, e.g. 2025 or 202425")
    level = models.CharField(max_length=10, choices=Level.choices)
    area_code = models.CharField(
        max_length=20, help_text="E92000001, a region's code, or an authority's LA code"
    )
    area_name = models.CharField(max_length=100)
    value = models.DecimalField(max_digits=20, decimal_places=6, null=True, blank=True)
    symbol = models.CharField(max_length=3, choices=Symbol.choices, blank=True, default="")
    region_code = models.CharField(max_length=9, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["measure", "year", "level", "area_code"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "year", "level", "area_code"], name="one_value_per_area_year"
            ),
            models.CheckConstraint(
                condition=models.Q(value__isnull=True)
                | models.Q(symbol="")
                | models.Q(symbol="low")
                | models.Q(symbol="u"),
                name="a_symbol_or_a_value",
            ),
        ]
        indexes = [models.Index(fields=["measure", "year"])]

    def __str__(self) -> str:
        shown = self.symbol if self.value is None else self.value
        return f"{self.area_name} {self.year}: {shown}"


class TidyUpload(models.Model):
    """A tidy-data file uploaded for mapping and preview; applied or abandoned."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="tidy_uploads"
    )
    uploaded_by = models.ForeignKey(
        "accounts.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    file_name = models.CharField(max_length=255)
    data = models.BinaryField()
    created = models.DateTimeField(auto_now_add=True)
    applied = models.DateTimeField(null=True, blank=True)
    mapping = models.ForeignKey(
        TidyMapping, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    history = HistoricalRecords(excluded_fields=["data"])

    class Meta:
        ordering = ["-created"]

    def __str__(self) -> str:
        return self.file_name
