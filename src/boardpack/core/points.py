"""Lists of points ("working well", "not working well", ...) and how officers type them.

A list is stored as ``[{"heading": str, "text": str}, ...]``. Points under the same heading
(the seed's "Neighbourhood Working", "Recruit & Retain High Quality Staff") share it; most
points have none. In a form, one point is one line; a line starting with ``#`` is a heading for
the points below it, and a line holding only ``#`` ends the heading.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

MAX_POINT_LENGTH = 2000
MAX_POINTS = 50


class PointsError(ValueError):
    pass


@dataclass(frozen=True)
class PointGroup:
    heading: str
    points: list[str]


def point(text: str, heading: str = "") -> dict[str, str]:
    return {"heading": heading, "text": text}


def parse_points(text: str) -> list[dict[str, str]]:
    """Turn a textarea's lines into points, refusing what cannot be stored."""
    if "\x00" in text:
        raise PointsError("The text contains a NUL character; remove it and try again.")
    points: list[dict[str, str]] = []
    heading = ""
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            heading = line.lstrip("#").strip()
            continue
        for bullet in ("- ", "* ", "• ", "· "):
            if line.startswith(bullet):
                line = line[len(bullet) :].strip()
        if len(line) > MAX_POINT_LENGTH:
            raise PointsError(
                f"Line {number} is {len(line)} characters long; "
                f"a point can be at most {MAX_POINT_LENGTH}."
            )
        points.append(point(line, heading))
    if len(points) > MAX_POINTS:
        raise PointsError(f"There are {len(points)} points; a list can hold at most {MAX_POINTS}.")
    return points


def format_points(points: list[dict[str, Any]]) -> str:
    """The inverse of :func:`parse_points`, for pre-filling a form."""
    lines: list[str] = []
    heading = ""
    for item in points:
        if item.get("heading", "") != heading:
            heading = item.get("heading", "")
            lines.append(f"# {heading}" if heading else "#")
        lines.append(f"- {item['text']}")
    return "\n".join(lines)


def group_points(points: list[dict[str, Any]]) -> list[PointGroup]:
    groups: list[PointGroup] = []
    for item in points:
        heading = item.get("heading", "")
        if not groups or groups[-1].heading != heading:
            groups.append(PointGroup(heading, []))
        groups[-1].points.append(item["text"])
    return groups


def point_texts(points: list[dict[str, Any]]) -> list[str]:
    return [item["text"] for item in points]
