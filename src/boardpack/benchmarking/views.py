"""Benchmarking pages: how we compare, a measure against its comparators, and the DfE import."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from boardpack.benchmarking import charts, selectors
from boardpack.benchmarking.forms import MappingForm, TidyUploadForm
from boardpack.benchmarking.models import BenchmarkValue, Measure, TidyMapping, TidyUpload
from boardpack.benchmarking.services import MappingEntry, import_tidy, mapping_save
from boardpack.benchmarking.tidy import TidyError, read_tidy
from boardpack.core.access import organisation_view
from boardpack.core.page_cache import cached_page
from boardpack.performance.models import Indicator

IMPORT_PERMISSION = "benchmarking.add_benchmarkvalue"


@cached_page
@organisation_view
def compare(request: HttpRequest) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
    home = selectors.home_authority(organisation)
    return render(
        request,
        "benchmarking/compare.html",
        {
            "nav": "benchmarks",
            "home": home,
            "comparisons": selectors.latest_comparisons(organisation) if home else [],
            "may_import": request.user.has_perm(IMPORT_PERMISSION),
        },
    )


@cached_page
@organisation_view
def measure_detail(request: HttpRequest, measure: str) -> HttpResponse:
    organisation = request.organisation  # type: ignore[attr-defined]
    found = get_object_or_404(Measure, organisation=organisation, code=measure)
    home = selectors.home_authority(organisation)
    if home is None:
        raise Http404("This organisation has no home authority set for benchmarking")
    values = selectors.value_rows(BenchmarkValue.objects.filter(measure=found))
    codes = selectors.neighbour_codes_for(home)
    years = sorted({v.year for v in values}, key=lambda y: y.ljust(6, "0"))
    comparisons = [
        selectors.compare(found, year, home, values=values, neighbour_codes=codes) for year in years
    ]
    latest = comparisons[-1] if comparisons else None
    return render(
        request,
        "benchmarking/measure.html",
        {
            "nav": "benchmarks",
            "measure": found,
            "home": home,
            "comparisons": comparisons,
            "latest": latest,
            "trend": charts.trend_chart(comparisons),
            "ranked": charts.neighbours_chart(latest) if latest else None,
        },
    )


def _require_import(request: HttpRequest) -> None:
    if not request.user.has_perm(IMPORT_PERMISSION):
        raise PermissionDenied


@organisation_view
def upload(request: HttpRequest) -> HttpResponse:
    _require_import(request)
    organisation = request.organisation  # type: ignore[attr-defined]
    form = TidyUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data["file"].read()
        try:
            read_tidy(data, name=form.cleaned_data["file"].name)
        except TidyError as exc:
            form.add_error("file", str(exc))
        else:
            stored = TidyUpload.objects.create(
                organisation=organisation,
                uploaded_by=request.user if request.user.is_authenticated else None,
                file_name=form.cleaned_data["file"].name[:255],
                data=data,
            )
            return redirect("benchmarking:map", org=organisation.slug, upload=stored.pk)
    return render(request, "benchmarking/upload.html", {"nav": "benchmarks", "form": form})


@organisation_view
def map_columns(request: HttpRequest, upload: int) -> HttpResponse:
    _require_import(request)
    organisation = request.organisation  # type: ignore[attr-defined]
    stored = get_object_or_404(TidyUpload, organisation=organisation, pk=upload)
    tidy = read_tidy(bytes(stored.data), name=stored.file_name)
    mappings = TidyMapping.objects.filter(organisation=organisation)
    chosen = None
    if request.GET.get("mapping"):
        chosen = mappings.filter(name=request.GET["mapping"]).first()
    else:  # a saved mapping for the same layout is the sensible default
        chosen = next((m for m in mappings if m.columns == tidy.columns), None)
    indicators = list(
        Indicator.objects.filter(organisation=organisation).values_list("code", "title")
    )
    form = MappingForm(request.POST or None, tidy=tidy, mapping=chosen, indicators=indicators)
    result = None
    if request.method == "POST" and form.is_valid():
        entries = [MappingEntry.from_dict(e) for e in form.entries()]
        applying = "apply" in request.POST and stored.applied is None
        with transaction.atomic():
            result = import_tidy(
                organisation=organisation,
                tidy=tidy,
                entries=entries,
                source=stored.file_name,
                dry_run=not applying,
            )
            if result.ok:
                mapping = mapping_save(
                    organisation=organisation,
                    name=form.cleaned_data["name"],
                    columns=tidy.columns,
                    entries=entries,
                )
                if applying:
                    stored.applied = timezone.now()
                    stored.mapping = mapping
                    stored.save(update_fields=["applied", "mapping"])
        if result.ok and applying:
            return redirect("benchmarking:compare", org=organisation.slug)
    return render(
        request,
        "benchmarking/map.html",
        {
            "nav": "benchmarks",
            "upload": stored,
            "tidy": tidy,
            "form": form,
            "mappings": mappings,
            "chosen": chosen,
            "result": result,
        },
    )
