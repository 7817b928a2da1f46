"""The scrutiny template's document for June 2024: seed 001, in its order, word for word."""

import pytest

from boardpack.demo.data import somerset_programme as seed
from boardpack.reports.assemble import build_document, missing_notices
from boardpack.reports.document import (
    BulletList,
    Chart,
    Heading,
    Notice,
    Status,
    Table,
    from_dict,
    to_dict,
)
from boardpack.reports.models import Block, BlockKind, ReportTemplate, TemplateSection
from tests.reports.helpers import MTFP_REFS, MTFP_TOTALS, june, scrutiny, somerset

pytestmark = pytest.mark.django_db


def _doc():
    return build_document(scrutiny(), somerset(), june())


def _lists(section) -> list[list[str]]:
    return [[i.text for i in n.items] for n in section.nodes if isinstance(n, BulletList)]


def test_sections_follow_the_seed_in_order():
    doc = _doc()
    assert doc.title == "Included, Educated & Cared For"
    assert doc.subtitle == "June 2024 – Progress Report for Scrutiny"
    assert [s.slug for s in doc.sections] == [
        "vision",
        "priority-workstreams",
        "directors-summary",
        "finance-summary",
        "mtfp-tracker",
        "local-mainstream-school",
        "excellent-workforce",
        "support-early",
        "sufficient-homes",
        "what-has-changed",
    ]
    assert seed.VISION in doc.cover_text[0]
    assert missing_notices(doc) == []


def test_priority_workstreams_with_their_projects():
    section = _doc().sections[1]
    headings = [n.text for n in section.nodes if isinstance(n, Heading)]
    assert headings == [w["name"] for w in seed.WORKSTREAMS]
    assert _lists(section) == [w["projects"] for w in seed.WORKSTREAMS]


def test_directors_summary_and_finance_summary_word_for_word():
    doc = _doc()
    assert _lists(doc.sections[2]) == [seed.DIRECTOR_SUMMARY]
    finance = doc.sections[3]
    status = next(n for n in finance.nodes if isinstance(n, Status))
    assert (status.rag, status.text, status.note) == ("R", "Red", "May/June 2024")
    lists = _lists(finance)
    assert lists[0] == [p["text"] for p in seed.FINANCE_SUMMARY["working_well"]]
    assert lists[1] == [p["text"] for p in seed.FINANCE_SUMMARY["challenges"]]
    assert lists[2] == [p["text"] for p in seed.FINANCE_SUMMARY["escalations"]]
    titled = [n.title for n in finance.nodes if isinstance(n, BulletList)]
    assert "Risk to delivering savings" in titled


def test_mtfp_tracker_holds_15_lines_and_the_totals_with_blank_for_nil():
    section = _doc().sections[4]
    table = next(n for n in section.nodes if isinstance(n, Table))
    body = [r for r in table.rows if r.role == "body"]
    assert [r.cells[0].text for r in body] == MTFP_REFS
    total = table.rows[-1]
    assert total.role == "total"
    assert [total.cells[i].text for i in (2, 4, 5, 6)] == MTFP_TOTALS
    assert total.cells[3].text == ""  # nothing over-achieved: blank, not 0
    cfe016 = next(r for r in body if r.cells[0].text == "CFE016")
    assert [c.text for c in cfe016.cells[2:7]] == ["3,385,800", "", "", "1,482,000", "1,903,800"]
    assert cfe016.cells[2].value == "3385800" and cfe016.cells[3].value is None
    chart = next(n for n in section.nodes if isinstance(n, Chart))
    assert chart.categories == tuple(MTFP_REFS)
    assert [s.name for s in chart.series] == ["Over-achieved", "Achieved", "On Track", "At Risk"]
    assert "9,568,900" in chart.alt_text and chart.spec["mark"] == "bar"
    assert chart.table.rows[-1].cells[2].text == "1,371,200"


@pytest.mark.parametrize("index", range(4))
def test_each_workstream_has_its_projects_and_three_lists_exactly(index):
    data = seed.WORKSTREAMS[index]
    section = _doc().sections[5 + index]
    assert section.title == data["name"]
    texts = [item for items in _lists(section) for item in items]
    assert texts[: len(data["projects"])] == data["projects"]
    expected = [p["text"] for p in data["working_well"] + data["not_working_well"]]
    expected += [p["text"] for p in data["to_escalate"]] or ["N/A"]
    assert texts[len(data["projects"]) :] == expected
    headings = [n.text for n in section.nodes if isinstance(n, Heading)]
    assert headings[-3:] == ["Working Well", "Not working well", "To Escalate"]
    sub_headings = {n.title for n in section.nodes if isinstance(n, BulletList)} - {""}
    assert sub_headings == {
        p["heading"] for p in data["working_well"] + data["not_working_well"] if p["heading"]
    }


def test_the_document_round_trips_through_json():
    doc = _doc()
    assert from_dict(to_dict(doc)) == doc


def test_a_period_with_no_data_renders_notices_in_place(somerset):
    from boardpack.demo.loader import period

    empty = period(somerset, "2025-01")
    doc = build_document(scrutiny(), somerset, empty)
    missing = missing_notices(doc)
    assert any("director's summary" in m for m in missing)
    assert any("MTFP" in m for m in missing)
    assert len(doc.sections) == 10


def test_empty_sections_and_broken_blocks_say_so(somerset):
    template = ReportTemplate.objects.create(organisation=somerset, slug="odd", title="Odd")
    TemplateSection.objects.create(template=template, slug="empty", title="Empty", order=1)
    broken = TemplateSection.objects.create(template=template, slug="b", title="B", order=2)
    Block.objects.create(section=broken, kind=BlockKind.WORKSTREAM_SUMMARY, config={})
    Block.objects.create(
        section=broken, kind=BlockKind.WORKSTREAM_SUMMARY, config={"workstream": "nope"}, order=2
    )
    Block.objects.create(section=broken, kind="unknown", order=3)
    Block.objects.create(
        section=broken, kind=BlockKind.WORKSTREAM_SUMMARY, config={"workstream": ["x"]}, order=4
    )
    doc = build_document(template, somerset, june())
    assert isinstance(doc.sections[0].nodes[0], Notice)
    notices = [n.text for n in doc.sections[1].nodes if isinstance(n, Notice)]
    assert len(notices) == 4
    assert "names no workstream" in notices[0]
    assert "'nope'" in notices[1]
