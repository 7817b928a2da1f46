"""Editions: create, narrative, approve, publish, correct, generate and download, by role."""

from decimal import Decimal

import pytest
from django.urls import reverse

from boardpack.core.models import ReportingPeriod
from boardpack.finance.models import SavingPosition
from boardpack.reports.models import (
    Edition,
    EditionNarrative,
    EditionVersion,
    Generation,
    ReportTemplate,
)
from boardpack.reports.selectors import edition_document
from tests.conftest import client_for
from tests.reports.helpers import html_table, june, move_at_risk_to_on_track, scrutiny

pytestmark = pytest.mark.django_db


def _url(name: str, edition: Edition | None = None, **kwargs) -> str:
    if edition is not None:
        kwargs["edition"] = edition.pk
    return reverse(f"reports:{name}", kwargs={"org": "somerset", **kwargs})


def _create(client) -> Edition:
    response = client.post(_url("edition-create"), {"template": scrutiny().pk, "period": june().pk})
    edition = Edition.objects.get(template=scrutiny(), period=june())
    assert response.status_code == 302
    assert response["Location"] == _url("edition-detail", edition)
    return edition


def _narrative_block(edition: Edition):
    return edition.template.sections.get(slug="directors-summary").blocks.get(kind="narrative")


def test_list_shows_editions_and_the_create_form_to_the_programme_office():
    office = client_for("office")
    page = office.get(_url("index")).content.decode()
    assert "Start an edition" in page and "Progress Report for Scrutiny" in page
    councillor_page = client_for("councillor").get(_url("index")).content.decode()
    assert "Start an edition" not in councillor_page


def test_only_the_programme_office_may_create_approve_and_publish():
    for username in ("councillor", "finance", "lead.education"):
        client = client_for(username)
        response = client.post(
            _url("edition-create"), {"template": scrutiny().pk, "period": june().pk}
        )
        assert response.status_code == 403, username
    assert not Edition.objects.filter(template=scrutiny()).exists()
    edition = _create(client_for("office"))
    for username in ("finance", "lead.education"):
        client = client_for(username)
        assert client.post(_url("edition-approve", edition)).status_code == 403
        assert client.post(_url("edition-publish", edition)).status_code == 403
        assert client.get(_url("edition-narrative", edition)).status_code == 403
        assert client.post(_url("edition-generate", edition)).status_code == 403
    # A councillor does not see a draft edition at all.
    councillor = client_for("councillor")
    for name in ("edition-approve", "edition-publish", "edition-generate"):
        assert councillor.post(_url(name, edition)).status_code == 404
    edition.refresh_from_db()
    assert edition.status == Edition.Status.DRAFT


def test_creating_the_same_edition_twice_is_refused():
    office = client_for("office")
    _create(office)
    response = office.post(_url("edition-create"), {"template": scrutiny().pk, "period": june().pk})
    assert response.status_code == 200
    assert "There is already an edition" in response.content.decode()
    editions = Edition.objects.filter(template=scrutiny())
    assert editions.count() == 1
    bad = office.post(_url("edition-create"), {"template": "999999", "period": "x"})
    assert "Choose a report" in bad.content.decode() and editions.count() == 1


def test_narrative_preview_save_and_hostile_markdown():
    office = client_for("office")
    edition = _create(office)
    block = _narrative_block(edition)
    field = f"block-{block.pk}"
    hostile = (
        "## Commentary\n**Good** progress. <script>alert(1)</script> "
        "[evil](javascript:alert(1)) [report](https://example.org/r)\n\n- " + "y" * 5000
    )
    preview = office.post(_url("edition-narrative", edition), {field: hostile, "preview": "1"})
    html = preview.content.decode()
    assert "<strong>Good</strong>" in html and "<script>alert(1)" not in html
    assert 'href="javascript' not in html
    assert not EditionNarrative.objects.filter(edition=edition).exists()  # a preview saves nothing
    saved = office.post(_url("edition-narrative", edition), {field: hostile, "save": "1"})
    assert saved.status_code == 302
    assert EditionNarrative.objects.get(edition=edition, block=block).text == hostile
    page = office.get(_url("edition-detail", edition)).content.decode()
    assert "<strong>Good</strong> progress." in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>alert" not in page
    assert 'href="javascript' not in page and 'href="https://example.org/r"' in page
    assert "y" * 5000 in page
    # Too long is refused whole.
    too_long = office.post(_url("edition-narrative", edition), {field: "z" * 20_001, "save": "1"})
    assert "Write at most 20,000 characters" in too_long.content.decode()
    assert EditionNarrative.objects.get(edition=edition, block=block).text == hostile
    # Emptying it goes back to the block's own text.
    office.post(_url("edition-narrative", edition), {field: "", "save": "1"})
    assert not EditionNarrative.objects.filter(edition=edition).exists()


