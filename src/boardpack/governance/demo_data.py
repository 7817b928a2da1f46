# ruff: noqa: E501
"""The scrutiny minutes of seeds 000 (Somerset) and 003 (Dorset), as written.

Each point is kept as minuted (``minuted``); where the minutes give the officers' answer, the
response is the text from ``response_starts`` to the end, and the point the text before it
(without the dash or comma that joined them). Nothing is reworded.

What the minutes do not say, and how the demo holds it (nothing is filled in from elsewhere):

* Neither set of minutes names its committee or gives a date. Each committee is held as
  "Scrutiny committee" (seed 001, the report the Somerset committee considered, is its
  "Progress Report for Scrutiny"; seed 003's minutes say "the committee"), and each meeting's
  date is left blank ("date not stated"). Actions are due at the committee's next meeting,
  whose date is not set either, so no demo action is ever overdue by guesswork.
* The minutes name no owner for an action: the presenting officer is taken as owner.
* Members who are not councillors (no "Cllr") are co-opted members of the Somerset committee.
"""

SOMERSET = {
    "committee": {
        "name": "Scrutiny committee",
        "slug": "scrutiny",
        "kind": "scrutiny",
        "description": "The committee that held the deep dive on the Children’s Services Transformation Plan; the minutes do not name it.",
    },
    "meeting": {"date": None, "minutes_source": ""},
    "next_meeting": {"date": None, "title": "Next meeting (date not yet set)"},
    "members": [
        ("Jo Simons", "co_opted"),
        ("Evie Potts-Jones", "councillor"),
        ("Martin Lovell", "councillor"),
        ("Simon Carswell", "councillor"),
        ("Frances Nicholson", "councillor"),
        ("Tobie Osmond", "co_opted"),
        ("Ruth Hobbs", "co_opted"),
    ],
    # "The following members previously indicated an interest / have been involved in the
    # priorities / areas discussions". Only Connect Somerset is named as a project of the
    # programme; the other areas are kept as the minutes name them.
    "interests": [
        ("Education for Life", ["Jo Simons"], {}),
        ("CLA Transformation", ["Evie Potts-Jones", "Martin Lovell"], {}),
        ("SEND Strategy", ["Simon Carswell", "Frances Nicholson"], {}),
        (
            "Connect Somerset",
            ["Tobie Osmond", "Ruth Hobbs"],
            {"workstream": "support-early", "project": "Connect Somerset"},
        ),
    ],
    "item": {
        "title": "Children’s Services Transformation Plan (deep dive)",
        "purpose": "consider",
        "purpose_text": "To consider PowerPoint presentation (to follow).",
        "time_allowed_minutes": 55,
        "presenting_officer": "Executive Director",
        "background_papers": "As background, refer to update to Executive on 5 June 2024 – Somerset Council Improvement and Transformation Programme Risk Register and Programme Update",
        "report_template_slug": "scrutiny-progress",
        "report_period_key": "2024-06",
        "minutes": "The Committee received a presentation on the Children’s Transformation Programme, which provided an update / summary on progress, overarching finance summary and MTFP tracker and a detailed update on the work of the priority workstreams. The Executive Director explained that the vision is that ‘Somerset’s children and young people grow up in a safe, child friendly county that supports them to be happy, healthy and prepared for adulthood.’",
        "outcome": "The Committee thanked officers for the excellent and informative update.",
    },
    "points": [
        {
            "minuted": "requested an explanation about the delays to Homes and Horizons homes 6 to 8, which is extremely concerning – explained that there is funding but are a number of reasons for the delays; there had been three externally commissioned evaluations of the project’s value for money of Homes & Horizons last year which placed a delay on progressing two of them; some capacity issues within the LA (planning officers, and property team also very stretched); ground conditions and planning requirements and third-party delays; doing all can to deliver as soon as possible.",
            "response_starts": "explained that there is funding",
            "topic": {"workstream": "sufficient-homes", "project": "Homes and Horizons"},
        },
        {
            "minuted": "workforce turnover, number of social workers, and concerns about morale in some teams – there is a national problem around social worker recruitment and is a very difficult market as there are not enough newly qualified social workers coming through; mentioned that the degree programme for social working in Yeovil college has a fallow year as there are not enough young people coming in who want to take a social work degree; are keeping eye of the case loads of social workers; pressure in system (HR capacity for example); social worker staff turnover is low here and if staff do leave they tend to either leave the profession entirely or move into locum work; mention of the work around recruitment and retention of social workers; in the education sector, there are ‘pinch areas’ in the workforce, such as senior leadership team; looking at supported pathways / alternative routes in teaching; also mention made about the education restructure, and have corporate agreement that consultation can commence in September.",
            "response_starts": "there is a national problem",
            "topic": {
                "workstream": "excellent-workforce",
                "project": "Recruit and retain high quality staff",
            },
        },
        {
            "minuted": "recruitment of foster carers – aim is to have 10 net additional foster carers in each of next 3 years and are on target to achieve this; will also review the foster carers comms / campaign to ensure it remains effective; are part of the regional fostering hub and undertake regional advertising.",
            "response_starts": "aim is to have 10",
            "topic": {"workstream": "sufficient-homes", "project": "Fostering improvement"},
        },
        {
            "minuted": "the workstream ‘local mainstream school is right choice for most children’ – query about what ‘most children’ means – explained that ‘most’ means the vast majority and recognising that some need specialist provision.",
            "response_starts": "explained that ‘most’ means",
            "topic": {"workstream": "local-mainstream-school"},
        },
        {
            "minuted": "social care case management system roll out to external partners is exciting – will really help to have 1 case management system across system.",
            "response_starts": "will really help",
            "topic": {},
        },
        {
            "minuted": "during the discussion on data sharing and the roll-out of Transform Family View on Azure platform, which is enabling more data sharing and insight, it was agreed that data sharing (‘how it works’), will be added to the work plan.",
            "response_starts": None,
            "topic": {"workstream": "support-early"},
        },
        {
            "minuted": "reference to the Thrive16+ support to young people (preventing homelessness accommodation) - the 2 YMCA’s are main providers and it is going well; there are challenges especially due to the lack of move-on accommodation; members are welcome to visit if wish and relevant contact information will be circulated.",
            "response_starts": "the 2 YMCA’s",
            "topic": {
                "workstream": "sufficient-homes",
                "project": "16+ Thrive - preventing homelessness accommodation",
            },
        },
    ],
    "actions": [
        {
            "point": 5,
            "text": "it was agreed that data sharing (‘how it works’), will be added to the work plan.",
            "owner": "Executive Director",
            "work_plan_topic": "data sharing (‘how it works’)",
            "report_template_slug": "",
            "report_request": "",
        },
        {
            "point": 6,
            "text": "members are welcome to visit if wish and relevant contact information will be circulated.",
            "owner": "Executive Director",
            "work_plan_topic": "",
            "report_template_slug": "",
            "report_request": "",
        },
    ],
}

