"""Documents built by hand for the Word and PowerPoint renderer tests.

``scrutiny_deck()`` has the shape of the June 2024 Progress Report for Scrutiny (seed 001): the
vision on the cover, the priority workstreams and their projects, the director's summary, the
overarching finance summary, the MTFP tracker (15 lines and its totals, figures as printed), the
MTFP delivery chart (15 savings x 4 statuses, blanks as ``None``) and one summary per workstream.
``hostile_document()`` holds what users type: script tags, ampersands, a 5,000-character point,
empty sections and missing data.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from boardpack.demo.data import somerset_finance
from boardpack.reports.document import (
    BulletList,
    Cell,
    Chart,
    Document,
    Heading,
    ListItem,
    Notice,
    Paragraph,
    Row,
    Run,
    Section,
    Series,
    Status,
    Table,
)

VISION = (
    "Our vision is that Somerset's children and young people grow up in a safe, child friendly "
    "county that supports them to be happy, healthy and prepared for adulthood."
)

WORKSTREAMS: dict[str, tuple[str, ...]] = {
    "Local mainstream school is the right choice for most children": (
        "Mainstream Plus",
        "Assessment post-5 including EHCPs",
        "Priority capital projects",
        "Supported internships",
        "EHCP communications and decision-making",
        "Funding and finance policy and strategy",
        "Attendance & preventing exclusion strategies",
    ),
    "Families can access support early": ("Best Start In Life", "Connect Somerset"),
    "Developing an excellent workforce for children": (
        "Neighbourhood working",
        "Recruit and retain high quality staff",
        "Children's workforce training programme",
        "Education restructure - short term",
    ),
    "Sufficient homes for children in care and school places for children with additional "
    "needs in Somerset": (
        "Sufficiency strategy 0-25",
        "Fostering improvement",
        "16+ Thrive - preventing homelessness accommodation",
        "Market shaping",
        "Homes and Horizons",
        "Children with disabilities resource transformation",
    ),
}

DIRECTOR_SUMMARY = (
    "New Children's Transformation Board and Finance Board established giving greater clarity on "
    "pressures, successes and areas of concern.",
    "Majority of projects in each workstream underway, some are still being scoped.",
    "Financial pressures across the system – impacting on capacity and morale with differing "
    "levels of uncertainty as some teams are awaiting consultation processes.",
    "Largely positive sessions with headteachers to consider changes to banding and other "
    "measures to support inclusion in mainstream schools.",
    "Pilots to test Neighbourhood-based working are in development and offer an exciting and "
    "mutually supportive way forward.",
    "Some progress made in recruiting foster carers, but insufficiency of foster homes and delays "
    "to Homes and Horizons homes are impacting on our spend with external providers and putting "
    "savings at risk. As a result, some children are living in residential care, both in and out "
    "of county, when they need a local foster home.",
    "Rising numbers of children and young people coming into care are also increasing budget "
    "pressures, with the greatest vulnerabilities and costs in the 10 to 15 age group.",
)

# Ref, saving, £, over-achieved, achieved, on track, at risk, comments: as printed in seed 001
# (the demo's own copy of the seed's table; the demo data tests check it against the seed's text).
MTFP_LINES: tuple[tuple[str, ...], ...] = tuple(tuple(row) for row in somerset_finance.MTFP_ROWS)
MTFP_TOTALS = ("9,568,900", "", "1,371,200", "4,166,400", "4,031,300")
STATUSES = ("Over-achieved", "Achieved", "On track", "At risk")

SUMMARIES: dict[str, dict[str, tuple[str, ...]]] = {
    "Local mainstream school is the right choice for most children": {
        "Working well": (
            "All scoping documents have been completed and this has thrown up important issues "
            "of understanding / coordination which we are now working through which will result "
            "in smoother delivery over time.",
            "Education budgets have now been finalised and we have moved into monitoring.",
            "New financial monitoring processes have been put in place to streamline weekly "
            "decision making and improve the quality of decision making. This is now secure for "
            "equipment spend and is improving for INMS and costed plans.",
            "Analysis on equalising banding has been completed and will be shared with schools "
            "for views about implementation on 11 June.",
            "MAT CEOs have agreed to discuss leading on attendance and exclusion at their annual "
            "planning meeting in June.",
            "We have closed 60 'hard cases' from the original list of 140 children.",
            "Educational Psychology have started triaging children and indicating what a "
            "suitable placement would entail: this has been a big step forward for SEND "
            "statutory teams. in reducing workload and making placement work more focused.",
            "Special schools have agreed to work collaboratively on improving the annual review "
            "process - a meeting to discuss shared priorities is on 11/6.",
            "Analysis has been completed of pupils in INMS and under assessment to understand "
            "the sufficiency gap. Planning work is underway to identify opportunities to expand "
            "existing provision quickly to address the September gap for places.",
        ),
        "Not working well": (
            "Alignment of corporate processes for service redesign with our work",
            "Communication with schools and parents around individual children is not "
            "progressing as quickly as other areas.",
            "Rising staff shortages in Statutory SEND team and in Vulnerable Learners - new "
            "approaches that will relieve pressures inbuilt into how these teams were designed "
            "are still some way off and that is creating pressures in the immediate term that "
            "will impact on managers' ability to drive change.",
        ),
        "To escalate": ("N/A",),
    },
    "Families can access support early": {
        "Working well": (
            "JTAI visit was very positive about Connect Somerset including meetings with "
            "Champions and visiting Holyrood Academy community work",
            "Roll-out of Transform Family View on new Azure platform and training is progressing "
            "well – enabling more data sharing and insight. Majority of Social Work and FIS are "
            "using, School roll-out later in June.",
            "Agreed to expand Social Care case mgt system to external partners. PFSAs will be the "
            "first users, followed by schools and some VCFSE partners. Enables better processes, "
            "data sharing and quality assurance across early help system.",
            "NEETs risk model is nearly completed using new AI capability and improving "
            "identification. Hosted on Transform Family View and includes guidance to schools "
            "about what support to put in place for pupils.",
            "New group offer in 10 areas for post-natal parent support. Forest programme of more "
            "intensive support for parents now in Chard, Yeovil and Bridgwater. Antenatal "
            "education pilot on track including maternity, public health nursing, maternity "
            "voices. When joined up, these programmes create the basis of a distributed Family "
            "Hubs offer, although early days.",
        ),
        "Not working well": (
            "Gap in comms capacity impacting awareness, support and key initiatives such as "
            "#Help4All – mitigation through appointing programme capacity and refocusing the "
            "team to do it ourselves",
            "Public Health Nursing Forest programme dedicated funding is only for two years",
        ),
        "To escalate": (
            "Lack of digital capacity to support Help to Help Yourself database of local "
            "resources and other foundations such as a CRM and refreshed Directory.",
        ),
    },
}


def _list(title: str, items: tuple[str, ...]) -> BulletList:
    return BulletList(items=tuple(ListItem.of(text) for text in items), title=title)


def _money_cell(text: str) -> Cell:
    value = str(Decimal(text.replace(",", ""))) if text else None
    return Cell(text=text, value=value, numeric=True)


def mtfp_table() -> Table:
    header = (
        Row(cells=(Cell("MTFP"), Cell(""), Cell("24/25"), *(Cell("") for _ in range(5)))),
        Row(
            cells=(
                Cell("Ref"),
                Cell("Saving"),
                Cell("£", numeric=True),
                *(Cell(status, numeric=True) for status in STATUSES),
                Cell("Comments"),
            )
        ),
    )
    rows = tuple(
        Row(
            cells=(
                Cell(ref, header=True),
                Cell(name),
                *(_money_cell(text) for text in figures),
                Cell(comment),
            )
        )
        for ref, name, *figures, comment in MTFP_LINES
    )
    totals = Row(
        cells=(Cell("", header=True), Cell("TOTALS"), *(_money_cell(t) for t in MTFP_TOTALS)),
        role="total",
    )
    totals = Row(cells=(*totals.cells, Cell("")), role="total")
    return Table(
        caption="MTFP savings tracker, 2024/25 (£)",
        header_rows=header,
        rows=(*rows, totals),
        notes=("Figures in £. Blank: nothing in that status.",),
    )


def mtfp_chart() -> Chart:
    refs = tuple(line[0] for line in MTFP_LINES)
    series = tuple(
        Series(
            name=status,
            values=tuple(
                str(Decimal(line[3 + index].replace(",", ""))) if line[3 + index] else None
                for line in MTFP_LINES
            ),
        )
        for index, status in enumerate(STATUSES)
    )
    values: list[dict[str, Any]] = [
        {"ref": ref, "status": s.name, "amount": float(v)}
        for s in series
        for ref, v in zip(refs, s.values, strict=True)
        if v is not None
    ]
    spec: dict[str, Any] = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "title": "Savings delivery by status, June 2024",
        "width": 480,
        "height": 320,
        "data": {"values": values},
        "mark": "bar",
        "encoding": {
            "y": {"field": "ref", "type": "nominal", "title": "Saving", "sort": list(refs)},
            "x": {"field": "amount", "aggregate": "sum", "type": "quantitative", "title": "£"},
            "color": {"field": "status", "type": "nominal", "title": "Status"},
        },
    }
    table = Table(
        caption="Savings delivery by status, June 2024 (£)",
        header_rows=(Row(cells=(Cell("Ref"), *(Cell(s, numeric=True) for s in STATUSES))),),
        rows=tuple(
            Row(cells=(Cell(line[0], header=True), *(_money_cell(t) for t in line[3:7])))
            for line in MTFP_LINES
        ),
    )
    return Chart(
        title="Savings delivery by status, June 2024",
        alt_text=(
            "Stacked bar chart of the 15 MTFP savings by status. CFE016 16+ placements is the "
            "largest at £3,385,800, of which £1,903,800 is at risk; in all £4,031,300 is at risk."
        ),
        chart_type="stacked_bar",
        categories=refs,
        series=series,
        table=table,
        unit="£",
        spec=spec,
    )


def _workstream_sections() -> tuple[Section, ...]:
    sections: list[Section] = []
    for name, projects in WORKSTREAMS.items():
        summary = SUMMARIES.get(name)
        nodes: list[Any] = [
            Status(label="Workstream status", rag="A", text="Amber", note="May/June 2024"),
            _list("Projects", projects),
        ]
        if summary is None:
            nodes.append(Notice(f"No summary report for {name} for June 2024."))
        else:
            nodes.extend(_list(title, items) for title, items in summary.items())
        sections.append(
            Section(
                title=name,
                nodes=tuple(nodes),
                notes=f"Lead officer's narrative for {name}.",
                slug=f"workstream-{len(sections) + 1}",
                new_slide_per="list",
            )
        )
    return tuple(sections)


def scrutiny_deck() -> Document:
    """Seed 001's deck, as the blocks would produce it (the biggest sample)."""
    workstreams = BulletList(
        items=tuple(
            ListItem(runs=(Run(name, bold=True),), children=tuple(ListItem.of(p) for p in projects))
            for name, projects in WORKSTREAMS.items()
        ),
    )
    finance = Section(
        title="Children's Transformation Programme – Overarching Finance Summary",
        slug="finance-summary",
        notes="The overarching finance status is red for May/June 2024.",
        nodes=(
            Status(label="Overarching status", rag="R", text="Red", note="May/June 2024"),
            Paragraph.of(
                "Financial position is challenging given rising demand and significant budget "
                "pressure due to increasing external spend",
                style="lead",
            ),
            _list(
                "Working well",
                (
                    "Children's Strategic Transformation Board and Children's Finance "
                    "Transformation Board now in place to provide overarching assurance and "
                    "oversight",
                    "Strengthened understanding of current financial position and trajectory",
                    "School transport is over-delivering savings and cost avoidance",
                    "Combined SEND sufficiency / commissioning work is enabling clearer "
                    "understanding and planning",
                ),
            ),
            _list(
                "Challenges",
                (
                    "DSG: Costs increased but income reduced, combined with reducing birth rate, "
                    "small schools and historic underfunding of SEND – is driving cost into "
                    "Independent Non-Maintained School (INMS) provision",
                    "National challenge of statutory override",
                    "External placements budget – increased demand, particularly in relation to "
                    "teenagers and serious youth violence",
                ),
            ),
            BulletList(
                title="Escalations",
                items=(
                    ListItem(
                        runs=(Run("Risk to delivering savings:"),),
                        children=(
                            ListItem.of("Construction delays for Homes and Horizons homes 6 to 8"),
                            ListItem.of(
                                "Lack of move on social housing / private rent accommodation for "
                                "Thrive 16+, is reducing savings possible through new contract"
                            ),
                        ),
                    ),
                ),
            ),
        ),
    )
    return Document(
        title="Included, Educated & Cared For",
        subtitle="June 2024 – Progress Report for Scrutiny",
        organisation="Somerset Council",
        period_label="June 2024",
        status_label="Draft — not for publication",
        cover_text=(
            VISION,
            "Somerset Council will build a fairer, greener, resilient, more flourishing Somerset "
            "that cares for the most vulnerable and listens to you.",
        ),
        sections=(
            Section(
                title="Priority Workstreams",
                slug="priority-workstreams",
                nodes=(workstreams,),
                notes="The four priority workstreams and their projects.",
            ),
            Section(
                title="Director's Progress Summary",
                slug="director-summary",
                nodes=(BulletList(items=tuple(ListItem.of(t) for t in DIRECTOR_SUMMARY)),),
                notes="Read by the Director of Children's Services.",
            ),
            finance,
            Section(
                title="Children's Transformation Programme – MTFP Tracker",
                slug="mtfp-tracker",
                nodes=(mtfp_table(),),
                notes="All 15 savings lines and their totals.",
            ),
            Section(
                title="MTFP delivery",
                slug="mtfp-delivery",
                nodes=(mtfp_chart(),),
            ),
            *_workstream_sections(),
        ),
    )


