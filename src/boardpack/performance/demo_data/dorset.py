"""Dorset's performance figures: none.

Seed 003 (minutes of Dorset Council's scrutiny of the People Services – Children Transformation
Programme Update) holds no indicator figure. Its only amount, the programme's aim of "£1m of
savings", is a savings aim already held by the programme demo
(``boardpack.demo.data.dorset_programme.SAVINGS_AIM``); its other numbers describe the service
("two locality bases in the North area", children "up until the age of 18", "up until they were
25"), not performance. The lists stay empty so that the loader treats both authorities alike.
"""

from __future__ import annotations

from typing import Any

SOURCES: list[dict[str, str]] = []
INDICATORS: list[dict[str, Any]] = []
TARGETS: list[dict[str, str]] = []
OBSERVATIONS: list[dict[str, Any]] = []
INSPECTIONS: list[dict[str, Any]] = []
