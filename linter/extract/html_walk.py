"""Walking a parsed HTML page into segments: what a visitor sees, and what the page hides.

Blocks (p, div, li, h1 …) are paragraphs, each located by its source line; table cells
keep their row and column. Text under display:none, visibility:hidden, the `hidden`
attribute or a class/id the page's own <style> hides is read the same way but as
hidden text. Comments, hidden form fields, alt/title text, mailto:/tel: links and the
string literals of inline scripts are read too: they are in the page a visitor saves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from linter import lazy
from linter.extract.links import personal_part
from linter.model import Location, Segment

_BLOCKS = frozenset(
    "address article aside blockquote body caption center dd details dialog div dl dt fieldset figcaption "
    "figure footer form h1 h2 h3 h4 h5 h6 header hr legend li main nav ol p pre section summary table "
    "tbody thead tfoot tr td th ul br option".split())
_SKIPPED = frozenset({"style", "head", "title", "meta", "link", "base"})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_HIDING_STYLE = lazy.re_pattern(r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:px|pt|em)?\s*(?:;|$)",
                           re.IGNORECASE)
_SPACE = lazy.re_pattern(r"\s+")
_LINE_BREAKS = lazy.re_pattern(r" *\n[\n ]*")
_CJK_GAP = lazy.re_pattern(r"(?<=[\u3000-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff\uff00-\uffef])")
_STRING = lazy.re_pattern(r"'((?:[^'\\\n]|\\.){2,})'|\"((?:[^\"\\\n]|\\.){2,})\"|`((?:[^`\\]|\\.){2,})`")
_WORTH = lazy.re_pattern(r"[\u4e00-\u9fff]|\d{6}|@")  # a script string worth checking: Chinese, a number, an e-mail
_LABEL = lazy.re_pattern(r"^[\w\s\-—:：/.#=<>!]{0,12}$")  # a template's region label: <!-- 头部 --> <!-- end -->


@dataclass
class HiddenRules:
    """Classes and ids a page's <style> hides (.x{display:none}, #y{visibility:hidden})."""

    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)

    @classmethod
    def parse(cls, css: str) -> HiddenRules:
        """Simple selectors only: a visitor's browser applies more, but these are how pages hide text."""
        rules = cls()
        for selectors, body in re.findall(r"([^{}]+)\{([^{}]*)\}", css):
            if _HIDING_STYLE.search(body):
                for selector in selectors.split(","):
                    selector = selector.strip()
                    if re.fullmatch(r"\.[\w-]+", selector):
                        rules.classes.add(selector[1:])
                    elif re.fullmatch(r"#[\w-]+", selector):
                        rules.ids.add(selector[1:])
        return rules

    def hides(self, element) -> bool:
        """The element is hidden by its own attributes or by one of these rules."""
        if not element.attrib:
            return False
        if element.get("hidden") is not None or _HIDING_STYLE.search(element.get("style") or ""):
            return True
        if element.get("id") in self.ids:
            return True
        return bool(self.classes and self.classes.intersection((element.get("class") or "").split()))


@dataclass
class _Cell:
    row: int
    col: int


