"""Officers' Markdown, turned into document nodes (and a sanitised HTML preview).

Raw HTML is never passed through: markdown-it runs with HTML off, so ``<script>`` stays
visible text. Links keep their target only when it is http(s) or mailto; any other link
(``javascript:``, ``data:``) keeps its words and loses the link. The preview HTML is cleaned
again with nh3, so nothing a user types can run in a reader's browser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import nh3
from markdown_it import MarkdownIt
from markdown_it.token import Token

from boardpack.reports.document import BulletList, Heading, ListItem, Node, Paragraph, Run

SAFE_SCHEMES = {"http", "https", "mailto"}
PREVIEW_TAGS = {
    "h2",
    "h3",
    "h4",
    "p",
    "strong",
    "em",
    "a",
    "ul",
    "ol",
    "li",
    "blockquote",
    "code",
    "pre",
    "br",
}


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False})
    md.disable("image")  # a picture needs alt text and a source Boardpack holds: not from here
    return md


def safe_href(href: str) -> str:
    """``href`` when it is an http(s) or mailto link, otherwise the empty string."""
    href = href.strip()
    try:
        scheme = urlsplit(href).scheme.lower()
    except ValueError:
        return ""
    return href if scheme in SAFE_SCHEMES else ""


def _runs(inline: Token) -> tuple[Run, ...]:
    runs: list[Run] = []
    bold = italic = 0
    hrefs: list[str] = []
    for child in inline.children or []:
        if child.type == "strong_open":
            bold += 1
        elif child.type == "strong_close":
            bold -= 1
        elif child.type == "em_open":
            italic += 1
        elif child.type == "em_close":
            italic -= 1
        elif child.type == "link_open":
            hrefs.append(safe_href(str(child.attrGet("href") or "")))
        elif child.type == "link_close":
            if hrefs:
                hrefs.pop()
        elif child.type in ("softbreak", "hardbreak"):
            runs.append(Run(" "))
        elif child.type in ("text", "code_inline", "html_inline"):
            if child.content:
                runs.append(
                    Run(
                        child.content,
                        bold=bold > 0,
                        italic=italic > 0,
                        href=hrefs[-1] if hrefs else "",
                    )
                )
    return _merge(runs)


def _merge(runs: list[Run]) -> tuple[Run, ...]:
    merged: list[Run] = []
    for run in runs:
        if merged and (merged[-1].bold, merged[-1].italic, merged[-1].href) == (
            run.bold,
            run.italic,
            run.href,
        ):
            last = merged.pop()
            run = Run(last.text + run.text, run.bold, run.italic, run.href)
        merged.append(run)
    return tuple(merged)


@dataclass
class _ListFrame:
    ordered: bool
    items: list[ListItem] = field(default_factory=list)
    runs: list[tuple[Run, ...]] = field(default_factory=list)  # paragraphs of the open item
    children: list[ListItem] = field(default_factory=list)


def markdown_nodes(text: str) -> list[Node]:
    """Headings, paragraphs (bold, italic, links) and lists, from an officer's Markdown."""
    text = text.replace("\x00", "")
    tokens = _parser().parse(text)
    nodes: list[Node] = []
    lists: list[_ListFrame] = []
    heading_level = 0
    quote = 0
    for token in tokens:
        kind = token.type
        if kind == "heading_open":
            heading_level = 2 if token.tag in ("h1", "h2") else 3
        elif kind == "heading_close":
            heading_level = 0
        elif kind == "blockquote_open":
            quote += 1
        elif kind == "blockquote_close":
            quote -= 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            lists.append(_ListFrame(ordered=kind == "ordered_list_open"))
        elif kind == "list_item_open":
            lists[-1].runs = []
            lists[-1].children = []
        elif kind == "list_item_close":
            frame = lists[-1]
            runs: list[Run] = []
            for index, paragraph in enumerate(frame.runs):
                if index:
                    runs.append(Run(" "))
                runs.extend(paragraph)
            frame.items.append(ListItem(runs=_merge(runs), children=tuple(frame.children)))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            frame = lists.pop()
            if lists:
                lists[-1].children.extend(frame.items)
            else:
                nodes.append(BulletList(items=tuple(frame.items), ordered=frame.ordered))
        elif kind == "inline":
            inline_runs = _runs(token)
            if not inline_runs:
                continue
            if heading_level and not lists:
                nodes.append(Heading("".join(r.text for r in inline_runs), level=heading_level))
            elif lists:
                lists[-1].runs.append(inline_runs)
            else:
                nodes.append(Paragraph(runs=inline_runs, style="quote" if quote else "body"))
        elif kind in ("fence", "code_block") and token.content.strip():
            code = Paragraph.of(token.content.strip())
            if lists:
                lists[-1].runs.append(code.runs)
            else:
                nodes.append(code)
    return nodes


def markdown_preview_html(text: str) -> str:
    """Sanitised HTML of ``text``, for the narrative preview on the edit page."""
    md = _parser()
    md.validateLink = lambda url: bool(safe_href(url))  # type: ignore[method-assign]
    html = md.render(text.replace("\x00", ""))
    # Headings step down one level: the page's own headings come first.
    for level in (3, 2, 1):
        html = html.replace(f"<h{level}>", f"<h{level + 1}>").replace(
            f"</h{level}>", f"</h{level + 1}>"
        )
    return nh3.clean(
        html,
        tags=PREVIEW_TAGS,
        attributes={"a": {"href"}},
        url_schemes=SAFE_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
