import pytest
from hypothesis import given
from hypothesis import strategies as st

from boardpack.core.points import PointsError, format_points, group_points, parse_points


def test_parse_headings_and_bullets():
    points = parse_points("- first\n\n# Staffing\n• second\n* third\n")
    assert points == [
        {"heading": "", "text": "first"},
        {"heading": "Staffing", "text": "second"},
        {"heading": "Staffing", "text": "third"},
    ]
    assert [g.heading for g in group_points(points)] == ["", "Staffing"]


def test_refuses_nul_and_overlong():
    with pytest.raises(PointsError, match="NUL"):
        parse_points("a\x00b")
    with pytest.raises(PointsError, match="Line 2"):
        parse_points("ok\n" + "x" * 2001)
    with pytest.raises(PointsError, match="at most 50"):
        parse_points("\n".join(f"point {i}" for i in range(51)))


line = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(lambda s: s and not s.startswith(("#", "-", "*", "•", "·")))
)


@given(st.lists(st.tuples(st.sampled_from(["", "Staffing", "Money"]), line), max_size=20))
def test_format_parse_round_trip(items):
    points = [{"heading": h, "text": t} for h, t in items]
    assert parse_points(format_points(points)) == points