DORSET = {
    "committee": {
        "name": "Scrutiny committee",
        "slug": "scrutiny",
        "kind": "scrutiny",
        "description": "The committee that received the Blueprint for Change update; the minutes do not name it.",
    },
    "meeting": {"date": None, "minutes_source": ""},
    "next_meeting": {"date": None, "title": "Next meeting (date not yet set)"},
    "members": [],
    "interests": [],
    "item": {
        "title": "People Services - Children Transformation Programme Update",
        "purpose": "receive",
        "purpose_text": "To receive a presentation from the Executive Director for People, Children in respect of the People Services – Children – Transformation Programme.",
        "time_allowed_minutes": None,
        "presenting_officer": "Executive Director for People – Children",
        "background_papers": "",
        "report_template_slug": "",
        "report_period_key": "",
        "minutes": "The Executive Director for People – Children, gave a presentation to the committee which provided an overview of the directorate’s transformation programme ‘Blueprint for Change’.\xa0 The presentation covered the council’s vision for children, design principles for the whole council and for Children’s Services, the programme timeline, an overview of the major changes proposed and the localities for the service.\xa0 The Portfolio Holder for Children, Education and Early Help hoped that councillors recognised the steps taken in this area including recruitment of officers at a senior level and work undertaken around the corporate parenting board.\xa0 The Chairman noted that it was important for the committee to receive the presentation in order to have an understanding of the background when they were considering financial information in this area.",
        "outcome": "",
    },
    "points": [
        {
            "minuted": "A point was raised about the importance to a child or young person of having the continuity of contact with one social worker.\xa0 In response it was noted that it may not always be possible to avoid the need to change social workers however, consideration was being given to the systems available to and support provided to social workers in order to retain officers in this area",
            "response_starts": "In response it was noted",
            "topic": {},
        },
        {
            "minuted": "In response to a point raised about the transition of young people into adult services, it was recognised that this needed to be a respectful process which considered the important role of parents",
            "response_starts": "it was recognised that this needed",
            "topic": {},
        },
        {
            "minuted": "A point was made that there was no reference to access to doctors and dentists, as it was thought that a large proportion of looked after children were not registered with either.\xa0 In response, the Executive Director referred to work undertaken through the Corporate Parenting Board, working with partners, to aim to ensure that the majority of children were registered",
            "response_starts": "In response, the Executive Director referred",
            "topic": {},
        },
        {
            "minuted": "It was noted that there were two locality bases in the North area as this was the largest area in terms of population and this also took into account school clusters and links to other service areas.\xa0 This also took into account the amount of travel undertaken by social workers",
            "response_starts": None,
            "topic": {"workstream": "localities"},
        },
        {
            "minuted": "In response to a question, the Executive Director provided information on the time availability of youth workers, urgent care teams and social workers",
            "response_starts": "the Executive Director provided information",
            "topic": {},
        },
        {
            "minuted": "A discussion was held with regard to the support being provided to staff going through the transformation programme and information was provided on upskilling opportunities, looking at best practice, training for staff and the opportunity that this provided to listen to staff",
            "response_starts": "information was provided on upskilling",
            "topic": {},
        },
        {
            "minuted": "The transformation programme aimed to provide £1m of savings through the delivery of services more efficiently",
            "response_starts": None,
            "topic": {},
        },
        {
            "minuted": "The presentation made reference to ‘needs not thresholds’ which related to the need to have a conversation when a referral was first made in order to understand what a child’s needs were and who would be best to meet them.\xa0 There was a need for ownership from the person making the referral",
            "response_starts": None,
            "topic": {},
        },
        {
            "minuted": "The presentation provided an overview of the work to be undertaken to get the foundations in place and noted that further work would then have to be done.\xa0 This was not just about the role of Children’s Services, but how the directorate communicated with and worked with many other council services, for example, parks or apprenticeships",
            "response_starts": None,
            "topic": {},
        },
        {
            "minuted": "Reference was made to the need to look at an earlier intervention model in terms of success rates and the need to reduce costs",
            "response_starts": None,
            "topic": {},
        },
        {
            "minuted": "In response to a comment made about the vision statement, it was explained that children, young people and staff had had an input",
            "response_starts": "it was explained that children",
            "topic": {},
        },
        {
            "minuted": "A comment was made as to how Sherborne fitted into the service localities?\xa0 In response it was reported that work had been undertaken to identify where partners were located and where current asset resources were. \xa0It was a priority to get the locality teams together so that work could continue, however it was recognised that further work would need to be done when the asset plan was considered",
            "response_starts": "In response it was reported",
            "topic": {"workstream": "localities"},
        },
        {
            "minuted": "The position with staff morale in the service was raised and it was noted that staff were being supported through the process by the leadership.\xa0 In general good feedback was being received from staff",
            "response_starts": "it was noted that staff were being supported",
            "topic": {},
        },
        {
            "minuted": "It was noted that staff had a voice in the process and they were able to feed in their comments.\xa0 This was important as they had good knowledge of the children within the service",
            "response_starts": None,
            "topic": {},
        },
        {
            "minuted": "The programme included a particular focus on the adolescent service, where a real impact could be made.\xa0 In addition to supporting all children up until the age of 18, the service had a responsibility for children with special educational needs and looked after children up until they were 25",
            "response_starts": None,
            "topic": {"workstream": "adolescent-service"},
        },
        {
            "minuted": "The Chairman asked that when the consultation period was completed, for the committee to see the plan for the service moving forward.\xa0 The Chairman also requested that user numbers for Children’s Services be included in the quarterly report produced for Cabinet.",
            "response_starts": None,
            "topic": {},
        },
    ],
    "actions": [
        {
            "point": 15,
            "text": "The Chairman asked that when the consultation period was completed, for the committee to see the plan for the service moving forward.",
            "owner": "Executive Director for People – Children",
            "work_plan_topic": "the plan for the service moving forward",
            "work_plan_timing": "when the consultation period was completed",
            "report_template_slug": "",
            "report_request": "",
        },
        {
            "point": 15,
            "text": "The Chairman also requested that user numbers for Children’s Services be included in the quarterly report produced for Cabinet.",
            "owner": "Executive Director for People – Children",
            "work_plan_topic": "",
            "report_template_slug": "members-quarterly",
            "report_request": "user numbers for Children’s Services be included in the quarterly report produced for Cabinet",
        },
    ],
}
