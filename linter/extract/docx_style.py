"""Whether a reader sees a run: its effective properties through styles, and what lies behind it.

A run is hidden by `w:vanish` set on the run, on its character style, on its
paragraph's style or in the document defaults (each through its `basedOn`
chain); it is unreadable at 1pt or less. White text is hidden only on a light
background: the run's highlight or shading, its paragraph's, its table cell's,
the fill of the text box or shape holding it, or the page colour — white on a
dark table header is what a reader sees, and must be neither reported nor
cleaned away.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
_WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
_V = "urn:schemas-microsoft-com:vml"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


VAL = _w("val")
_RPR, _PPR, _PSTYLE, _TCPR, _SHD, _P = _w("rPr"), _w("pPr"), _w("pStyle"), _w("tcPr"), _w("shd"), _w("p")
_VANISH, _SIZE, _COLOR, _HIGHLIGHT_TAG, _RSTYLE = _w("vanish"), _w("sz"), _w("color"), _w("highlight"), _w("rStyle")
_WANTED = frozenset({_VANISH, _SIZE, _COLOR, _SHD, _HIGHLIGHT_TAG, _RSTYLE})
# Word's highlight colours, by name.
_HIGHLIGHT = {
    "black": "000000", "blue": "0000FF", "cyan": "00FFFF", "green": "00FF00", "magenta": "FF00FF",
    "red": "FF0000", "yellow": "FFFF00", "white": "FFFFFF", "darkBlue": "000080", "darkCyan": "008080",
    "darkGreen": "008000", "darkMagenta": "800080", "darkRed": "800000", "darkYellow": "808000",
    "darkGray": "808080", "lightGray": "C0C0C0",
}
_LIGHT = 0.6  # relative luminance above which white text does not stand out
_DEPTH = 16  # basedOn chains longer than this are a loop


@dataclass(frozen=True)
class Styles:
    """The run properties (vanish, size, colour, shading) styles give, resolved through `basedOn`.

    Resolved once per styles part, so that a run costs one pass over its own rPr
    and two dictionary lookups: a draft has tens of thousands of runs.
    """

    character: dict[str, dict[str, etree._Element]] = field(default_factory=dict)  # style id -> tag -> element
    paragraph: dict[str, dict[str, etree._Element]] = field(default_factory=dict)  # defaults folded in
    paragraph_shading: dict[str, etree._Element] = field(default_factory=dict)
    defaults: dict[str, etree._Element] = field(default_factory=dict)
    default_paragraph: str = ""  # the style of a paragraph that names none ("Normal", "a" in Chinese Word)
    levels: dict[str, int] = field(default_factory=dict)  # heading levels by paragraph style

    @classmethod
    def parse(cls, root: etree._Element | None, levels: dict[str, int]) -> Styles:
        """Index styles.xml (None: no styles part)."""
        if root is None:
            return cls(levels=levels)
        by_type: dict[str, dict[str, etree._Element]] = {"character": {}, "paragraph": {}}
        default_paragraph = ""
        for style in root.iterfind(_w("style")):
            kind = style.get(_w("type"))
            if kind in by_type:
                by_type[kind][style.get(_w("styleId"), "")] = style
                if kind == "paragraph" and style.get(_w("default")) in ("1", "true", "on"):
                    default_paragraph = style.get(_w("styleId"), "")
        defaults = _wanted(root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_RPR}"))
        paragraph = _resolved(by_type["paragraph"], _RPR)
        shading = {sid: props[_SHD] for sid, props in _resolved(by_type["paragraph"], _PPR).items() if _SHD in props}
        return cls(character=_resolved(by_type["character"], _RPR),
                   paragraph={sid: {**defaults, **props} for sid, props in paragraph.items()},
                   paragraph_shading=shading, defaults=defaults, default_paragraph=default_paragraph,
                   levels=levels)

    @cached_property
    def may_hide(self) -> bool:
        """Whether any style or the defaults could hide a run (vanish, 1pt or less, white text)."""
        return any(_may_hide(props) for props in (self.defaults, *self.paragraph.values(), *self.character.values()))

    def inherited(self, paragraph: etree._Element | None) -> dict[str, etree._Element]:
        """What a run of `paragraph` gets from the paragraph's style and the defaults."""
        props = child_named(paragraph, _PPR) if paragraph is not None else None
        return self.inherited_by(paragraph_style(props))

    def inherited_by(self, style_id: str | None) -> dict[str, etree._Element]:
        """What a run gets from paragraph style `style_id` (None: the default style) and the defaults."""
        return self.paragraph.get(style_id or self.default_paragraph, self.defaults)

    def effective(self, run: etree._Element, paragraph: etree._Element | None,
                  inherited: dict[str, etree._Element] | None = None) -> dict[str, etree._Element]:
        """The run's vanish/sz/color/shd: direct formatting over character style over paragraph style.

        `inherited` is the paragraph's share (`inherited()`), passed by a walker that reads every
        run of the paragraph, so that it is looked up once.
        """
        found = self.inherited(paragraph) if inherited is None else inherited
        props = child_named(run, _RPR)
        if props is None:
            return found
        own = _wanted(props)
        rstyle = own.pop(_RSTYLE, None)
        if rstyle is not None and rstyle.get(VAL) in self.character:
            found = {**found, **self.character[rstyle.get(VAL)]}
        return {**found, **own} if own else found

    def shading_of(self, paragraph: etree._Element) -> etree._Element | None:
        """The paragraph's shading: its own, or its style's."""
        props = paragraph.find(_PPR)
        own = props.find(_SHD) if props is not None else None
        if own is not None:
            return own
        return self.paragraph_shading.get(paragraph_style(props) or self.default_paragraph)


