"""Somerset Council Children's Services transformation programme, June 2024.

Taken verbatim from "Included, Educated & Cared For – June 2024 – Progress Report for
Scrutiny" (Somerset Council). Bold markers of the source are dropped; wording is not touched.
"""

# ruff: noqa: E501

PROGRAMME_NAME = "Children's Transformation Programme"

VISION = (
    "Our vision is that Somerset’s children and young people grow up in a safe, child friendly county "
    "that supports them to be happy, healthy and prepared for adulthood."
)

AMBITION = (
    "Somerset Council will build a fairer, greener, resilient, more flourishing Somerset that cares "
    "for the most vulnerable and listens to you."
)

PERIOD = "2024-06"

PERIOD_TITLE = "June 2024"

DIRECTOR_SUMMARY = [
    "New Children's Transformation Board and Finance Board established giving greater clarity on "
    "pressures, successes and areas of concern.",
    "Majority of projects in each workstream underway, some are still being scoped.",
    "Financial pressures across the system – impacting on capacity and morale with differing levels "
    "of uncertainty as some teams are awaiting consultation processes.",
    "Largely positive sessions with headteachers to consider changes to banding and other measures to "
    "support inclusion in mainstream schools.",
    "Pilots to test Neighbourhood-based working are in development and offer an exciting and mutually "
    "supportive way forward.",
    "Some progress made in recruiting foster carers, but insufficiency of foster homes and delays to "
    "Homes and Horizons homes are impacting on our spend with external providers and putting savings "
    "at risk. As a result, some children are living in residential care, both in and out of county, "
    "when they need a local foster home.",
    "Rising numbers of children and young people coming into care are also increasing budget "
    "pressures, with the greatest vulnerabilities and costs in the 10 to 15 age group.",
]

FINANCE_SUMMARY = {
    "overall_status": "R",
    "covering": "May/June 2024",
    "headline": "Financial position is challenging given rising demand and significant budget "
    "pressure due to increasing external spend",
    "working_well": [
        {
            "heading": "",
            "text": "Children’s Strategic Transformation Board and Children’s Finance "
            "Transformation Board now in place to provide overarching assurance and "
            "oversight",
        },
        {
            "heading": "",
            "text": "Strengthened understanding of current financial position and trajectory",
        },
        {"heading": "", "text": "School transport is over-delivering savings and cost avoidance"},
        {
            "heading": "",
            "text": "Combined SEND sufficiency / commissioning work is enabling clearer "
            "understanding and planning",
        },
    ],
    "challenges": [
        {
            "heading": "",
            "text": "DSG: Costs increased but income reduced, combined with reducing birth "
            "rate, small schools and historic underfunding of SEND – is driving cost "
            "into Independent Non-Maintained School (INMS) provision",
        },
        {"heading": "", "text": "National challenge of statutory override"},
        {
            "heading": "",
            "text": "External placements budget – increased demand, particularly in relation "
            "to teenagers and serious youth violence",
        },
    ],
    "escalations": [
        {
            "heading": "Risk to delivering savings",
            "text": "Construction delays for Homes and Horizons homes 6 to 8",
        },
        {
            "heading": "Risk to delivering savings",
            "text": "Lack of move on social housing / private rent accommodation for Thrive "
            "16+, is reducing savings possible through new contract",
        },
    ],
}