def test_approve_publish_freeze_correct_and_download_earlier_versions():
    office = client_for("office")
    edition = _create(office)
    assert office.post(_url("edition-publish", edition)).status_code == 302
    edition.refresh_from_db()
    assert edition.status == Edition.Status.DRAFT  # must be approved first
    office.post(_url("edition-approve", edition))
    office.post(_url("edition-publish", edition))
    edition.refresh_from_db()
    assert edition.status == Edition.Status.PUBLISHED
    version = EditionVersion.objects.get(edition=edition, number=1)
    assert version.document["status_label"] == "Published (version 1)"

    # The data changes; the published edition does not.
    move_at_risk_to_on_track("CFE016", Decimal("100000"), june())
    frozen = edition_document(edition)
    table = next(n for n in frozen.sections[4].nodes if n.kind == "table")
    assert table.rows[-1].cells[5].text == "4,166,400"  # on track, as published
    page = office.get(_url("edition-detail", edition)).content.decode()
    assert html_table(page, "MTFP Tracker")[-1][5] == "4,166,400"
    files = Generation.objects.get(edition=edition, version=1, published=True).files.all()
    assert {f.format for f in files} == {"html", "pdf", "docx", "pptx"}
    v1_html = office.get(_url("version-file", edition, version=1, file_format="html"))
    assert html_table(v1_html.content.decode(), "MTFP Tracker")[-1][5] == "4,166,400"

    # Published: the narrative form says why it cannot be edited, and refuses a post.
    form = office.get(_url("edition-narrative", edition)).content.decode()
    assert "This edition is published, so its narrative cannot be edited" in form
    block = _narrative_block(edition)
    office.post(_url("edition-narrative", edition), {f"block-{block.pk}": "Changed", "save": "1"})
    assert not EditionNarrative.objects.filter(edition=edition).exists()

    # A correction with a reason opens version 2 on today's data; version 1 stays downloadable.
    refused = office.post(_url("edition-correct", edition), {"reason": "  "})
    assert "Say why the edition is being corrected" in refused.content.decode()
    office.post(_url("edition-correct", edition), {"reason": "CFE016 re-projected"})
    edition.refresh_from_db()
    assert (edition.status, edition.version) == (Edition.Status.DRAFT, 2)
    live = office.get(_url("edition-detail", edition)).content.decode()
    assert html_table(live, "MTFP Tracker")[-1][5] == "4,266,400"
    office.post(_url("edition-approve", edition))
    office.post(_url("edition-publish", edition))
    assert EditionVersion.objects.get(edition=edition, number=2).reason == "CFE016 re-projected"
    v1_again = office.get(_url("version-file", edition, version=1, file_format="html"))
    assert html_table(v1_again.content.decode(), "MTFP Tracker")[-1][5] == "4,166,400"
    v2 = office.get(_url("edition-file", edition, file_format="html"))
    assert html_table(v2.content.decode(), "MTFP Tracker")[-1][5] == "4,266,400"
    assert v2["Content-Disposition"] == 'attachment; filename="scrutiny-progress-2024-06-v2.html"'


def test_generate_renders_every_format_in_one_task_and_the_page_offers_downloads():
    office = client_for("office")
    edition = _create(office)
    response = office.post(_url("edition-generate", edition))
    assert response.status_code == 302 and response["Location"].endswith("#downloads")
    generation = Generation.objects.get(edition=edition)
    assert generation.status == Generation.Status.DONE and generation.task_id
    page = office.get(_url("edition-detail", edition)).content.decode()
    for label in ("Web page (HTML)", "PDF", "Word", "PowerPoint"):
        assert f"Download {label}" in page
    pdf = office.get(_url("edition-file", edition, file_format="pdf"))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    pptx = office.get(_url("edition-file", edition, file_format="pptx"))
    assert pptx.content.startswith(b"PK")
    assert office.get(_url("edition-file", edition, file_format="exe")).status_code == 404
    # A councillor may neither generate nor read a draft (see below).
    councillor = client_for("councillor")
    assert councillor.post(_url("edition-generate", edition)).status_code == 404
    assert councillor.get(_url("edition-file", edition, file_format="docx")).status_code == 404
    assert client_for("finance").post(_url("edition-generate", edition)).status_code == 403