def child_named(element: etree._Element, tag: str) -> etree._Element | None:
    """`element`'s first child named `tag`.

    Word writes an element's properties as its first child: a loop stops there, where
    lxml's find() parses its path each call and costs several times more per run.
    """
    for found in element:
        if found.tag == tag:
            return found
    return None


def _wanted(props: etree._Element | None) -> dict[str, etree._Element]:
    """The properties that decide visibility, from one rPr (and its rStyle, under _RSTYLE)."""
    return {} if props is None else {child.tag: child for child in props if child.tag in _WANTED}


def _resolved(table: dict[str, etree._Element], holder: str) -> dict[str, dict[str, etree._Element]]:
    """Each style's properties under `holder` merged down its basedOn chain (loops cut)."""
    resolved: dict[str, dict[str, etree._Element]] = {}

    def properties(style_id: str, depth: int) -> dict[str, etree._Element]:
        style = table.get(style_id)
        if style is None or depth > _DEPTH:
            return {}
        if style_id not in resolved:
            based = style.find(_w("basedOn"))
            base = properties(based.get(VAL, ""), depth + 1) if based is not None else {}
            resolved[style_id] = {**base, **_wanted(style.find(holder))}
        return resolved[style_id]

    for style_id in table:
        properties(style_id, 0)
    return resolved


def paragraph_style(props: etree._Element | None) -> str | None:
    """The style id a paragraph's properties (its pPr) name, if any."""
    element = child_named(props, _PSTYLE) if props is not None else None
    return element.get(VAL) if element is not None else None


_VANISHED = etree.XPath("boolean(.//w:vanish)", namespaces={"w": W})
_SIZES = etree.XPath(".//w:sz/@w:val", namespaces={"w": W}, smart_strings=False)
_COLOURS = etree.XPath(".//w:color/@w:val", namespaces={"w": W}, smart_strings=False)


def may_hide_directly(element: etree._Element) -> bool:
    """Whether formatting inside `element` could hide a run: any vanish, a tiny size, a white colour.

    Asked of a whole part in three passes in C: a part where neither this nor its styles
    (`Styles.may_hide`) can hide anything needs no run's properties resolved.
    """
    return (_VANISHED(element) or any(_tiny(value) for value in set(_SIZES(element)))
            or any(_is_white(value) for value in set(_COLOURS(element))))


def _may_hide(props: dict[str, etree._Element]) -> bool:
    size, colour = props.get(_SIZE), props.get(_COLOR)
    return (_VANISH in props or (size is not None and _tiny(size.get(VAL, "")))
            or (colour is not None and _is_white(colour.get(VAL))))


def _tiny(value: str) -> bool:
    """A w:sz value (half-points) of 1pt or less; one hidden_reason cannot read counts as tiny, to be safe."""
    try:
        return value.isdigit() and int(value) <= 2
    except ValueError:  # a digit int() does not take (²)
        return True


