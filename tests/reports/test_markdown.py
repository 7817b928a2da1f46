"""Officers' Markdown: what reaches the document and the preview, and what never does."""

from boardpack.reports.document import BulletList, Heading, Paragraph
from boardpack.reports.markdown import markdown_nodes, markdown_preview_html, safe_href

HOSTILE = """# Plan
<script>alert("x")</script>
Hello **bold** and *italic* [safe](https://example.org/a) [evil](javascript:alert(1))
[data](data:text/html;base64,PHNjcmlwdD4=) <img src=x onerror=alert(1)>

- first point
- second <b>raw</b>
  - nested point
"""


def test_headings_paragraphs_lists_and_inline_styles():
    nodes = markdown_nodes(HOSTILE)
    assert nodes[0] == Heading("Plan", level=2)
    paragraph = next(n for n in nodes if isinstance(n, Paragraph) and "Hello" in n.text)
    runs = {r.text: r for r in paragraph.runs}
    assert runs["bold"].bold and runs["italic"].italic
    assert runs["safe"].href == "https://example.org/a"
    assert all(r.href in ("", "https://example.org/a") for r in paragraph.runs)
    lists = [n for n in nodes if isinstance(n, BulletList)]
    assert [i.text for i in lists[0].items] == ["first point", "second <b>raw</b>"]
    assert lists[0].items[1].children[0].text == "nested point"


def test_raw_html_and_script_stay_text_never_markup():
    nodes = markdown_nodes(HOSTILE)
    texts = " ".join(getattr(n, "text", "") for n in nodes)
    assert '<script>alert("x")</script>' in texts  # shown as the words typed, not run


def test_unsafe_links_lose_their_target():
    assert safe_href("javascript:alert(1)") == ""
    assert safe_href(" JaVaScRiPt:alert(1)") == ""
    assert safe_href("data:text/html,x") == ""
    assert safe_href("mailto:office@example.org") == "mailto:office@example.org"
    hrefs = [r.href for n in markdown_nodes(HOSTILE) if isinstance(n, Paragraph) for r in n.runs]
    assert not any(h.startswith(("javascript", "data")) for h in hrefs)


def test_preview_html_is_sanitised():
    html = markdown_preview_html(HOSTILE)
    assert "<script" not in html and "<img" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # the words, escaped
    assert "javascript:" not in html.replace("[evil](javascript:alert(1))", "")
    assert '<a href="https://example.org/a"' in html
    assert "<h2>Plan</h2>" in html
    assert "&lt;script&gt;" in html


def test_long_text_and_nul_do_not_break_it():
    point = "x" * 5000
    nodes = markdown_nodes(f"- {point}\n\x00")
    assert isinstance(nodes[0], BulletList) and nodes[0].items[0].text == point