class PageWalker:
    """Collects a page's segments in reading order."""

    def __init__(self, rules: HiddenRules) -> None:
        self.rules = rules
        self.segments: list[Segment] = []
        self._pieces: list[str] = []
        self._line: int | None = None
        self._hidden = False
        self._heading: int | None = None
        self._cell: _Cell | None = None
        self._tables: list[list[int]] = []  # per open table: [row, col]

    def walk(self, element, hidden: bool = False) -> None:
        """Read `element` and its subtree (not its tail, which belongs to its parent)."""
        tag = element.tag if isinstance(element.tag, str) else ""
        if element.tag is etree.Comment:
            self._comment(element)
            return
        if not tag or tag in _SKIPPED:
            return
        if tag == "script":
            self._script(element)
            return
        hidden = hidden or self.rules.hides(element)
        self._attributes(element, tag, hidden)
        if tag in ("td", "th") and self._tables and self._cell is None:
            self._walk_cell(element, hidden)
            return
        block = tag in _BLOCKS
        if block:
            self._flush()
        if tag == "table" and self._cell is None:
            self._tables.append([0, 0])
        elif tag == "tr" and self._tables and self._cell is None:
            self._tables[-1][:] = [self._tables[-1][0] + 1, 0]
        heading = self._heading
        if tag in _HEADINGS:
            self._heading = _HEADINGS[tag]
        self._text(element.text, element, hidden, tag == "pre")
        for child in element:
            self.walk(child, hidden)
            self._text(child.tail, child, hidden, tag == "pre")
        if block:
            self._flush()
        self._heading = heading
        if tag == "table" and self._cell is None and self._tables:
            self._tables.pop()

    def finish(self) -> list[Segment]:
        """The segments, once the walk is done."""
        self._flush()
        return self.segments

    def _walk_cell(self, element, hidden: bool) -> None:
        self._flush()
        position = self._tables[-1]
        position[1] += 1
        if len(element) == 0:  # most cells hold only text: no walk needed
            text = element.text or ""
            if not text.isalnum():  # a name, a number, an address: nothing to tidy
                text = _CJK_GAP.sub("", _SPACE.sub(" ", text)).strip()
            if text:
                # Positional: a published list may hold 100,000 cells.
                self.segments.append(Segment(text, Location(
                    "hidden-text" if hidden else "table", None, None, max(position[0], 1), position[1],
                    element.sourceline, None, "display-none" if hidden else None)))
        else:
            self._cell = _Cell(max(position[0], 1), position[1])
            self._text(element.text, element, hidden, False)
            for child in element:
                self.walk(child, hidden)
                self._text(child.tail, child, hidden, False)
            self._flush(force=True)
            self._cell = None
        span = (element.get("colspan") or "1").strip()
        position[1] += min(int(span), 1000) - 1 if span.isdigit() and int(span) > 0 else 0

    def _text(self, text: str | None, element, hidden: bool, keep_lines: bool) -> None:
        if not text:
            return
        if hidden != self._hidden and self._pieces:
            self._flush(force=True)
        if not self._pieces:
            self._line = element.sourceline
        self._hidden = hidden
        self._pieces.append(text if keep_lines else _SPACE.sub(" ", text))

    def _flush(self, force: bool = False) -> None:
        """End the paragraph; in a cell, a block only starts a new line of the cell's text."""
        if self._cell is not None and not force:
            self._pieces.append("\n")
            return
        if not self._pieces:
            return
        text = _CJK_GAP.sub("", "".join(self._pieces)).strip()
        if "\n" in text:
            text = _LINE_BREAKS.sub("\n", text)
        if text:
            self.segments.append(Segment(text, self._location(), heading_level=self._heading))
        self._pieces = []

    def _location(self, part: str | None = None, detail: str | None = None) -> Location:
        cell = self._cell
        part = part or ("hidden-text" if self._hidden else "table" if cell else "body")
        detail = detail or ("display-none" if part == "hidden-text" else None)
        return Location(part=part, line=self._line, row=cell.row if cell else None,
                        col=cell.col if cell else None, detail=detail)

    def _comment(self, element) -> None:
        text = element.text or ""
        if text.lstrip().startswith(("[if", "<![endif]")):
            return  # an old IE switch: markup, not words
        text = _SPACE.sub(" ", re.sub(r"<[^>]*>", " ", text)).strip()
        if text:
            # A template's region label (<!-- 头部 -->) is on every page: read, not reported as a comment.
            label = _LABEL.fullmatch(text) and not re.search(r"\d{3}", text)
            location = Location(part="metadata", detail="comment-label") if label else Location(part="comment")
            self.segments.append(Segment(text, location._replace(line=element.sourceline)))

    def _script(self, element) -> None:
        for match in _STRING.finditer(element.text or ""):
            value = next(g for g in match.groups() if g is not None)
            if _WORTH.search(value):
                self.segments.append(Segment(value, Location(part="metadata", line=element.sourceline,
                                                             detail="script")))

    def _attributes(self, element, tag: str, hidden: bool) -> None:
        if not element.attrib:
            return
        line = element.sourceline
        if tag == "input" and (element.get("type") or "").lower() == "hidden":
            value = (element.get("value") or "").strip()
            if value:
                self.segments.append(Segment(value, Location(part="hidden-text", line=line, detail="hidden-input")))
            return
        for name in ("alt", "title", "placeholder", "value"):
            value = (element.get(name) or "").strip()
            if value and (name != "value" or tag in ("input", "textarea")):
                part = "hidden-text" if hidden else "body"
                self.segments.append(Segment(value, Location(part=part, line=line, detail=name)))
        href = element.get("href") or ""
        if href.lower().startswith(("mailto:", "tel:")):
            self.segments.append(Segment(href.split(":", 1)[1], Location(part="body", line=line, detail="href")))
        elif query := personal_part(href):  # what the link text does not say (?sfz=…&tel=…)
            self.segments.append(Segment(query, Location(part="metadata", line=line, detail="link")))