def hidden_reason(run: etree._Element, styles: Styles, paragraph: etree._Element | None = None,
                  inherited: dict[str, etree._Element] | None = None) -> str | None:
    """Why a reader cannot see `run`: vanish, white text on a light background, a size of 1pt or less.

    A walker passes the run's paragraph and what it inherits (`Styles.inherited`); without
    them they are found from the run.
    """
    if paragraph is None:
        paragraph = _ancestor(run, _P)
    props = styles.effective(run, paragraph, inherited)
    if not props:
        return None
    if _on(props.get(_VANISH)):
        return "vanish"
    size = props.get(_SIZE)
    if size is not None and size.get(VAL, "").isdigit() and int(size.get(VAL)) <= 2:  # half-points
        return "tiny"
    color = props.get(_COLOR)
    if _is_white(color.get(VAL) if color is not None else None):
        behind = background(run, paragraph, props, styles)
        if behind is None or _luminance(behind) > _LIGHT:
            return "white"
    return None


def background(run: etree._Element, paragraph: etree._Element | None, props: dict[str, etree._Element],
               styles: Styles) -> str | None:
    """The colour behind a run (RRGGBB), innermost first; None for the default white page."""
    mark = props.get(_HIGHLIGHT_TAG)
    if mark is not None and mark.get(VAL) in _HIGHLIGHT:
        return _HIGHLIGHT[mark.get(VAL)]
    layers = [props.get(_SHD)]
    if paragraph is not None:
        layers.append(styles.shading_of(paragraph))
    cell = _ancestor(run, _w("tc"))
    if cell is not None:
        layers.append(cell.find(f"{_TCPR}/{_SHD}"))
    for shading in layers:
        colour = _shading_colour(shading)
        if colour is not None:
            return colour
    return _shape_fill(run) or _page_colour(run)


def _shading_colour(shading: etree._Element | None) -> str | None:
    if shading is None:
        return None
    pattern = shading.get(VAL, "clear")
    colour = shading.get(_w("color")) if pattern == "solid" else shading.get(_w("fill"))
    return colour if _hex(colour) else None


def _shape_fill(run: etree._Element) -> str | None:
    """The solid fill of the text box or shape whose content holds the run."""
    box = _ancestor(run, _w("txbxContent"))
    while box is not None:
        shape = box.getparent()
        while shape is not None and shape.tag not in (f"{{{_WPS}}}wsp", f"{{{_V}}}shape", f"{{{_V}}}rect",
                                                      f"{{{_V}}}roundrect"):
            shape = shape.getparent()
        if shape is None:
            return None
        if shape.tag == f"{{{_WPS}}}wsp":
            fill = shape.find(f"{{{_WPS}}}spPr/{{{_A}}}solidFill/{{{_A}}}srgbClr")
            if fill is not None and _hex(fill.get("val")):
                return fill.get("val")
        elif shape.get("filled", "t") not in ("f", "false") and _hex((shape.get("fillcolor") or "").lstrip("#")):
            return shape.get("fillcolor").lstrip("#")
        box = _ancestor(shape, _w("txbxContent"))  # a box inside a box: look further out
    return None


def _page_colour(run: etree._Element) -> str | None:
    page = run.getroottree().getroot().find(_w("background"))
    colour = page.get(_w("color")) if page is not None else None
    return colour if _hex(colour) else None


def _ancestor(element: etree._Element, tag: str) -> etree._Element | None:
    parent = element.getparent()
    while parent is not None and parent.tag != tag:
        parent = parent.getparent()
    return parent


def _on(flag: etree._Element | None) -> bool:
    """A toggle property such as <w:vanish/> is on unless its val says otherwise."""
    return flag is not None and flag.get(VAL, "true") not in ("0", "false", "off")


def _hex(value: str | None) -> bool:
    return bool(value) and len(value) == 6 and all(c in "0123456789abcdefABCDEF" for c in value)


def _is_white(value: str | None) -> bool:
    return _hex(value) and min(int(value[i:i + 2], 16) for i in (0, 2, 4)) >= 0xF0


def _luminance(value: str) -> float:
    """Relative luminance (WCAG) of an RRGGBB colour, 0 (black) to 1 (white)."""
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(int(value[i:i + 2], 16)) for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b
