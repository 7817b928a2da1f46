"""``boardpack …`` (``boardpack.manage.main``): the cycle collector is kept out of start-up and
is on again, with start-up's objects frozen out of its sight, when the command runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROBE = (
    "import gc, json; "
    "print(json.dumps({'enabled': gc.isenabled(), 'frozen': gc.get_freeze_count()}))"
)


def test_a_command_runs_with_the_collector_on_and_start_up_frozen(tmp_path: Path) -> None:
    env = dict(os.environ, BOARDPACK_DATA_DIR=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-m", "boardpack.manage", "shell", "--no-imports", "-c", PROBE],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    state = json.loads(result.stdout.strip().splitlines()[-1])
    assert state["enabled"] is True
    # Django, the apps and their models: tens of thousands of objects, never walked again.
    assert state["frozen"] > 10_000