LONG_POINT = ("This point was pasted from a briefing note & it goes on: " + "word " * 990).strip()


def wide_table() -> Table:
    """Twelve columns of figures: wider than a portrait page."""
    months = ("Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb")
    return Table(
        caption="Monthly forecast (£000)",
        header_rows=(Row(cells=(Cell("Budget line"), *(Cell(m, numeric=True) for m in months))),),
        rows=(
            Row(
                cells=(
                    Cell("External placements", header=True),
                    *(
                        Cell(f"{1000 + i * 11:,}", str(1000 + i * 11), numeric=True)
                        for i in range(11)
                    ),
                )
            ),
            Row(
                cells=(
                    Cell("Total", header=True),
                    *(Cell("(0.4)", "-0.4", numeric=True) for _ in months),
                ),
                role="total",
            ),
        ),
    )


def hostile_document() -> Document:
    """What users type and what data leaves out: every renderer must survive it and say so."""
    return Document(
        title="<script>alert('x')</script> Report & Pack",
        subtitle="Testing <b>markup</b> & ampersands",
        organisation="Council of <Somewhere> & District",
        period_label="July 2024",
        cover_text=(),
        sections=(
            Section(title="An empty section", nodes=(), slug="empty"),
            Section(
                title="Points typed by users <script>",
                slug="typed",
                notes="<script>alert('notes')</script> & more",
                nodes=(
                    Heading("Sub-heading with <i>tags</i> & things", level=2),
                    Heading("A third-level heading", level=3),
                    Paragraph(
                        runs=(
                            Run("Read "),
                            Run("the guidance", href="https://www.gov.uk/guidance"),
                            Run(" or "),
                            Run("this", href="javascript:alert(1)"),
                            Run(" & <script>alert(2)</script>", bold=True),
                            Run(" bad", href="https://example.org/\x00 <b>"),
                        )
                    ),
                    BulletList(
                        title="A long point",
                        items=(ListItem.of(LONG_POINT), ListItem.of("A short point after it")),
                    ),
                    BulletList(items=(), title="An empty list"),
                    BulletList(
                        title="Numbered steps",
                        ordered=True,
                        items=(ListItem.of("First"), ListItem.of("Second\x07 with a bell")),
                    ),
                    BulletList(
                        title="More numbered steps",
                        ordered=True,
                        items=(ListItem.of("Again first"), ListItem.of("Again second")),
                    ),
                    Notice("No budget monitoring data for July 2024."),
                    Status(label="Status of <things>", rag="NR", text="Not rated"),
                ),
            ),
            Section(
                title="A title that someone pasted a whole paragraph into " * 12,
                slug="long-title",
                nodes=(
                    Paragraph.of("https://example.org/" + "a-very-long-unbroken-address" * 12),
                    Table(
                        caption="Unbroken words in cells",
                        header_rows=(Row(cells=(Cell("Name"), Cell("Value", numeric=True))),),
                        rows=(
                            Row(cells=(Cell("x" * 300), Cell("1,000", "1000", numeric=True))),
                            Row(cells=(Cell(LONG_POINT), Cell("2", "2", numeric=True))),
                        ),
                    ),
                    Table(caption="A table with no rows", header_rows=(), rows=()),
                ),
            ),
            Section(
                title="Wide figures",
                slug="wide",
                nodes=(wide_table(), Notice("The chart has no data yet.", level="warning")),
            ),
            Section(
                title="A chart with gaps",
                slug="chart-gaps",
                nodes=(
                    Chart(
                        title="Children in care by age (no picture spec)",
                        alt_text="Column chart of children in care by age band; 10 to 15 is the "
                        "largest band.",
                        chart_type="column",
                        categories=("Under 1", "1 to 4", "5 to 9", "10 to 15", "16 and over"),
                        series=(
                            Series("March 2024", ("31", None, "98", "243", "150")),
                            Series("June 2024", ("35", "70", None, "261", "152")),
                        ),
                        table=Table(
                            caption="Children in care by age",
                            header_rows=(
                                Row(cells=(Cell("Age"), Cell("March 2024"), Cell("June 2024"))),
                            ),
                            rows=(
                                Row(cells=(Cell("Under 1", header=True), Cell("31"), Cell("35"))),
                            ),
                        ),
                    ),
                ),
            ),
        ),
    )
