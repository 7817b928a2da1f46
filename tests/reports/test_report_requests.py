"""What committees ask of a report, the template page that shows it, and approval's checks.

Seed 003's chair asked that user numbers for Children's Services be included in the quarterly
report (Dorset's ``members-quarterly``): the request shows as open on the template until a block
answers it, then as done, and governance's action is done too. A section whose narrative is
still empty blocks approval, with a message naming the section.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from boardpack.core.models import ReportingPeriod
from boardpack.governance.models import Action
from boardpack.governance.selectors import open_report_requests
from boardpack.reports.assemble import build_document
from boardpack.reports.models import Block, BlockKind, Edition, EditionNarrative, ReportTemplate
from boardpack.reports.requests import request_answer, template_requests
from boardpack.reports.services import EditionError, edition_approve, narrative_save

pytestmark = pytest.mark.django_db

CHAIR = (
    "The Chairman also requested that user numbers for Children’s Services be included in the "
    "quarterly report produced for Cabinet."
)
# What the request asks of the report, as governance holds it.
REQUEST = (
    "user numbers for Children’s Services be included in the quarterly report produced for Cabinet"
)


def _page(org: str) -> str:
    return reverse("reports:template-detail", kwargs={"org": org, "template": "members-quarterly"})


def test_the_chairs_request_is_open_on_the_template_until_a_block_answers_it(dorset, signed_in):
    template = ReportTemplate.objects.get(organisation=dorset, slug="members-quarterly")
    [request] = template_requests(template)
    assert request.is_open and request.action.text == CHAIR and request.text == REQUEST
    page = signed_in("dorset.office").get(_page("dorset"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "1 open request." in html and REQUEST in html
    assert '<strong class="govuk-tag govuk-tag--red">Open</strong>' in html
    # The report itself lists it, open.
    period, _ = ReportingPeriod.objects.get_or_create(
        organisation=dorset, month=dt.date(2024, 6, 1)
    )
    document = build_document(template, dorset, period)
    [table] = document.sections[0].nodes
    cells = [c.text for c in table.rows[0].cells]
    assert (cells[1], cells[2], cells[4]) == (
        REQUEST,
        "Executive Director for People – Children",
        "Open",
    )

    # The programme office answers it with a block of the template.
    section = template.sections.get(slug="requests-from-scrutiny")
    block = Block.objects.create(
        section=section,
        order=2,
        kind=BlockKind.HEADLINE_FIGURES,
        title="User numbers",
        config={"indicators": ["SERVICE-USERS"]},
    )
    response = signed_in("dorset.office").post(
        _page("dorset"), {"action": request.action.pk, "block": block.pk}
    )
    assert response.status_code == 302
    block.refresh_from_db()
    assert block.config["answers"] == [request.action.pk]
    action = Action.objects.get(pk=request.action.pk)
    assert action.status == Action.Status.DONE and action.completed_on is not None
    assert open_report_requests(dorset, "members-quarterly") == []
    html = signed_in("dorset.office").get(_page("dorset")).content.decode()
    assert "0 open requests." in html
    assert "answered by “User numbers” in Requests from scrutiny" in html
    [table, *_rest] = build_document(template, dorset, period).sections[0].nodes
    assert table.rows[0].cells[-1].text == (
        "Done: answered by “User numbers” in Requests from scrutiny"
    )


def test_answering_a_request_is_for_the_programme_office_and_the_right_report(
    dorset, somerset, signed_in
):
    template = ReportTemplate.objects.get(organisation=dorset, slug="members-quarterly")
    [request] = template_requests(template)
    block = Block.objects.get(section__template=template)
    councillor = signed_in("councillor")  # Somerset's: Dorset's pages are not theirs
    assert councillor.get(_page("dorset")).status_code == 404
    own = signed_in("councillor").get(_page("somerset"))
    assert own.status_code == 200 and "No committee has asked anything of this report." in (
        own.content.decode()
    )
    assert signed_in("councillor").post(_page("somerset"), {}).status_code == 403
    # A request for another report is refused, and nothing changes.
    somerset_block = Block.objects.filter(section__template__organisation=somerset).first()
    from django.contrib.auth import get_user_model

    office = get_user_model().objects.get(username="dorset.office")
    with pytest.raises(Exception, match="another organisation"):
        request_answer(
            block=somerset_block, action=request.action, user=office, today=dt.date.today()
        )
    # An empty form names what is missing and writes nothing.
    page = signed_in("dorset.office").post(_page("dorset"), {})
    assert page.status_code == 200 and "Choose a request" in page.content.decode()
    block.refresh_from_db()
    assert "answers" not in block.config
    assert Action.objects.get(pk=request.action.pk).status == Action.Status.OPEN


def test_an_empty_narrative_blocks_approval_naming_its_section(somerset, signed_in):
    edition = Edition.objects.get(template__slug="members-quarterly", organisation=somerset)
    office = signed_in("office")
    intro = Block.objects.get(
        section__template=edition.template, section__slug="introduction", order=1
    )
    quote = Block.objects.get(
        section__template=edition.template, section__slug="curriculum-and-literacy", order=1
    )
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username="office")
    narrative_save(edition=edition, texts={intro.pk: "", quote.pk: "   "}, user=user)
    assert not EditionNarrative.objects.filter(edition=edition, block=intro).exists()
    with pytest.raises(EditionError) as refused:
        edition_approve(edition=edition, user=user)
    assert refused.value.messages == [
        "Write the narrative of these sections before approving: “Introduction”; "
        "“Curriculum and Literacy”."
    ]
    response = office.post(
        reverse("reports:edition-approve", kwargs={"org": "somerset", "edition": edition.pk}),
        follow=True,
    )
    assert "before approving: “Introduction”" in response.content.decode()
    edition.refresh_from_db()
    assert edition.status == Edition.Status.DRAFT
    narrative_save(edition=edition, texts={intro.pk: "Welcome.", quote.pk: "'Quoted.'"}, user=user)
    edition_approve(edition=edition, user=user)
    assert edition.status == Edition.Status.APPROVED


def test_loading_the_demo_again_changes_no_report_template_or_edition():
    from boardpack.demo.loader import load_demo
    from boardpack.reports.models import TemplateSection

    models = (ReportTemplate, TemplateSection, Block, Edition, EditionNarrative)
    before = {m: (m.objects.count(), m.history.count()) for m in models}
    load_demo()
    assert {m: (m.objects.count(), m.history.count()) for m in models} == before
    template = ReportTemplate.objects.get(organisation__slug="somerset", slug="members-quarterly")
    assert template.sections.count() == 42  # the seed's 41 headings and what has changed
    edition = Edition.objects.get(template=template)
    assert edition.period.key == "2023-03" and edition.narratives.count() == 46
