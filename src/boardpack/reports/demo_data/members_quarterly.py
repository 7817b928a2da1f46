"""The demo template "Members' Quarterly Report" and its edition for 2023-03, as plain data.

Seed 002 (Somerset Council, "Members' Quarterly Report", January to March 2023) described in its
own order: every heading, and every narrative text word for word. The narrative is the edition's
text, written once per edition; nothing here is a figure typed for a table. Every table and chart
names the records it reads, and the report engine draws the figures from them. No Django here: the
demo loader maps this onto report templates, sections and blocks.

``SECTIONS`` is the document in order. A section has a ``slug`` (unique), its ``title`` exactly
as the seed heads it, a ``level`` (1 a top-level section — a service area; 2 and 3 the seed's
sub-headings within it) and its ``blocks`` in the seed's order. A heading with no text of its own
before its first sub-heading (Early Help, the second Inclusion Somerset) has no blocks.

Block kinds (``BLOCK_KINDS`` holds the same vocabulary; ``BLOCK_KEYS`` the keys each must have):

``narrative``
    ``markdown``: the seed's words exactly — paragraphs separated by a blank line, bullet lists as
    ``- `` items (nested items indented by two spaces), bold as ``**…**``, the seed's links as it
    prints them. Its figures are the seed's prose, not a table's.
``headline_figures``
    KPI tiles (value with its qualifier — "circa", "over" — RAG and direction) for the figures the
    narrative just before it states. ``indicators``: performance indicator codes
    (``boardpack.performance``; the Somerset figures are transcribed in
    ``performance/demo_data/somerset.py``). Each tile shows the indicator's latest observation for
    the authority on or before the edition's period end, without a breakdown, unless the optional
    ``breakdown`` ({dimension: [values]}) names the breakdown values to show: one tile per value, for
    each listed indicator that has that dimension.
``indicator_chart``
    The authority against its comparators over time. ``title`` (and optional ``subtitle``) as the
    seed prints them; ``indicator``: the code whose observations it draws, or "" where no indicator
    holds the series; optional ``comparators`` (observation areas: england,
    statistical_neighbours, region). ``note`` says why it may be empty: the seed shows every one of
    its four charts without printing the figures, so where no data is held the block says so in
    place and never makes a figure up.
``breakdown_table``
    One indicator as a grid of two breakdown dimensions (the exclusions tables: academic year ×
    month). ``indicator``; ``rows`` / ``columns``: dimension names; ``row_values`` /
    ``column_values``: the breakdown values in the seed's order; ``row_labels``: each row's label as
    the seed prints it; ``row_header``: the first header cell. Cells are the observations with
    exactly that breakdown; a missing one is shown as blank, never as zero.
``indicator_table``
    Several indicators across one breakdown dimension. ``layout`` ``indicators_in_columns`` (the
    attendance table: a row per school type, a column per indicator) or ``indicators_in_rows`` (the
    children looked after tables: a row per indicator, a column per academic year).
    ``indicators``: [{``code``, ``label`` as the seed heads the column or row}]; ``dimension``;
    ``values`` in the seed's order; ``value_labels``: a value's label where the seed prints it
    otherwise ("2020-21" for 2020/21); ``header``: the first header cell.
``budget_table``
    The finance app's revenue budget monitoring for the directorate at ``period`` (Month 9 2022/23
    is period ``2022-12``), with movement and direction from ``compare_with`` (Month 7, ``2022-10``).
``dsg_table``
    The finance app's Dedicated Schools Grant records. ``table``: ``allocation`` (the DSG blocks
    before and after recoupment for ``financial_year`` 2022, i.e. 2022/23), ``monitoring`` (budget,
    projection, variance and movement by block at ``period``, against ``compare_with``) or
    ``deficit`` (the DSG deficit as at 31 March and its forecast, held with ``period``).
``inspections_list``
    The inspections register: establishments whose report became available from
    ``published_from`` to ``published_to`` (inclusive; the seed's 30 run from 10 November 2022 to 27
    January 2023), grouped by judgement in the order of ``groups`` ({``judgement``, ``heading`` as
    the seed heads the group}), each group with its count. An establishment judged in two areas
    (North Hill House: education requires improvement, social care good) is listed once, with both
    judgements, in the group of its best judgement, as the seed lists it.
``case_study``
    A case study printed under its own heading: ``title`` and ``markdown``, word for word.
``quote``
    Quoted words set apart in the seed without a heading of their own: ``markdown``, word for word.

Every ``caption`` is the table's caption exactly as the seed prints it, or "" where the seed
prints none (the engine then captions the table itself).

Deliberate deviations from the seed's layout (never its words): two sentences broken across a
page in the seed are joined ("We have worked alongside partners…", "the existing School Transport
Cost Management Strategy…"), and the quality assurance recommendations that the seed indents by one
space are a nested list.
"""

# ruff: noqa: E501

from __future__ import annotations

from typing import Any

TEMPLATE: dict[str, str] = {
    "slug": "members-quarterly",
    "title": "Members' Quarterly Report",
    "audience": "members",
}

EDITION: dict[str, Any] = {
    "period": "2023-03",
    "subtitle": "January to March 2023",
    # The cover's organisation name, as the seed sets it, on two lines.
    "cover_text": ["Somerset", "Council"],
}

BLOCK_KINDS: dict[str, str] = {
    "narrative": "The edition's Markdown text, word for word.",
    "headline_figures": "KPI tiles from performance indicators.",
    "indicator_chart": "An indicator against its comparators over time, or a notice that no data is held.",
    "breakdown_table": "One performance indicator by two breakdown dimensions.",
    "indicator_table": "Several performance indicators across one breakdown dimension.",
    "budget_table": "Revenue budget monitoring from the finance app.",
    "dsg_table": "A Dedicated Schools Grant table from the finance app.",
    "inspections_list": "School inspections from the inspections register, grouped by judgement.",
    "case_study": "A titled case study, word for word.",
    "quote": "Quoted words, word for word.",
}

BLOCK_KEYS: dict[str, frozenset[str]] = {
    "narrative": frozenset({"markdown"}),
    "headline_figures": frozenset({"indicators"}),
    "indicator_chart": frozenset({"title", "indicator", "note"}),
    "breakdown_table": frozenset(
        {
            "caption",
            "indicator",
            "rows",
            "row_values",
            "row_labels",
            "row_header",
            "columns",
            "column_values",
        }
    ),
    "indicator_table": frozenset(
        {"caption", "layout", "dimension", "values", "value_labels", "header", "indicators"}
    ),
    "budget_table": frozenset({"caption", "period", "compare_with"}),
    "dsg_table": frozenset({"caption", "table"}),
    "inspections_list": frozenset({"published_from", "published_to", "groups"}),
    "case_study": frozenset({"title", "markdown"}),
    "quote": frozenset({"markdown"}),
}