WORKSTREAMS = [
    {
        "name": "Local mainstream school is the right choice for most children",
        "projects": [
            "Mainstream Plus",
            "Assessment post-5 including EHCPs",
            "Priority capital projects",
            "Supported internships",
            "EHCP communications and decision-making",
            "Funding and finance policy and strategy",
            "Attendance & preventing exclusion strategies",
        ],
        "working_well": [
            {
                "heading": "",
                "text": "All scoping documents have been completed and this has thrown up "
                "important issues of understanding / coordination which we are now "
                "working through which will result in smoother delivery over time.",
            },
            {
                "heading": "",
                "text": "Education budgets have now been finalised and we have moved into "
                "monitoring.",
            },
            {
                "heading": "",
                "text": "New financial monitoring processes have been put in place to "
                "streamline weekly decision making and improve the quality of decision "
                "making. This is now secure for equipment spend and is improving for "
                "INMS and costed plans.",
            },
            {
                "heading": "",
                "text": "Analysis on equalising banding has been completed and will be shared "
                "with schools for views about implementation on 11 June.",
            },
            {
                "heading": "",
                "text": "MAT CEOs have agreed to discuss leading on attendance and exclusion "
                "at their annual planning meeting in June.",
            },
            {
                "heading": "",
                "text": "We have closed 60 'hard cases' from the original list of 140 children.",
            },
            {
                "heading": "",
                "text": "Educational Psychology have started triaging children and indicating "
                "what a suitable placement would entail: this has been a big step "
                "forward for SEND statutory teams. in reducing workload and making "
                "placement work more focused.",
            },
            {
                "heading": "",
                "text": "Special schools have agreed to work collaboratively on improving the "
                "annual review process - a meeting to discuss shared priorities is on "
                "11/6.",
            },
            {
                "heading": "",
                "text": "Analysis has been completed of pupils in INMS and under assessment to "
                "understand the sufficiency gap. Planning work is underway to identify "
                "opportunities to expand existing provision quickly to address the "
                "September gap for places.",
            },
        ],
        "not_working_well": [
            {
                "heading": "",
                "text": "Alignment of corporate processes for service redesign with our work",
            },
            {
                "heading": "",
                "text": "Communication with schools and parents around individual children "
                "is not progressing as quickly as other areas.",
            },
            {
                "heading": "",
                "text": "Rising staff shortages in Statutory SEND team and in Vulnerable "
                "Learners - new approaches that will relieve pressures inbuilt "
                "into how these teams were designed are still some way off and "
                "that is creating pressures in the immediate term that will impact "
                "on managers' ability to drive change.",
            },
        ],
        "to_escalate": [],
    },
    {
        "name": "Developing an excellent workforce for children",
        "projects": [
            "Neighbourhood working",
            "Recruit and retain high quality staff",
            "Children's workforce training programme",
            "Education restructure - short term",
        ],
        "working_well": [
            {
                "heading": "Neighbourhood Working",
                "text": "Neighbourhood working pilot in Wincanton and West Somerset is on "
                "track. Following learning from the pilots, the anticipated roll out "
                "for the wider Neighbourhood model is for consultation in Autumn 24 "
                "with implementation during early 2025",
            },
            {
                "heading": "Neighbourhood Working",
                "text": "Work underway to link FIS Practitioners with Champions to jointly "
                "work more closely with schools where exclusions are causing concern",
            },
            {
                "heading": "Education Restructure",
                "text": "Early indication that costed model may generate savings. Corporate "
                "agreement that Consultation to commence in September",
            },
        ],
        "not_working_well": [
            {
                "heading": "Recruit & Retain High Quality Staff",
                "text": "Insufficient social workers (estimated 42 Social Worker /Advanced "
                "Practitioner vacancies, likely to improve significantly in "
                "September to 9 dependent on turnover, international SWs and NQSWs "
                "starting in post).",
            },
            {
                "heading": "Recruit & Retain High Quality Staff",
                "text": "If establishment achieved, caseloads would be manageable. Average "
                "Social Worker caseload is 19.04",
            },
            {
                "heading": "Recruit & Retain High Quality Staff",
                "text": "Morale despite challenges is positive in some areas, but low in "
                "some teams – impacted by insufficient office space and "
                "opportunities to come together",
            },
            {
                "heading": "Recruit & Retain High Quality Staff",
                "text": "Lack of HR capacity is a concern",
            },
            {
                "heading": "Workforce Training programme",
                "text": "This work to establish improved system-wide cultural induction "
                "and training opportunities is in development, but is not the "
                "highest priority area of work for this group who are initial "
                "focusing on sufficient staff and schools as the highest "
                "priority",
            },
        ],
        "to_escalate": [],
    },
    {
        "name": "Families can access support early",
        "projects": ["Best Start In Life", "Connect Somerset"],
        "working_well": [
            {
                "heading": "",
                "text": "JTAI visit was very positive about Connect Somerset including "
                "meetings with Champions and visiting Holyrood Academy community work",
            },
            {
                "heading": "",
                "text": "Roll-out of Transform Family View on new Azure platform and training "
                "is progressing well – enabling more data sharing and insight. "
                "Majority of Social Work and FIS are using, School roll-out later in "
                "June.",
            },
            {
                "heading": "",
                "text": "Agreed to expand Social Care case mgt system to external partners. "
                "PFSAs will be the first users, followed by schools and some VCFSE "
                "partners. Enables better processes, data sharing and quality "
                "assurance across early help system.",
            },
            {
                "heading": "",
                "text": "NEETs risk model is nearly completed using new AI capability and "
                "improving identification. Hosted on Transform Family View and "
                "includes guidance to schools about what support to put in place for "
                "pupils.",
            },
            {
                "heading": "",
                "text": "New group offer in 10 areas for post-natal parent support. Forest "
                "programme of more intensive support for parents now in Chard, Yeovil "
                "and Bridgwater. Antenatal education pilot on track including "
                "maternity, public health nursing, maternity voices. When joined up, "
                "these programmes create the basis of a distributed Family Hubs offer, "
                "although early days.",
            },
        ],
        "not_working_well": [
            {
                "heading": "",
                "text": "Gap in comms capacity impacting awareness, support and key "
                "initiatives such as #Help4All – mitigation through appointing "
                "programme capacity and refocusing the team to do it ourselves",
            },
            {
                "heading": "",
                "text": "Public Health Nursing Forest programme dedicated funding is only "
                "for two years",
            },
        ],
        "to_escalate": [
            {
                "heading": "",
                "text": "Lack of digital capacity to support Help to Help Yourself database of "
                "local resources and other foundations such as a CRM and refreshed "
                "Directory.",
            }
        ],
    },
    {
        "name": "Sufficient homes for children in care and school places for children with additional "
        "needs in Somerset",
        "projects": [
            "Sufficiency strategy 0-25",
            "Fostering improvement",
            "16+ Thrive - preventing homelessness accommodation",
            "Market shaping",
            "Homes and Horizons",
            "Children with disabilities resource transformation",
        ],
        "working_well": [
            {
                "heading": "",
                "text": "Incremental improvements and testing new approaches, such as three "
                "additional move-on properties secured for 16+ Thrive and the Blue "
                "Elephant pilot to move children from residential to fostering",
            },
            {
                "heading": "",
                "text": "Thrive 16+ support to young people, the contract, panels and "
                "development of the provider are progressing well",
            },
            {
                "heading": "",
                "text": "Inflation negotiations achieved £1.4m savings compared to the "
                "submitted inflationary pressure, but we know providers will push this "
                "up over the year",
            },
        ],
        "not_working_well": [
            {
                "heading": "",
                "text": "Continued delays to Homes and Horizons annexes and pods due to "
                "ground conditions and planning requirements and third-party "
                "delays – pulling all possible leavers to deliver as soon as "
                "possible",
            },
            {
                "heading": "",
                "text": "Full projected savings for Thrive 16+ unlikely to be achieved due "
                "to additional demand, lack of move-on accommodation and delays in "
                "moving young people such as because of their exams. Review is "
                "underway to report more fully and identify mitigations.",
            },
            {
                "heading": "",
                "text": "Significant increase in demand, 608 children now in care, "
                "escalation in youth violence is a risk factor",
            },
        ],
        "to_escalate": [
            {"heading": "", "text": "Lack of private rental & housing for Care Leavers"},
            {"heading": "", "text": "Rising demand for Children Looked After"},
            {"heading": "", "text": "Marketing support for Fostering"},
        ],
    },
]
