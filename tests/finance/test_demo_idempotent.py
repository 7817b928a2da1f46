import pytest

from boardpack.core.models import ReportingPeriod
from boardpack.demo.loader import load_demo
from boardpack.finance import models

MODELS = [
    ReportingPeriod,
    models.SavingLine,
    models.SavingPosition,
    models.SavingsStatedTotal,
    models.ServiceArea,
    models.BudgetLine,
    models.BudgetStatedTotal,
    models.DSGBlock,
    models.DSGAllocation,
    models.DSGAllocationStatedTotal,
    models.DSGLine,
    models.DSGStatedTotal,
    models.DSGDeficit,
]


@pytest.mark.django_db
def test_loading_the_demo_again_changes_nothing_history_included():
    before = {m: (m.objects.count(), m.history.count()) for m in MODELS}
    load_demo()
    assert {m: (m.objects.count(), m.history.count()) for m in MODELS} == before
    assert before[models.SavingLine][0] == 15
    assert before[models.BudgetLine][0] == 21 * 2  # Month 7 and Month 9
    assert before[models.DSGLine][0] == 4 * 2