SECTIONS: list[dict[str, Any]] = [
    {
        "slug": "introduction",
        "title": "Introduction",
        "level": 1,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": (
                    "Welcome to our first quarterly report for Somerset Council Children's Services. Children and young people in Somerset in 2023 have amazing opportunities as they grow up but many also face significant challenges in their lives — including the impact of Covid-19 on school attendance and mental health and increasing levels of poverty as a result of the cost of living crisis. Children's services cover a wide spectrum of support for children and young people and their families. This includes strengthening community based early help and family resilience, the early years and supporting children to be ready for school, our oversight and support to maintained schools, services for children and young people with special educational needs or disabilities, social care, our edge of care services and for those most in need, a loving home in fostering or residential care as the corporate parent for 580 children and young people and 395? Young people leaving our care.\n"
                    "\n"
                    "My teams operate a huge and complex group of services, delivering more than 300 statutory legal requirements and working with partners across the NHS and GPs, police, health visiting, housing, adult services, voluntary, community and faith groups, schools, colleges, special schools, pupil referral units, early years settings and many more. We have 1200 staff, a service budget of £105m (excluding schools) and manage an annual dedicated schools grant of £468m."
                ),
            },
            {
                "kind": "headline_figures",
                "indicators": [
                    "CLA-COUNT",
                    "CARE-LEAVERS-COUNT",
                    "STATUTORY-REQUIREMENTS",
                    "WORKFORCE-HEADCOUNT-DIRECTORATE",
                    "SERVICE-BUDGET",
                    "DSG-ANNUAL",
                ],
                "breakdown": {
                    "directorate": ["Children's Services"],
                },
            },
            {
                "kind": "narrative",
                "markdown": (
                    "Nationally, the cost of living crisis and poor stewardship of care markets mean we face unprecedented financial challenges. New local initiatives such as Homes and Horizons are a direct response — helping Somerset to set our own future for our children in care.\n"
                    "\n"
                    "All my teams have an unwavering commitment to working with children and their families to improve their own lives sustainably.\n"
                    "\n"
                    "Every one of these reports will include examples from the services of the amazing work they do. This report focuses on children we care for.\n"
                    "\n"
                    "Staying away from home is always a bit daunting the first time, but for those with complex needs, it can be a big worry for everyone. We've had three children stay at one of our respite homes for children with disabilities -The Elms - for the first time in the last couple of months, and all three have managed brilliantly! One of the parents fed-back that their child's confidence has improved and their anxieties have reduced since being brave enough to stay away from home.\n"
                    "\n"
                    "'Billy' is a child with significant disabilities, who regularly comes to stay overnight at The Elms. He has always liked to sleep in a 'safe space' tent and brings the tent with him to The Elms. One of our Team Leaders recently did a research project on sleep and effective sleep hygiene, and with the right support and new strategies in place, Billy no longer feels he has to use his tent at The Elms. He has a really good routine, and sleeps in a standard bed all night! Congratulations to Billy, his family and everyone who works with him at The Elms – this is a fantastic achievement!"
                ),
            },
        ],
    },
    {
        "slug": "commissioning",
        "title": "Commissioning",
        "level": 1,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": (
                    "Commissioning is about improving children, young people and families’ outcomes from the available resources – it’s how we design and transform services, work with the community and partners, managing the market of suppliers, help people earlier, procure and monitor service delivery.\n"
                    "\n"
                    "Our largest area of external spend is to support Children who are Looked After – we have an ambitious programme to build ten new homes in partnership with the Shaw Trust to improve the quality of support close to home and reduce costs. In total, the commissioning team is responsible for 104 contracts with an annual value of £45m. Services include Children Looked After placements, Family Safeguarding, young carers, short breaks, household support fund and early help in the community.\n"
                    "\n"
                    "Strategic Commissioners are responsible for a significant portfolio of commissioning such as children looked after and edge of care services. Commissioners and Senior Commissioners are responsible for specific services – going through a cycle of understanding needs, planning the service model, implementing (which can include procurement) and reviewing delivery with user feedback, contract monitoring and evaluation. Commissioners are responsible for continuous improvement and using a wide range of resources and levers to achieve the outcomes and impact for families.\n"
                    "\n"
                    "Increasingly, we are joining up our commissioning with partners in the NHS Integrated Care Board, Adult Services and Public Health. This is part of the Integrated Care System (ICS) governance for health and care, delivering the Children and [Young People’s Plan](#) and [Fit for my Future](#) ICS strategy."
                ),
            },
            {
                "kind": "headline_figures",
                "indicators": [
                    "COMMISSIONING-CONTRACTS",
                    "COMMISSIONING-CONTRACT-VALUE",
                    "HH-HOMES-PLANNED",
                ],
            },
        ],
    },
    {
        "slug": "sufficiency",
        "title": "Sufficiency",
        "level": 2,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": (
                    "Sufficiency means ensuring we have enough high quality homes in Somerset for our children in care. The Council has a statutory duty under section 22G of the Children Act 1989. We need a range of accommodation capable of meeting different needs which can include foster carers, residential children’s homes and supported housing for 16-18 year olds as they prepare to live independently.\n"
                    "\n"
                    "There aren’t enough of the right types of homes for our most vulnerable children which can result in some children living far away from their communities. Over 400 homes are commissioned within the private and charitable sector and commissioners work very closely with these providers to improve sufficiency and ensure children and young people feel safe and are properly cared for."
                ),
            },
            {
                "kind": "headline_figures",
                "indicators": ["COMMISSIONED-HOMES"],
            },
            {
                "kind": "indicator_chart",
                "title": "Children Looked After by placement type",
                "indicator": "",
                "subtitle": "Number of Children Looked After living in fostering or residential, in Somerset, or outside Somerset",
                "note": "The seed shows this chart without printing its figures, and no indicator holds them: the block says in place that no data is held.",
            },
        ],
    },
    {
        "slug": "homes-and-horizons",
        "title": "Homes and Horizons (H&H) Strategic Partnership",
        "level": 3,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": (
                    "- The initial focus of H&H through early 2023 is developing small caring residential children's homes for two or three young people. The first two homes opened in February, with the first two young people moving into their new homes through this month. Building work has commenced at the next two homes and are due to open in April and May. Our first 29 staff are recruited, and this is progressing at pace to ensure homes 3 and 4 are fully staffed. Purchase and design work for homes 5-7 is also in progress.\n"
                    "- A comprehensive marketing programme to aid Higher needs foster care recruitment. There has been a 360% increase in visits to the fostering website (compared to the same time period in 2022) and the second most visited page is the Higher needs page related to H&H. 3 potential foster carers have already begun formal assessment. Both the foster care provision and homes will be integrated with a therapeutic education service, and two school sites and funding to support CAMHS therapeutic interventions have been secured."
                ),
            },
            {
                "kind": "headline_figures",
                "indicators": [
                    "HH-HOMES-OPEN",
                    "HH-YOUNG-PEOPLE-MOVED-IN",
                    "HH-STAFF-RECRUITED",
                    "FOSTER-ASSESSMENTS-STARTED",
                ],
            },
        ],
    },
    {
        "slug": "connect-somerset",
        "title": "Connect Somerset",
        "level": 2,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": (
                    "Connect Somerset is a new programme to improve early help in the community for children, young people, families, vulnerable individuals and older people. We are joining up our local support between health and care, children and adult's services and people and place.\n"
                    "\n"
                    "Immediate areas of priority are to:\n"
                    "\n"
                    "- Appoint **area champions** from the voluntary, community, faith and social enterprise sectors (VCFSE) – so local early help is led by people from the community\n"
                    "- Put in place a new **team around the school** model with named professionals supporting each school\n"
                    "- Increase our delivery through **hubs** so services are closer to home\n"
                    "- Bring together **databases of local resources** so these are easier to search for professionals and residents\n"
                    "- Share data using **Transform** so professionals are able to contact others working with a family\n"
                    "- Develop a **universal offer of early help** and support families to access this help\n"
                    "- Establish a new **strategic partnership** with an umbrella organisation representing Somerset VCFSE\n"
                    "- **Evaluate** the impact of Connect Somerset on outcomes for residents and families\n"
                    "\n"
                    "Connect Somerset is a big part of the Education for Life strategy and important to meet the needs of local residents, as well as reducing the demand to more expensive services. The team around the school model is launching in April, so schools are better supported by named professionals in their communities."
                ),
            },
        ],
    },
    {
        "slug": "transformation",
        "title": "Transformation",
        "level": 2,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": (
                    "Our transformation work has historically supported change within the service to deliver improved outcomes for children and families (through changes in practice, culture or the delivery of new services) alongside specific programmes of work to deliver cost savings and/or pressure control, linked to the MTFP process. Throughout the pandemic, key projects continued under the existing Transformation Programme which were focused on priority of need. This included the development of the Family Safeguarding service and the strategic partnership with Shaw Trust/Homes 2 Inspire to deliver the 'Homes and Horizons' blended care model (children's homes, high needs fostering and therapeutic education) for our most vulnerable children in care).\n"
                    "\n"
                    "The programme is now broadening in recognition of evolving partnership and joint commissioning approaches, a renewed requirement to deliver MTFP targets, significant developments in the Somerset education sector and responses to Government initiatives (e.g. Family Hubs, Staying Close) – all whilst focusing on improving whole life outcomes for our children, young people and their families.\n"
                    "\n"
                    "With the emergence of new partnership governing structures (including the Integrated Care Board and the new Children and Families Board) and the development of the Connect Somerset model which is very much focused on communities and partnership working; now is an opportune point to review the scope and scale of the programme and the benefits of taking a broader, system approach to how we manage change to improve outcomes for children and families. Initial exploration around how we best link transformation work moving forwards (spanning Health and Care Integration, Children in Care, Connect Somerset, Education for Life and the developing SEND Strategy) is underway."
                ),
            },
        ],
    },
    {
        "slug": "early-help",
        "title": "Early Help",
        "level": 2,
        "blocks": [],
    },
    {
        "slug": "household-support-fund",
        "title": "Household Support Fund",
        "level": 3,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": (
                    "The third round of the Household Support Fund is available through the following routes:\n"
                    "\n"
                    "- **Auriga online application portal** – providing food vouchers, pre-payment meter top-ups and white goods to members of the public who qualify for support. This includes applications on behalf of residents by front line workers such as Social Workers, Health Visitors and Village Agents.\n"
                    "- **School holiday food vouchers** – providing free school meal vouchers in the holiday periods of October half term, Christmas fortnight, Spring half term and Easter.\n"
                    "- **Professional applications** – ensuring professionals have access to additional funding to support people who need items not supplied through Auriga, such as purchasing heating oil.\n"
                    "- **Weekend HAF** – run by SASP – providing food and warm, enriching places for children and young people to access on weekends. Potential for phone and computer-charging facilities to enable homework and making food to take home to the family that evening.\n"
                    "- **Supporting non-eligible residents** – to Somerset Community Foundation to enable VCFSE organisations to support people who are not eligible for support from the Government schemes."
                ),
            },
            {
                "kind": "case_study",
                "title": "Case Study",
                "markdown": (
                    "“One of my families has a young child who has to walk 40 minutes each way to and from school in all weathers and did not have suitable clothing and would arrive at school wet and cold.\n"
                    "\n"
                    "Because of the HSF the child now has wellies, a warm waterproof coat and is able to stay dry walking to school.\n"
                    "\n"
                    "“A family I am working with has a young child who was sleeping on the floor on a very old and dirty mattress. Because the HSF was awarded, they now have their own brand new bed and bedding. This has given such a positive impact to the family and means the child is sleeping well and their school attendance has also improved because they can maintain their bedtime routine and a good night sleep meaning they are refreshed for school the next day”."
                ),
            },
        ],
    },
    {
        "slug": "holiday-activities-and-food",
        "title": "Holiday Activities and Food",
        "level": 3,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": (
                    "- Approximately 8000 children a year benefit from warm food, exercise and enriching activities during the school holidays\n"
                    "- HAF has gone well over the Christmas holidays, reaching around 5000 children in one week across Somerset. <https://youtu.be/MLaDwPwTdgE>\n"
                    "- The majority of areas have a HAF programme within ten miles. Smaller providers are used, which helps with rurality, and helps develop small businesses.\n"
                    "- Inclusion has been really important, with providers trained and parents having the information they need to make an informed choice for their child.\n"
                    "- Young people have also been trained as coaches with SASP and are able to use HAF to further their training."
                ),
            },
            {
                "kind": "headline_figures",
                "indicators": ["HAF-CHILDREN-YEAR", "HAF-CHILDREN-WEEK"],
            },
        ],
    },
    {
        "slug": "young-carers",
        "title": "Young Carers",
        "level": 3,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": (
                    "- Approximately 100 young carers are supported in their caring roles by taking a weekly/fortnightly break to link with other young carers.\n"
                    "- A new Young Carers engagement group will be created by the Participation Team. This will be very useful to Commissioners in developing the Young Carers youth club offer.\n"
                    "- Youth Unlimited are working with eight schools, including King Alfred's, Haygrove and Huish Episcopi, Bishop Fox's and Castle School. King Alfred's and Huish Episcopi are two of our highest school populations of young carers.\n"
                    "- This award demonstrates a school is meeting the needs of young carers, specifically mentioned in Ofsted's Common Inspection Framework.\n"
                    "- Bath Philharmonic will be working with Taunton and Mendip Young Carers to create a recorded orchestral performance."
                ),
            },
            {
                "kind": "headline_figures",
                "indicators": ["YOUNG-CARERS-SUPPORTED", "YOUNG-CARERS-SCHOOLS"],
            },
        ],
    },
    {
        "slug": "childrens-social-care",
        "title": "Children's Social Care",
        "level": 1,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": (
                    "CSC includes a number of key statutory services which work with the broad aim of assessing need and risk and providing support and protection to the most vulnerable children in our County. Requests for support come in via Somerset Direct to our Early Help Hub and Social Work triage team (First Response), both of which are based in Bridgwater Police Station, alongside our key health partners. Families with complex needs are supported by our skilled Family Intervention Service, who provide intensive family support work to help parents provide the best level of care for their children. Where needs require a social work response, children are supported as a child in need, or, where there is a risk of significant harm, under a multi-agency child protection plan, led by a social worker. If children cannot be safely cared for by their parents, then the local authority can ask the Family Court to remove the children into care.\n"
                    "\n"
                    "Wherever possible, CSC will support children to remain within their extended family or community, but if this is not possible, most children looked after will live with foster carers. CSC assesses, trains and supports around 300 foster carers. Where the child's needs are more complex, then they may require special residential care. Younger children who cannot stay with their parents or wider family may, subject to the court's agreement, go on to be adopted. Alongside these key areas, CSC provides support to children who are involved in criminality via our multi-agency Youth Justice Team. We also provide ongoing support to young people from age 18 to 25, who have been in our care and moved on to independent or supported living. We place a high value on Quality Assurance in our work, via our Service Improvement Team, and via the independent professional oversight provided by our Child Protection Coordinators and Independent Reviewing Officers.\n"
                    "\n"
                    "We work within a clear statutory framework, including the Children Act 1989 and Working Together to Safeguard Children (2018). Somerset CSC has a clear and well-established Practice Framework [Local Resources \\(proceduresonline.com\\)](http://proceduresonline.com) which guides the way we work with families. We take a relationship and strengths-based approach, and focus on working **with** families, not doing **to** them. We encourage all our staff to be open, curious and tenacious in their work with families, and to be professionally generous in their interactions with key partners."
                ),
            },
            {
                "kind": "headline_figures",
                "indicators": ["FOSTER-CARERS"],
            },
        ],
    },
    {
        "slug": "social-care",
        "title": "Social Care",
        "level": 2,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": "Following the successful Ofsted inspection in July 2022, at which all areas were judged to be Good, we have not rested on our laurels but have been working on our plan to move from Good to Outstanding. Following a consultation with staff, we have produced a new service plan for the next 18 months, which is launched, and which has already been shared with scrutiny. We are focusing on addressing key areas of development identified by Ofsted as well as on raising the standard of practice across the board to support all practitioners to reach the highest standards already demonstrated by a significant number of our workers. A number of senior roles are currently filled by temporary internal acting up arrangements, following the departure of Julian Wooster, but the team has gelled quickly and is bringing energy and ideas to improvement activity. Teams are currently engaging in a service 'obsession' to promote the importance of engagement in education in keeping children safe and supporting stable families.",
            },
            {
                "kind": "indicator_chart",
                "title": "Rate of Children Looked After (CLA), per 10,000 children aged under 18",
                "indicator": "",
                "comparators": ["england", "statistical_neighbours", "region"],
                "note": "The seed shows this chart without printing its figures, and no indicator holds them: the block says in place that no data is held.",
            },
            {
                "kind": "narrative",
                "markdown": "The lowest line on the graph, in light blue, is Somerset's rate of CLA, considerably lower than England, Statistical Neighbours and the South West. This also shows a similar increase for all authorities in the last year – generally understood to be as a result of increased vulnerabilities in families following the pandemic and the cost of living.",
            },
            {
                "kind": "indicator_chart",
                "title": "Number of adoptions in the last 12 months",
                "indicator": "ADOPTIONS-12M",
                "note": "The seed shows this chart without printing its figures: the block draws only what the indicator's records hold and says in place that no data is held for the rest.",
            },
            {
                "kind": "narrative",
                "markdown": "The number of adoptions in Somerset has continued to rise with 50 children adopted over the last 12 months.",
            },
            {
                "kind": "headline_figures",
                "indicators": ["ADOPTIONS-12M"],
            },
        ],
    },
    {
        "slug": "children-with-disabilities",
        "title": "Children with Disabilities",
        "level": 2,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": (
                    "The Children with Disabilities service provides support and safeguarding for children from 0-18 who have a diagnosed physical, learning or autism related disability or who are on the pathway for an autism diagnosis. The service includes social work and early support teams which work closely together to support varying levels of need dependent on individual circumstances. Children and their families can access any level of the service and we aim to ensure that all children and their families are receiving the right level of support at the right time in accordance with their needs. Some families who have a disabled child may not want or need the involvement of a social worker. In these circumstances our early help teams (with an establishment of 21 FTE posts, working with over 450 children) can enable access to sessional short break activities which include monthly clubs and groups or fun days out for children and families during school holidays. These are published on the Local Offer by way of a calendar of events. Where assessed as being required we can provide access to one-to-one support for children via Somerset Supporters or if parents wish via Direct Payments. We will also provide parenting support and advice, make applications for charitable funding and be part of the Team Around the Child support network.\n"
                    "\n"
                    "Other children and families may want or, due to the complexity of their needs, require social work interventions. They can access all services that are available at the early support level but they may also require access to overnight short breaks or safeguarding procedures. The social work team, made up of 12 FTE posts, and currently working with 169 children, carry out all statutory functions of children social care including child and family assessment, child in need, child protection, children looked after and court work, including adoption proceedings.\n"
                    "\n"
                    "On receipt of a referral, triage will take place and the child will be allocated to the most appropriate team within the service. The social work team will carry out a child and family assessment whilst the early support service will carry out an early support assessment, both of which are designed to identify what support will be required by the family to achieve the desired outcomes. The teams will also carry out a parent/carer assessment to ensure a holistic view of the family's individual needs is achieved. The child and family will be provided with either a child in need plan or an early support plan which will be reviewed at 3 or 6 months respectively."
                ),
            },
            {
                "kind": "headline_figures",
                "indicators": ["CWD-ESTABLISHMENT-FTE", "CWD-CHILDREN"],
                "breakdown": {
                    "team": ["Early help teams", "Social work team"],
                },
            },
        ],
    },
    {
        "slug": "children-looked-after",
        "title": "Children Looked After",
        "level": 2,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": (
                    "- There are currently 570 children looked after by the Local Authority, this is a slight reduction compared to January 2022 where it was 584.\n"
                    "- When children need to live away from home, we consistently consider all family and friends options before children become looked after. We have worked alongside partners to develop a shared understanding of the thresholds for coming into care leading to a reduced use of police protection.\n"
                    "\n"
                    "- When children are unable to return home, carefully planned permanent homes are sought for them. Family time is promoted in a safe way that meets children's needs, largely through our dedicated family time team, led by a social work practitioner. Particular care is given to promoting siblings' family time when they are unable to live together.\n"
                    "- Children's changing needs are regularly considered via supervision, CLA reviews and permanence tracking. Children's views are central to care planning and reflect family history, culture, and identity. Planning for where children will live is carefully thought through to support their needs for family time and children are supported to remain with family members or wider networks where possible.\n"
                    "- Permanence options are carefully considered at the earliest opportunity and progressed accordingly via regular permanence planning meetings, considering the needs of the child. A small number of children in care live at home with their parents, and for them there is clear management oversight to ensure assessments and work is undertaken for the timely revocation of care orders. Children who need long term foster care are matched with carers who can best meet their needs.\n"
                    "- Sufficiency of foster carers in house and in the independent sector remains challenging locally, regionally, and nationally.\n"
                    "- There is high quality life story work completed when children are adopted. Good quality life story work is completed for children in foster care & residential care, however its less consistent and not recorded in a consistent way. This is a focus for the service in the next 6 months to address the inconsistency.\n"
                    "- There are currently 39 children in Somerset who are identified as unaccompanied asylum-seeking children (UASC) and they receive a prompt and sensitive response. Social workers and Leaving Care workers based in one area work as a team to ensure a coordinated response across the county and smooth transition from CLA teams to Leaving Care. Wherever possible, specially recruited and trained foster carers provide homes and they have established a good network of support.\n"
                    "- On reaching the age of 18, UASCs do not always want to remain in Somerset, often preferring to move to a city location. Workers support young people to make realistic choices and allow for sustainable continued support to be offered."
                ),
            },
            {
                "kind": "headline_figures",
                "indicators": ["CLA-COUNT", "UASC-COUNT"],
            },
        ],
    },
    {
        "slug": "leaving-care",
        "title": "Leaving Care",
        "level": 2,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": (
                    "- There are currently 582 young people aged 16-21yrs receiving a service from the Leaving Care teams across the county.\n"
                    "- The Local Authority have employed 3 young people as apprentices with a plan to employ a further 4 in the coming months.\n"
                    "\n"
                    "- Leaving Care workers know the young people well and are committed to driving forward plans to support them. Keeping in touch figures remain consistently high and stable at 99.1% (99.3% in November 2022). 0.9% was due to contact being refused or a young person returned to live with a parent/person holding PR for a continuous 6-month period.\n"
                    "- Somerset Leaving Care service attended the National Benchmarking Awards and came runners up for the category – Personal Advisor Team of the Year. The Leaving Care service were very pleased to have been runners up in this category.\n"
                    "- Seeking suitable accommodation for young people when they reach the stage of living independent is a key focus of the Leaving Care Service and provide on-going support. Currently 97% of young people are deemed at having suitable accommodation. For those not in suitable accommodation there is increased support and oversight in line with their needs.\n"
                    "- Young people who are 'Not in education or employment' (NEET) is a key area for the Leaving Care Service. 33.1% of young people are currently classed as NEET. We remain lower than our statical neighbours."
                ),
            },
            {
                "kind": "headline_figures",
                "indicators": [
                    "CARE-LEAVERS-COUNT",
                    "LC-APPRENTICES",
                    "LC-KEEPING-IN-TOUCH-PCT",
                    "LC-SUITABLE-ACCOMMODATION-PCT",
                    "LC-NEET-PCT",
                ],
            },
        ],
    },
    {
        "slug": "quality-assurance-for-childrens-social-care-and-send",
        "title": "Quality Assurance for children's social care and SEND",
        "level": 2,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": (
                    "- We have an extensive, strengths-based quality assurance framework and comprehensive performance information which has supported quality assurance and feedback to become business as usual. This framework means that everyone has a role in quality assurance.\n"
                    "- Evidence of our quality assurance activity enabled inspectors undertaking our full ILACS inspection in July 2022 to see evidence of the considerable progress that we have made on all recommendations from our 2017 inspection. Moreover, it demonstrated the significant improvements we have made to the overall standard of social care practice in all areas.\n"
                    "- Performance and quality of practice is scrutinised regularly through a robust performance and quality assurance process. This supports senior leaders to have a clear and realistic line of sight on the quality of frontline practice, helping to drive continuous improvement in practice across all teams.\n"
                    "- A peer review of Quality Assurance in Somerset found that senior managers give direct recognition to team members, and this gives managers and practitioners confidence in what they are doing and a hunger to strive to do 'even better'. It found evidence of a well-embedded culture of striving for great performance and a strong culture of learning.\n"
                    "- The peer challenge confirmed that quality assurance in Somerset is everyone's business, both in terms of following QA processes and procedures but also in terms of influencing review and change, to make optimum use of QA and have maximum impact on children and families.\n"
                    "\n"
                    "- We have already implemented some of the recommendations from the ILACS inspection of July 2022:\n"
                    "  - Supervision templates have been updated to ensure that any recent audit activity and learning is discussed in supervision\n"
                    "  - The quality assurance framework is being reviewed and updated. It will include quality assurance of missing return home interviews and have a greater focus on looking at the quality of practice in respect of children's education and inclusion where children have special educational needs\n"
                    "  - Team diagnostic programme will continue with a focus on aligning timings for service areas to provide clear service wide learning\n"
                    "  - Practice Evaluation template is being revised to ensure it contains a means for auditing quality of practice in respect of education, SEND and missing children\n"
                    "- To support our progress with improvement work, managers across all levels of the organisation use thorough and reliable performance data and information to track performance and identify any areas requiring deep dive audit. Auditing case work is embedded and embraced throughout the service and is providing high quality information to managers and leaders about the quality of practice and progress for children. This forms part of our comprehensive quality assurance framework that consists of systematic closing-the-loop audit activity, feedback from children, families and workers and a programme of intensive team peer audit."
                ),
            },
        ],
    },
    {
        "slug": "prevention-services",
        "title": "Prevention Services",
        "level": 2,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": (
                    "- **Youth Justice Team** awaits its HMI Probation full inspection, which is now some 2 years overdue. Significant work has taken place with the multi-agency SYJ Partnership Board, leading to improved governance and a strategic plan (due for renewal this year) to drive the board's oversight of the YJT.\n"
                    "- The main focus in the YJT is on reoffending - Somerset is above the regional and national position on this. However, our overall rate is declining and with a small post court (sentenced) cohort in scope, one child makes a difference. We have seen a spike linked to a particularly active group of young people in Taunton. With significant input from a wide number of internal and external partners we have seen a dip in this spike in both anti-social and criminal behaviours.\n"
                    "- YJT are also engaged in developing a young people's advocacy group, to better hear from and use the voices of our children in service design. Details can be found here: www.tinyurl.com/YouthJusticeAG"
                ),
            },
        ],
    },
    {
        "slug": "family-intervention-service",
        "title": "Family Intervention Service",
        "level": 2,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": (
                    "The focus remains on demand management in Early Help:\n"
                    "\n"
                    "- **Demand for EH support** continues to increase (Q3 2022/23 showing 955 children / 495 families) 606 children allocated within 3 weeks in this period (63.5%) with a reduction to 15% 9 weeks plus.\n"
                    "- **Increasing conversion rates** for EH (47%) and statutory SW services (37%) reflecting increased need and improved partnership understanding of thresholds.\n"
                    "- **Clear management process** in all areas in place to triage new referrals and risk assess cases waiting allocation with regular family check ins by TLs.\n"
                    "- **Management review of establishment** and localities in hand - provisional plans to move Family Intervention Workers positions to support Mendip locality.\n"
                    "- **Transfer and Allocation** meeting reviewed, and further work planned to include wider service areas (Kinship)\n"
                    "- **Working group planned** to look at how SWs can support EH work around step-up and step-down (Care Review)\n"
                    "- **Young Carer** review has taken place – better identification at C and F stage through revised paperwork. Under 8s now offered C & F assessment.\n"
                    "- Work on **accurate dashboards** continues with Business Intelligence team\n"
                    "\n"
                    "Service response to Ofsted's challenge over Missing Return Interviews in Somerset is in hand and developing as was planned before the inspection process:\n"
                    "\n"
                    "- **Our RHI form** has been reviewed and reworked to ensure effective analysis of all the information gathered, leading to more effective data reporting.\n"
                    "- **Our recording** now more accurately reflects work done, demonstrating where a child has been given the opportunity to discuss a missing episode through direct contact. **The number of children** who have engaged has risen 26% since July 2022.\n"
                    "- **CLA** Work completed with Avon and Somerset Police to roll out the Philomena Protocol (ongoing into the spring of 2023) – working with two major care providers to audit responses to their missing reports to take place February 2023. This will result in increased accuracy in recorded missing incidents with a more child focused pragmatic approach to responding to children.\n"
                    "- **Work underway** to consider Local Guidance for Missing Children – how can we ensure meaningful social work contact post return is better recorded?\n"
                    "- **Working group** established to engage the wider CSC management team (through the County Managers' Meeting process) to refresh the purpose and process of MRI work and identify challenges and barriers."
                ),
            },
            {
                "kind": "headline_figures",
                "indicators": [
                    "EH-DEMAND-CHILDREN",
                    "EH-DEMAND-FAMILIES",
                    "EH-ALLOCATED-3WKS-PCT",
                    "EH-WAIT-9WKS-PCT",
                    "EH-CONVERSION-PCT",
                    "SW-CONVERSION-PCT",
                    "RHI-ENGAGED-CHANGE-PCT",
                ],
            },
        ],
    },
    {
        "slug": "assessment-and-safeguarding",
        "title": "Assessment & Safeguarding",
        "level": 2,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": (
                    "- During the last quarter 5318 contacts were received into the Family Front Door (FFD), this resulted in 862 assessments being allocated to area assessment teams and 186 strategy discussions where it was deemed that a child was at risk of or likely significant harm.\n"
                    "- Contacts and referrals made to the Family Front Door are considered quickly and responded to appropriately. Family histories and previous interventions are consistently considered to help inform decisions.\n"
                    "- Conversion rate from referral to assessment continues to improve and is supported by a robust partnership and quality assurance schedule.\n"
                    "- The re-referral rate in Somerset remains low and in line with other 'good' authorities.\n"
                    "- As of January 2023, we are supporting 943 children in need. Social workers are passionate and knowledgeable about the children they support. They are skilful in identifying and considering risks to children in families, and extra-familial risk where this exists. Practice Evaluations tell us that children's assessments are holistic and concise. They explain the child's journey, capture children's views, describe their lived experience and use family history to help identify strengths, vulnerabilities and children's needs.\n"
                    "- The Family Safeguarding model in Somerset sees specialist adult practitioners (Mental Health; Domestic Abuse; Substance Misuse) placed within social work teams to provide rapid and intensive support to parents. Our diagnostic reports highlight effective collaboration between adult workers and social workers, with a clear understanding of each other's role and responsibilities. Parents and social workers value these interventions as evidenced in their feedback:"
                ),
            },
            {
                "kind": "quote",
                "markdown": (
                    "'Being able to tap into all these elements within a team means we can work in a hub with constant communication'\n"
                    "\n"
                    "'The family safeguarding model is helping me and my family, the sessions with my domestic abuse worker have been great.'"
                ),
            },
            {
                "kind": "narrative",
                "markdown": (
                    "- The impact in keeping families together and improving the lives of children can be seen in our low number of children subject to Child Protection Plans. There are currently 246 children subject to Child Protection plans. 69.2% of child protection plans ended due to the plan being achieved and outcomes improving for children.\n"
                    "- Further evidence of the effectiveness of the Family Safeguarding model has been seen in decreasing levels of drug and alcohol misuses and domestic abuse in those families supported by our Family Safeguarding teams.\n"
                    "- Our Wider safeguarding teams work with children who are at risk of exploitation and have developed expertise in this area, including a good understanding of place-based vulnerabilities. Alongside a focus on exploitation they have built expertise in supporting parents with learning difficulties and families where neglect is a key issue.\n"
                    "\n"
                    "- To further support these teams, and in response to learning from QA activity we have developed and commissioned specific training in relation to neglect and assessing parents with learning difficulties.\n"
                    "- We are investing in the ParentAssess software to support social workers to confidently work with parents with learning needs, and to better inform our care planning in the court arena."
                ),
            },
            {
                "kind": "headline_figures",
                "indicators": [
                    "FFD-CONTACTS",
                    "FFD-ASSESSMENTS",
                    "FFD-STRATEGY-DISCUSSIONS",
                    "CIN-COUNT",
                    "CP-COUNT",
                    "CP-ENDED-ACHIEVED-PCT",
                ],
            },
        ],
    },
    {
        "slug": "voice-of-the-child",
        "title": "Voice of the Child",
        "level": 2,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": (
                    "- Annual achievements remain a positive event in Somerset. Planning for 2023 is already underway and SiCC AND SLCC will be starting to contact elected members looking for sponsorship and support soon.\n"
                    "- Route 1 have increased their cohort of volunteer advocates and Independent visitors – (13 new will undertake training January and 6-8 already booked in for March training).\n"
                    "- Route 1 have devised a recruitment poster aimed at encouraging males into the role of Independent visitors to address the shortfall in this area.\n"
                    "- All newly looked after children have the opportunity to meet with a Route 1 case coordinator to talk to them about Independent visitors and ways of having their views heard.\n"
                    "- 96 children are matched with an Independent visitor (63 under 18 years and 33 care leavers) – this is a +9 improvement on July 2022.\n"
                    "- The CP conference animation for children and young people is now published and has been viewed 200 times since 19th October.\n"
                    "<https://www.youtube.com/watch?v=DVh1MFKOmQE>\n"
                    "- Participation service have been working with young carer providers and have started a young carer group.\n"
                    "- Fiona Phur, the Unstoppables, and Sian Smiley (Participation Worker), won the tender to run an NHS regional CYP Self Advocacy service for children and young people with SEND in the south west.\n"
                    "- Both our new Homes and Horizons residential settings will have named allocated advocates available to the young people living there."
                ),
            },
            {
                "kind": "headline_figures",
                "indicators": ["IV-MATCHED", "IV-MATCHED-CHANGE", "CP-ANIMATION-VIEWS"],
                "breakdown": {
                    "group": ["Total"],
                },
            },
        ],
    },
    {
        "slug": "education-partnerships-and-skills",
        "title": "Education Partnerships and Skills",
        "level": 1,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": (
                    "The Education for Life Strategy is being developed with partners and communities in Somerset, putting education at the centre of thriving family life. We have launched our plan for the new Somerset Council with huge ambition - love for our beautiful county, faith in its amazing people and excitement that as one council we can achieve so much more for our residents, working closely with our partners and communities...\n"
                    "\n"
                    "Woven through all our plans are four threads: a determination to tackle the climate and ecological emergencies; a commitment to developing a fairer Somerset; the compassion to make Somerset a healthier and more caring place to live; and the ambition to create a flourishing and resilient county.\n"
                    "\n"
                    "Developing a fairer Somerset will mean reducing inequality. Too many of our families will struggle to put food on the table and heat their homes over the coming years. We need to increase aspiration and opportunity in our schools and ensure good local jobs when young people move into adulthood."
                ),
            },
            {
                "kind": "indicator_chart",
                "title": "Somerset difference from England Average for Expected Standard or better (%)",
                "indicator": "KS2-GAP-ENGLAND",
                "note": "The seed shows this chart without printing its figures: the block draws only what the indicator's records hold and says in place that no data is held for the rest.",
            },
            {
                "kind": "narrative",
                "markdown": "KS2 outcomes for all pupils are in decline and are now at -5.8 points below national average. GPS - Grammar punctuation and Spelling and RWM – Reading Writing and Maths",
            },
        ],
    },
    {
        "slug": "education-operations",
        "title": "Education Operations",
        "level": 2,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": (
                    "- The Outdoor Centres continue to work closely with CSC to provide valuable bespoke day provision and residentials to some of Somerset's most vulnerable young people. The Autumn saw the introductions of themed weekends including Halloween and a Christmas themed weekend with further events planned for this Spring term including Chinese New Year and World Book day.\n"
                    "- Between September and December- 7 CSC weekends residentials ran and 12 trail day visits took place.\n"
                    "- Traded services and other departments across Education continue to embed the new Education redesign that was finalised in the Autumn term and have been heavily involved in the core offer which is currently being promoted to schools, providing bundled services to ensure SCC are better supporting schools with their compliance with the intention of this to free up school staff to focus on teaching and learning.\n"
                    "- Numerous large contracts are up for renewal and evaluations are underway to determine to ensue best value from schools and the LA.\n"
                    "- We are still waiting for the revised guidance regarding Data Protection in schools as it is likely it will no longer a statutory obligation for schools to have a named individual."
                ),
            },
            {
                "kind": "headline_figures",
                "indicators": ["OUTDOOR-CSC-RESIDENTIALS", "OUTDOOR-CSC-DAY-VISITS"],
            },
        ],
    },
    {
        "slug": "curriculum-and-literacy",
        "title": "Curriculum and Literacy",
        "level": 2,
        "blocks": [
            {
                "kind": "quote",
                "markdown": "Leaders and teachers design, structure and sequence a curriculum, which is then implemented through classroom teaching. The end result of a good, well-taught curriculum is that pupils know more and are able to do more. (Ofsted)",
            },
            {
                "kind": "narrative",
                "markdown": (
                    "- The Curriculum Projects and Resources team are focusing on developing bite size pre-recorded training sessions available to all schools through the core offer. The key focus will be curriculum development which has featured heavily on Ofsted outcome reports recently.\n"
                    "- Targeted Curriculum support for individual schools is available and the team will be agreeing a consistent approach to ensure timely support is offered.\n"
                    "- A key action is to ensure that more training is made available as part of the core offer and that meets the needs of primary and secondary schools.\n"
                    "- SCIL is awaiting an Ofsted inspection of their SCITT (School Centred Initial Teacher Training) programme and are working hard to get everything in place to ensure it all runs smoothly.\n"
                    "- In an annual report by Arts Council England for Our Music Hub, led by Helen Reid, leadership and partnership were highly praised:\n"
                    "- The Hub's operational model and excellent track record of partnership working (both within the local authority and community sector) have been a particular strength."
                ),
            },
        ],
    },
    {
        "slug": "education-places",
        "title": "Education Places",
        "level": 2,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": (
                    "- A key activity for the service at the start of the year is the determination of Admission Arrangements in Community and Voluntary Controlled Schools for the 2024/25 academic year. A public consultation exercise closed on 23rd January and a Key Decision which determined those arrangements was taken by the Executive on 27th February.\n"
                    "- Following this, we consulted on the school term dates for the 2024/25 and 2025/26 academic years – This consultation closed on 17th March. We also sought feedback on the concept of schools jointly agreeing shared Inset Days.\n"
                    "- Another notable activity is the delivery of Orchard Grove Primary School in the South of Taunton. A decision was taken at the end of January to open the school in September 2023, although it will initially be hosted at Isambard Kingdom Brunel Primary School in Wellington for the first year. The new 420-place school building will open in September 2024 and will be net-zero in operation. It's also been designed to allow simple expansion to become a 630-place school should local pupil numbers increase.\n"
                    "- In addition to Orchard Grove, the service will be assessing the impact of a range of planned housing development in various parts of the county to understand where additional places are required, through new or expanded schools. Key locations include Taunton, Highbridge, Bridgwater, Watchet, Chard and Wincanton.\n"
                    "We'll also be looking at opportunities to improve planning processes once the new council comes into being in April 2023.\n"
                    "- Edge Public Solutions, an external consultancy, has been tasked to review the school transport system in Somerset and work with officers to identify opportunities to reduce costs associated with this duty.\n"
                    "Initial feedback identified a range of best practice which is already in place in Somerset, but a number of recommendations are being drafted for consideration. Once agreed, the recommendations will be absorbed into the existing School Transport Cost Management Strategy and will be overseen by a working group of elected members, established by the Scrutiny Committee for Children & Families.\n"
                    "\n"
                    "- Early Years will also be a key focus for the service and particularly, how we support the viability of the market in light of imminent increases in the cost of utilities and a workforce which is largely paid at minimum wage rates. We'll also be considering how the governments recent announcements relating to childcare will impact providers and our ability to deliver sufficiency of places."
                ),
            },
        ],
    },
    {
        "slug": "education-leadership",
        "title": "Education Leadership",
        "level": 2,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": (
                    "- The Education Leadership Team's immediate focus is to continue the development of relationships with all schools and we are visiting as many schools as possible to understand the strengths of each school and the main challenges they face.\n"
                    "- Time is being spent on ensuring we have an appropriate system for gathering all the intelligence around each school, so that all LA services are aware of any intervention required. This will ensure we are proactive not reactive moving forward.\n"
                    "- Communication with schools is an area that needs to be consistent and transparent. Over the next 12 months we will be developing a programme of Headteacher briefings in 4 geographical areas. This will provide opportunities for face-to-face meetings so that LA services can brief schools sharing up to date information and guidance.\n"
                    "- The balance between support and challenge is being developed, ensuring the school improvement support is fit for purpose. Pre-Ofsted visits are proving to be extremely successful, and we need to ensure the support that follows is focussed with clear measurable impact.\n"
                    "- We want to develop a culture of collaboration across LA schools. Schools that have strong leadership and positive Ofsted outcomes have been approached to put themselves forward to support other LA schools. The response has been very positive and over the next 12-18 months a programme of school-to-school support will be developed.\n"
                    "- Where further challenge is required in some schools due to more serious concerns a process of Strategy Meetings is being developed involving school leaders, governors and LA Officers to discuss the areas of concern and actions are agreed to ensure rapid improvement."
                ),
            },
        ],
    },
    {
        "slug": "recent-ofsted-inspection-results",
        "title": "Recent Ofsted inspection results",
        "level": 2,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": (
                    "30 schools were inspected by Ofsted in the last quarter.\n"
                    "\n"
                    "Somerset currently has 7% inadequate schools overall as at 30 November 2022. This places Somerset among the ten LAs with the highest proportion of inadequate judgements in the country. Based on our intelligence about schools and inspection due dates there is a high probability this could rise further."
                ),
            },
            {
                "kind": "headline_figures",
                "indicators": ["INSPECTIONS-COUNT", "SCHOOLS-INADEQUATE-PCT"],
            },
            {
                "kind": "inspections_list",
                "published_from": "2022-11-01",
                "published_to": "2023-01-31",
                "groups": [
                    {
                        "judgement": "Good",
                        "heading": "Good rating",
                    },
                    {
                        "judgement": "Inadequate",
                        "heading": "Inadequate rating",
                    },
                    {
                        "judgement": "Outstanding",
                        "heading": "Outstanding",
                    },
                    {
                        "judgement": "Requires improvement",
                        "heading": "Requires improvement",
                    },
                ],
            },
        ],
    },
    {
        "slug": "inclusion-somerset",
        "title": "Inclusion Somerset",
        "level": 1,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": (
                    "The core purpose of services within Inclusion Somerset is to ensure that all children and young people in Somerset can access appropriate education that meets their needs. For most children and young people, this is something that can be achieved by local mainstream schools and education settings without the need for additional support or involvement from Inclusion Somerset. However, some children in some circumstances require additional support, this includes:\n"
                    "\n"
                    "- Children and young people (up to 25) with a special educational need or disability\n"
                    "- Children who are excluded from school or are unable to access a mainstream school for medical or other reasons\n"
                    "- Children who are missing from education (i.e. not on a school roll)\n"
                    "- Children who are educated at home/ not at school, if they are not receiving an appropriate education\n"
                    "- Children looked after, previously looked after and those with a social worker\n"
                    "- Young people who are not in education, employment or training\n"
                    "\n"
                    "While the service focus is on education, the role is not limited to education. Successful engagement for many children requires support across home, education setting and from health services, and the role of Inclusion Somerset is to pull these things together so that children get the support that they need. Inclusion Somerset support these children and young people by various means:\n"
                    "\n"
                    "- Commissioning specialist education for children who need it, including planning the number and type of specialist education places across the county\n"
                    "- The Virtual School has strategic responsibility for improving education outcomes for children with a social worker (approx. 1700 children)\n"
                    "- Specialist and advisory teachers who work with schools to help them to understand children's needs and put in place the right support\n"
                    "- Educational psychologists are responsible for assessing the needs of children with most complex SEND, as well as providing training and support to schools to promote emotional health and inclusive practice\n"
                    "- Somerset Works are responsible for identifying children at risk of becoming NEET and young people who are NEET and supporting them to engage with education, employment and training.\n"
                    "- The Statutory SEND team coordinate assessments and plans for children with an education health and care plan (EHCP). There are approximately 1000 requests for assessment each year, and Somerset has over 5000 children and young people with and EHCP.\n"
                    "- Education engagement staff identify children who are not attending school or excluded and support them and their families to reengage.\n"
                    "- Families of children with SEND receive support from occupational therapists and our Child Autism Outreach Team (CAOT)."
                ),
            },
            {
                "kind": "headline_figures",
                "indicators": ["VS-CHILDREN-WITH-SW", "EHC-REQUESTS-YEAR", "EHCP-COUNT"],
            },
        ],
    },
    {
        "slug": "inclusion-somerset-services",
        "title": "Inclusion Somerset",
        "level": 1,
        "blocks": [],
    },
    {
        "slug": "inclusion",
        "title": "Inclusion",
        "level": 2,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": (
                    "Key developments during this period have been:\n"
                    "\n"
                    "- Implementation of the Inclusion and Education Services Redesign. A new Inclusion Leadership Team has been in place from 1 January, with the following people in key leadership roles: Amy Joynes (Strategic Manager Inclusion Transformation & Partnerships); Tim Cockerill (Principal Educational Psychologist); Claire Merchant-Jones (Head of SEND); Julia Ridge (Head of Vulnerable Learners). There is ongoing recruitment to posts lower down the structure, and work to establish new teams and refocus roles.\n"
                    "- OFSTED/ CQC Local Area Revisit was completed on 1 December 2022. The revisit outcome was that the area had made sufficient progress in addressing 7 of the 9 areas of significant weakness. The two areas of weakness where sufficient progress has not been made relate to exclusions and the effectiveness of the area at identifying and supporting children's needs. We will be developing a partnership accelerated progress plan to address these areas.\n"
                    "- Delivering Better Value for SEND – a DfE led programme focusing on identifying opportunities for improving management of high needs budgets. A programme of data analysis and focused deep dives has been undertaken to identify key opportunity areas. This will lead to a grant application with an opportunity for £1 million funding to support transformation activity in 2023-25."
                ),
            },
            {
                "kind": "headline_figures",
                "indicators": ["SEND-REVISIT-AREAS", "DBV-FUNDING"],
                "breakdown": {
                    "progress": ["Sufficient progress", "Total"],
                },
            },
        ],
    },
    {
        "slug": "school-attendance",
        "title": "School Attendance",
        "level": 2,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": "- The current overall attendance rate is 92.6%, and is in line with levels seen in 2020/21, after the Coronavirus Pandemic had a significant impact on attendance rates.",
            },
            {
                "kind": "headline_figures",
                "indicators": ["ATTENDANCE-PCT"],
            },
        ],
    },
    {
        "slug": "special-educational-needs-and-disabilities-send",
        "title": "Special Educational Needs and Disabilities (SEND)",
        "level": 2,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": (
                    "- The restructure of the Inclusion teams has meant that a range of SEND Support Services and the Statutory SEND team are now part of one leadership team.\n"
                    "- This structure is allowing us to focus on what the future offer from these services should be to make sure we are making use of our combined resources to focus on identifying, assessing and meeting the needs of children and young people in a timely way.\n"
                    "- Between Feb and March, the Learning Support Team will be rolling out our **Somerset Inclusion Tool- Valuing SEND** with the support from IMPOWER. Using this tool across Somerset will create a baseline across Somerset Schools in relation to Inclusion and support SEND Teams to identify where and what support is needed to build skills and confidence.\n"
                    "- The Statutory SEND Team is currently putting all efforts into finalising EHC plans for children and young people who are moving schools in September. There are **600** children in this category and the pressure on the settings and the LA teams to achieve this deadline is very challenging.\n"
                    "- The SEND OFSTED revisit letter recognises the improvements that have been made regarding timeliness and quality of EHC plans and recognises the focus that needs to be made on ensuring that the provision in EHC plans is being delivered.\n"
                    "- Tribunals registered in academic year 2022/23 compared to 2021/2022 are showing a positive decrease and there have been **50** tribunals registered so far this year compared to **80** for the same period in the previous year."
                ),
            },
            {
                "kind": "headline_figures",
                "indicators": ["EHCP-PHASE-TRANSFERS", "SEND-TRIBUNALS"],
            },
        ],
    },
    {
        "slug": "educational-psychology",
        "title": "Educational Psychology",
        "level": 2,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": (
                    "- The Educational Psychology Service (EPS) provides a statutory service and has maintained strong timeliness of 94% on time during this quarter when providing psychological advice as part of Education, Health and Care Needs Assessments (EHCNA).\n"
                    "- One key focus in this quarter has been to continue the roll-out of the Collaborative Outcomes Meetings (COMs) whereby the outcomes and provisions developed as part of the EHCNA are co-produced with the family, statutory SEND team, Educational Psychologist and other relevant stakeholders and professionals including the school. This has led to greater collaboration, improved outcomes and provisions being identified and it ensures all voices are heard in the process.\n"
                    "- Another key area of focus for the service in this quarter has been to support schools and settings in relation to mental health and wellbeing. The EPS started training the second cohort of senior mental health leads, bringing the total number of trained schools to 135. The course is approved by the Department for Education and is locally designed and delivered by the EPS, Public Health, Somerset Foundation Trust (CAMHS) and Young Somerset.\n"
                    "- Feedback is very strong and 96% of delegates reported the course met the learning outcomes expected and 96% also said it would support the implementation of an effective whole-school approach to wellbeing.\n"
                    "- Ongoing developments are planned for ensuring all senior mental health leads have access to ongoing training and supervision through locality networks.\n"
                    "- Another key focus going forward is supporting the next stages of the Trauma Informed Somerset approach."
                ),
            },
            {
                "kind": "headline_figures",
                "indicators": [
                    "EPS-TIMELINESS-PCT",
                    "MH-LEADS-SCHOOLS-TRAINED",
                    "MH-COURSE-OUTCOMES-PCT",
                    "MH-COURSE-WHOLE-SCHOOL-PCT",
                ],
            },
        ],
    },
    {
        "slug": "vulnerable-learners",
        "title": "Vulnerable Learners",
        "level": 2,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": (
                    "- Vulnerable Learners is a new service created following the Education redesign. It brings together teams who work to facilitate young people's engagement in education at an area level. The team works with schools to increase attendance and reduce exclusions. We are delivering through **Area Inclusion teams** and working collaboratively as Inclusion Partnership Boards.\n"
                    "- Initial meetings have indicated that the work of the Inclusion Partnerships Boards has the potential to be effective, but further work is needed to support the schools to develop strategies to support all pupils within their local communities. This will be done in liaison with Pupil Referral Units leads, local Headteachers, and those across inclusion providing services and training to schools.\n"
                    "- We are also exploring how best to link in with the Inclusion Advice Line, and other strategic early help developments such as Connect Somerset."
                ),
            },
        ],
    },
    {
        "slug": "suspensions",
        "title": "Suspensions",
        "level": 3,
        "blocks": [
            {
                "kind": "breakdown_table",
                "caption": "Suspensions",
                "indicator": "SUSPENSIONS",
                "rows": "academic_year",
                "row_values": ["2020/21", "2021/22", "2022/23"],
                "row_labels": {
                    "2020/21": "Fixed Period Exclusions 2020 - 2021",
                    "2021/22": "Fixed Period Exclusions 2021 - 2022",
                    "2022/23": "Fixed Period Exclusions 2022 - 2023",
                },
                "row_header": "Data Set",
                "columns": "month",
                "column_values": ["Sep", "Oct", "Nov", "Dec", "Jan"],
            },
        ],
    },
    {
        "slug": "exclusions",
        "title": "Exclusions",
        "level": 3,
        "blocks": [
            {
                "kind": "breakdown_table",
                "caption": "Exclusions",
                "indicator": "PERMANENT-EXCLUSIONS",
                "rows": "academic_year",
                "row_values": ["2020/21", "2021/22", "2022/23"],
                "row_labels": {
                    "2020/21": "Permanent Exclusions 2020 - 2021",
                    "2021/22": "Permanent Exclusions 2021 - 2022",
                    "2022/23": "Permanent Exclusions 2022 - 2023",
                },
                "row_header": "Data Set",
                "columns": "month",
                "column_values": ["Sep", "Oct", "Nov", "Dec", "Jan"],
            },
        ],
    },
    {
        "slug": "attendance",
        "title": "Attendance",
        "level": 3,
        "blocks": [
            {
                "kind": "indicator_table",
                "caption": "Attendance",
                "layout": "indicators_in_columns",
                "dimension": "school_type",
                "values": ["Primary", "PRU", "Secondary", "Special"],
                "value_labels": {},
                "header": "School Type",
                "indicators": [
                    {
                        "code": "PUPILS-ON-ROLL",
                        "label": "Total on Roll",
                    },
                    {
                        "code": "PERSISTENT-ABSENCE",
                        "label": "Number of Persistent Absence",
                    },
                    {
                        "code": "PERSISTENT-ABSENCE-PCT",
                        "label": "Persistent Absence %",
                    },
                    {
                        "code": "ATTENDANCE-PCT",
                        "label": "Present Average %",
                    },
                ],
            },
            {
                "kind": "narrative",
                "markdown": (
                    "The DFE visited in January to confirm we have in place ways of working to deliver new responsibilities for attendance. Attendance is important as vulnerable children not in school are at increased risk.\n"
                    "\n"
                    "The virtual school oversees the Education of our Children looked after and recently the role has been extended by national government to also Work with Children in Need and Child protection cohort.\n"
                    "\n"
                    "There has been a steady reduction in the number of **suspensions** of CLA this academic year and the number of CYP suspended."
                ),
            },
            {
                "kind": "indicator_table",
                "caption": "",
                "layout": "indicators_in_rows",
                "dimension": "academic_year",
                "values": ["2020/21", "2021/22"],
                "value_labels": {
                    "2020/21": "2020-21",
                    "2021/22": "2021-22",
                },
                "header": "Academic Year",
                "indicators": [
                    {
                        "code": "CLA-SUSPENSIONS",
                        "label": "Total Fixed Term Exclusions (suspensions)",
                    },
                    {
                        "code": "CLA-SUSPENDED-CYP",
                        "label": "Total no of Children Young People excluded",
                    },
                ],
            },
            {
                "kind": "narrative",
                "markdown": "The number of CLA on Part Time - tables has significantly increased this academic year.",
            },
            {
                "kind": "indicator_table",
                "caption": "",
                "layout": "indicators_in_rows",
                "dimension": "academic_year",
                "values": ["2020/21", "2021/22"],
                "value_labels": {
                    "2020/21": "2020-21",
                    "2021/22": "2021-22",
                },
                "header": "Academic Year",
                "indicators": [
                    {
                        "code": "CLA-PTT-AVERAGE",
                        "label": "Average no of CYP on PTT",
                    },
                ],
            },
            {
                "kind": "narrative",
                "markdown": 'Somerset works focuses on our young people to ensure that maximise their opportunities post 16 and do not become "NEET" Not in Education, Employment or Training. The County - wide careers support service works with young people between the ages of 15 and 18 to overcome barriers and develop the personal and employment skills to support them into education, employment, or training outcomes. Our staff work closely with all Somerset Secondary schools, colleges and youth agencies to identify those most at risk of NEET. For the summer2023 leavers we have identified with schools **1836** young people who are at risk and we have referred re360 to SomersetWorks for visits and enhanced support including 62 home visits arranged for young people who are currently not in school.',
            },
            {
                "kind": "headline_figures",
                "indicators": ["NEET-AT-RISK", "NEET-HOME-VISITS"],
            },
        ],
    },
    {
        "slug": "transformation-and-partnerships",
        "title": "Transformation & Partnerships",
        "level": 2,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": (
                    "Children identified as having SEND in Somerset accounts for 16.3% of the school age (11-16) population (October '22). This is significant in us ensuring our education strategy is correct and Inclusion Transformation will need to play a key role in that. This figure does not include those not yet identified and other children with vulnerabilities who are likely at some point to require additional support in order to achieve success in school.\n"
                    "\n"
                    "An Inclusion Transformation Plan is being established by the new Inclusion Transformation team, in line with the DfE Delivering Better Value Programme. The Plan will focus on meeting the outcomes of the 2022 Joint area SEND re-visit and will be intrinsically linked to the DBV programme which aims to realise the following four opportunities in order to improve outcomes for children with SEND (and therefore overall outcomes for children in Somerset) and reduce the high Needs Deficit which impacts significantly on the Dedicated Schools Grant. The most significant area of need to focus on in relation to the opportunities below is SEMH due to disproportionate (compared to national) identification of this need.\n"
                    "\n"
                    "- More students supported through SEN support (fewer EHCPs)\n"
                    "- More students supported in mainstream schools (fewer specialist placements)\n"
                    "- More students supported in LA M (and Academy) SS (fewer independent placements) – new places being created in MSS\n"
                    "- Reducing duration of post-16 EHCPs\n"
                    "\n"
                    "includes a deep analysis of data systems to inform from all services together.\n"
                    "\n"
                    "Within the inclusion transformation team is:\n"
                    "\n"
                    "- A SEND sufficiency manager who will be utilising our transformation plan to ensure sufficiency of places in the right areas at the right time\n"
                    "- A SEND commissioning officer for transport who will be working with the team to help identify areas of the county where children are having to travel due to lack of local provision to meet need, as well as ensuring transport is available and in place for children with SEND\n"
                    "\n"
                    "- A new Inclusion engagement and communications manager who will utilise project support assistant time to continually focus on developing the accurate view of our landscape for SEND in Somerset to ensure our engagement is where it needs to be as well as establishing a new cycle of stakeholder engagement to enable us to continually review the impact of the service and perceptions\n"
                    "- An Inclusion Quality Assurance Officer who will be developing a quality framework not only for school provision that our children with EHCPs access but also (in line with the Government's SEND and AP Plan) working with the SEND sufficiency manager to improve expectations of providers of alternative provision and schools' ability to access high quality AP and establish how AP, PRU and resource base provision should fit together as a critical resource to support our most vulnerable children and young people\n"
                    "- The Local Offer Coordinator who updates and manages the Local Offer web page. The post holder will work closely with the engagement manager to ensure the page is efficient and effective in supporting families and services working with families"
                ),
            },
            {
                "kind": "headline_figures",
                "indicators": ["SEND-PREVALENCE-PCT"],
            },
        ],
    },
    {
        "slug": "finances",
        "title": "Finances",
        "level": 1,
        "blocks": [
            {
                "kind": "budget_table",
                "caption": "2022/23 Children's Services as at the end of December 2022 (Month 9)",
                "period": "2022-12",
                "compare_with": "2022-10",
            },
        ],
    },
    {
        "slug": "dedicated-schools-grant",
        "title": "Dedicated Schools Grant",
        "level": 2,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": "The Dedicated Schools Grant (DSG) consists of four distinct blocks of funding totalling £468m in the current financial year. These blocks are:",
            },
            {
                "kind": "dsg_table",
                "table": "allocation",
                "caption": "",
                "financial_year": 2022,
            },
            {
                "kind": "dsg_table",
                "table": "monitoring",
                "caption": "Table 7: 2022/23 DSG as at the end of December 2022 (Month 9)",
                "period": "2022-12",
                "compare_with": "2022-10",
            },
            {
                "kind": "dsg_table",
                "table": "deficit",
                "caption": "",
                "period": "2022-12",
            },
        ],
    },
    {
        "slug": "statutory-override",
        "title": "Statutory override",
        "level": 3,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": "In 2020, the Department for Levelling Up, Housing and Communities (DLUHC) introduced a statutory override that separated DSG deficits from local authorities' wider finances. This statutory override was due to conclude at the end of the 2022-23 financial year but has now been extended for a further three years and it is proposed that this will now cease at the end of the 2025-26 financial year.",
            },
        ],
    },
    {
        "slug": "workforce-hr-update",
        "title": "Workforce – HR update",
        "level": 1,
        "blocks": [
            {
                "kind": "narrative",
                "markdown": (
                    "- The non-schools workforce of SCC at end of Dec 2022 is circa 3700 staff. Of these, circa 1200 work in Children's Services and of these 1200, around half are within Children's Social Care. The next largest parts of the organisation are ECI Operations at circa 680 and Adults at circa 430. So, Children's Services make up around one third of the current overall employee headcount figure. When we come together as one Somerset Council the Children's Services headcount will be around a quarter.\n"
                    "- It is therefore of note that the services provide a wide range of roles from a variety of disciplines and professions within teams who are spread geographically working from a variety of hubs across the County.\n"
                    "- The workforce make up is also multifaceted - in addition to those above it includes our staff in schools, locum staff (at significantly reduced numbers than in previous years) as well as staff employed via our partnership agencies (e.g. Mind, Turning Point, The Shaws Trust).\n"
                    "- Workforce data is produced monthly from the HR Admin and Payroll team and is shared with all Members. This includes headcounts, vacancies, turnover, absence and starters and leavers. This data is produced from SAP and is reliant on data input by managers.\n"
                    '- The service has a number of "hard to fill roles" which are a recurring challenge. These exist in all of the Service Director areas and at a variety of salary levels (so it\'s not just professional qualified posts). Some examples include Social Workers, Residential Support Workers, Family Intervention Workers, Educational Psychologists, Occupational Therapists, Teaching Assistants in schools, SEND Casework and Reviewing Officers.\n'
                    "\n"
                    "Going well:\n"
                    "\n"
                    "- Recruiting Social Workers from overseas. We have a contract to recruit 20 Social Workers from Southern Africa. 14 staff are now in post with the remaining 6 on track for the end of March 2023.\n"
                    "- Our growth of our own schemes e.g. with Yeovil College (we had 9 previous Yeovil students who joined us last year as the first cohort to complete their Social Work degree in Somerset in a programme we set up with the college and the University of Gloucester), our Social Work degree programme, our Step Up to Social Work programme and the national Frontline fast track programme.\n"
                    "- Development into new areas such as our first Occupational Therapist apprenticeships.\n"
                    "- Our work as part of the SEND Written Statement of Action around leadership, culture and workforce. The specific area that the SCC HR Business Partner led on was area 2 which was deemed to have made sufficient progress at the recent reinspection. However, these areas of work are cross cutting across all areas, so it was very pleasing to see feedback around the improved relationships, partnership working and cultural change that has led to improvements.\n"
                    "\n"
                    "- A large-scale restructure as part of the Education Redesign covering the Education Partnerships and Inclusion Services Teams (circa 500 staff) took place in the second half of 2022 and is now being concluded. We have also planned 3 face to face leadership development days for the top three tiers in these areas across 2023 and some group coaching via the Somerset ICB (Integrated Care Board) is also being planned.\n"
                    "\n"
                    "Areas of focus:\n"
                    "\n"
                    "- We are currently improving the accuracy of some of our workforce data with a new Power BI report. This is leading to some data cleansing work.\n"
                    "- Our support to SEND will continue with renewed focus on our contributions to the remaining two areas but also to the SEND Strategy going forwards. This will include the launch of the Immersive Leadership Development Programme and the System Wide Workforce Strategy.\n"
                    "- We recognise the importance of focussing on retention of our current staff as this will reduce the impact on trying to recruit to hard to fill roles in an increasingly fraught recruitment market. This is challenging in a cost-of-living crisis in public sector roles."
                ),
            },
            {
                "kind": "headline_figures",
                "indicators": [
                    "WORKFORCE-HEADCOUNT",
                    "WORKFORCE-HEADCOUNT-DIRECTORATE",
                    "EDUCATION-REDESIGN-STAFF",
                    "SW-INTERNATIONAL-RECRUITMENT",
                    "SW-GROW-OWN-YEOVIL",
                ],
                "breakdown": {
                    "directorate": ["Children's Services", "ECI Operations", "Adults"],
                    "status": ["In post", "Total"],
                },
            },
        ],
    },
]