def test_councillors_read_an_edition_only_as_published():
    """A draft pack is built from content that may not be approved yet: members see an
    edition once it is published, and during a correction still the published version."""
    office, councillor = client_for("office"), client_for("councillor")
    edition = _create(office)
    # The index lists the templates to everyone; an edition only once it is published.
    assert _url("edition-detail", edition) not in councillor.get(_url("index")).content.decode()
    assert councillor.get(_url("edition-detail", edition)).status_code == 404
    office.post(_url("edition-approve", edition))
    assert councillor.get(_url("edition-detail", edition)).status_code == 404  # approved only
    office.post(_url("edition-publish", edition))  # version 1: 4,166,400 on track
    assert _url("edition-detail", edition) in councillor.get(_url("index")).content.decode()
    page = councillor.get(_url("edition-detail", edition)).content.decode()
    assert html_table(page, "MTFP Tracker")[-1][5] == "4,166,400"

    # Corrected on today's data: officers read the draft, councillors still version 1.
    move_at_risk_to_on_track("CFE016", Decimal("100000"), june())
    office.post(_url("edition-correct", edition), {"reason": "CFE016 re-projected"})
    office.post(_url("edition-generate", edition))  # the draft's files
    live = office.get(_url("edition-detail", edition)).content.decode()
    assert html_table(live, "MTFP Tracker")[-1][5] == "4,266,400"
    page = councillor.get(_url("edition-detail", edition)).content.decode()
    assert html_table(page, "MTFP Tracker")[-1][5] == "4,166,400"
    download = councillor.get(_url("edition-file", edition, file_format="html"))
    assert download["Content-Disposition"].endswith('-v1.html"')
    assert html_table(download.content.decode(), "MTFP Tracker")[-1][5] == "4,166,400"
    office_download = office.get(_url("edition-file", edition, file_format="html"))
    assert html_table(office_download.content.decode(), "MTFP Tracker")[-1][5] == "4,266,400"


def test_a_queued_generation_shows_progress_and_a_refresh_link(settings):
    office = client_for("office")
    edition = _create(office)
    Generation.objects.create(edition=edition, version=1, status=Generation.Status.RUNNING)
    page = office.get(_url("edition-detail", edition)).content.decode()
    assert "Generating: 0 of 4 formats ready" in page
    assert "Refresh to see progress" in page
    assert "<script>" not in page.split("<main", 1)[1]  # no inline script (strict CSP)


def test_the_edition_page_reads_the_document_with_no_query_per_row(django_assert_max_num_queries):
    office = client_for("office")
    edition = _create(office)
    SavingPosition.objects.filter(period=june()).count()
    with django_assert_max_num_queries(45):
        office.get(_url("edition-detail", edition))


def test_with_the_database_backend_the_worker_generates_the_files(settings, monkeypatch):
    from django.core.management import call_command
    from django_tasks_db.management.commands import db_worker

    # The worker closes "old" connections between tasks; inside this test's transaction that
    # would close it under the test (on PostgreSQL), so here it keeps its connection.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    office = client_for("office")
    edition = _create(office)
    office.post(_url("edition-generate", edition))
    generation = Generation.objects.get(edition=edition)
    assert generation.status == Generation.Status.QUEUED  # waits for the worker
    page = office.get(_url("edition-detail", edition)).content.decode()
    assert "Waiting to start: 0 of 4 formats ready" in page
    call_command("db_worker", "--batch", verbosity=0)
    generation.refresh_from_db()
    assert generation.status == Generation.Status.DONE
    assert generation.files.count() == 4
    assert "Download PowerPoint" in office.get(_url("edition-detail", edition)).content.decode()


def test_the_admin_cannot_move_an_edition_between_states():
    """Approval and publication freeze a snapshot; the admin's change form must not skip them."""
    office = client_for("office")
    edition = _create(office)
    url = reverse("admin:reports_edition_change", args=[edition.pk])
    assert office.get(url).status_code == 200
    response = office.post(
        url,
        {
            "organisation": edition.organisation_id,
            "template": edition.template_id,
            "period": edition.period_id,
            "correction_reason": "Changed in the admin",
            "status": Edition.Status.PUBLISHED,
            "version": "7",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    edition.refresh_from_db()
    assert edition.correction_reason == "Changed in the admin"  # the form was saved
    assert edition.status == Edition.Status.DRAFT
    # Nor may it turn this edition into another template's or another period's.
    other_template = (
        ReportTemplate.objects.exclude(pk=edition.template_id)
        .filter(organisation=edition.organisation)
        .first()
    )
    other_period = (
        ReportingPeriod.objects.exclude(pk=edition.period_id)
        .filter(organisation=edition.organisation)
        .first()
    )
    assert other_template is not None and other_period is not None
    refused = office.post(
        url,
        {
            "organisation": edition.organisation_id,
            "template": other_template.pk,
            "period": other_period.pk,
            "correction_reason": "Moved in the admin",
        },
    )
    assert refused.status_code == 200
    assert "An edition&#x27;s template cannot change once it is made" in refused.content.decode()
    moved = Edition.objects.get(pk=edition.pk)
    assert moved.correction_reason == "Changed in the admin"  # nothing saved
    assert (moved.template_id, moved.period_id) == (edition.template_id, edition.period_id)
    assert edition.version != 7
    assert not EditionVersion.objects.filter(edition=edition).exists()
