import pytest
from django.core.exceptions import ImproperlyConfigured

from boardpack.settings import env_flag


@pytest.mark.parametrize(
    ("value", "expected"),
    [("1", True), ("true", True), ("On", True), ("0", False), ("False", False), ("", False)],
)
def test_env_flag_parses_booleans(monkeypatch, value, expected):
    monkeypatch.setenv("BP_FLAG", value)
    assert env_flag("BP_FLAG") is expected


def test_env_flag_refuses_nonsense(monkeypatch):
    monkeypatch.setenv("BP_FLAG", "perhaps")
    with pytest.raises(ImproperlyConfigured):
        env_flag("BP_FLAG")
