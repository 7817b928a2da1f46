# ruff: noqa: E501
"""Dorset Council's Children's Services programme, "Blueprint for Change".

From the minutes of Dorset Council's scrutiny of the People Services – Children Transformation
Programme Update. The minutes give the programme's aim and focus, not its monthly updates, so
the demo holds no reporting period for Dorset. Quotations are verbatim.
"""

PROGRAMME_NAME = "Blueprint for Change"
DESCRIPTION = (
    "The transformation programme aimed to provide £1m of savings through the delivery of "
    "services more efficiently"
)
SAVINGS_AIM = "1000000.00"
WORKSTREAMS = [
    {
        "name": "Localities for the service",
        "slug": "localities",
        "description": "It was noted that there were two locality bases in the North area as this was the largest area in terms of population and this also took into account school clusters and links to other service areas.\xa0 This also took into account the amount of travel undertaken by social workers",
    },
    {
        "name": "Adolescent service",
        "slug": "adolescent-service",
        "description": "The programme included a particular focus on the adolescent service, where a real impact could be made.\xa0 In addition to supporting all children up until the age of 18, the service had a responsibility for children with special educational needs and looked after children up until they were 25",
    },
]
