"""A procedure's body: Markdown (CommonMark with tables) rendered to HTML, then sanitised.

markdown-it-py renders with raw HTML off (typed HTML is shown as text); nh3 (the Ammonia
sanitiser) then keeps only an allow-list of tags and attributes and of link schemes, so no
script, event handler, style or ``javascript:`` link reaches the page whatever the parser
lets through. Links open in the same tab and get ``rel="noopener noreferrer nofollow"``.
No inline style or script is produced, so the app's Content-Security-Policy holds."""

import nh3
from markdown_it import MarkdownIt
from markupsafe import Markup

_PARSER = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")

TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "em", "code", "pre",
    "blockquote", "ul", "ol", "li", "a", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ATTRIBUTES = {"a": {"href", "title"}, "ol": {"start"}, "th": {"align"}, "td": {"align"}}
SCHEMES = {"http", "https", "mailto", "tel"}


def render(text: str) -> Markup:
    """``text`` (Markdown) as safe HTML."""
    return sanitise(_PARSER.render(text or ""))


def sanitise(html: str) -> Markup:
    """Only the allowed tags, attributes and link schemes of ``html`` (the second line of
    defence: whatever the parser lets through, or a later option turning raw HTML on)."""
    clean = nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )
    return Markup(clean)  # noqa: S704 (sanitised just above)
