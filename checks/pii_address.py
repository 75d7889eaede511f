"""pii/address: residential addresses down to the building, unit, room or village group."""

from __future__ import annotations

from collections.abc import Iterator

from checks.pii_common import near
from linter import lazy
from linter.model import Document
from linter.patterns import Candidate, PatternCheck, locate

_STREET = "(?:路|街|大道|巷|弄|胡同|村|屯|小区|花园|新村|公寓|家园|园|苑|庄|社区|里)"
_NUMBER = "[0-9０-９一二三四五六七八九十百零〇]{1,5}"
_PART = "(?:号楼|号院|栋|幢|座|单元|层|楼|室|号|弄|组|户)"
_RESIDENTIAL = lazy.regex_pattern("号楼|栋|幢|单元|室|组|户|[0-9０-９][-－][0-9０-９]+[-－][0-9０-９]")
_PERSONAL = ("住址", "家住", "居住地", "住所", "户籍地", "现住", "家庭地址", "住在")
_LABELS = (*_PERSONAL, "地址", "位于")
_REACH = 12
# The place name ending where the street word starts, searched from the end ((?r)): searched
# forwards, every start before it was tried (a cell's digits before the street: 6 µs a match).
_PLACE_NAME = lazy.regex_pattern(r"(?r)[\p{Han}A-Za-z0-9]{1,14}$")
# What a masked address hides: every digit and numeral, each one a star.
_HOUSE_NUMBER = str.maketrans(dict.fromkeys("0123456789０１２３４５６７８９一二三四五六七八九十百零〇", "*"))


# What a home-address label (家庭住址：, 家住) introduces, up to the end of its clause; an
# address in it is whatever carries a house, building or room number, street word or not
# (金色华府152幢1652, 清泉98-1034, B区11号楼一单元, 台升大道12543).
# 住所 is left out: it is also a company's registered address (企业住所).
_LABELLED = lazy.regex_pattern(r"(?:家庭住址|家庭地址|现住址|住址|家住|现住|居住地|户籍地)(?:为|是|在)?[：:\s]{0,2}"
                          r"(?P<address>[^，。；,;！？\n\x00（）()]{4,40})")
_NUMBERED = lazy.regex_pattern(f"{_NUMBER} ?(?:{_PART}|店面|商铺)|[0-9０-９]+ ?[-－] ?[0-9０-９]+"
                          "|[0-9０-９]{3,}+(?![米元%])|[0-9０-９]+[A-Za-z]")  # 往北100米: a distance


def _labelled(document: Document) -> Iterator[Candidate]:
    """The address after each home-address label, when it carries a number."""
    text = document.joined[0]
    if "住" not in text and "户籍" not in text:
        return
    for m in _LABELLED.finditer(text):
        if _NUMBERED.search(m.group("address")):
            yield locate(document, *m.span("address"))


class AddressCheck(PatternCheck):
    """Find street or village addresses detailed to a home: not a district or a road alone."""

    id = "pii/address"
    severity = "warning"
    description = "详细住址（具体到号、栋、幢、单元、室、组），不含区县、道路名称或办公地址"
    advice = "住址只保留到街道或社区（如“城南街道”），删除门牌号、楼栋、单元和房间号。"
    # Anchored on the street word, which is rare; the place name before it is added after.
    # Office-suite PDFs put spaces between Chinese and digits (解放大道 104 号 18栋); building,
    # unit and room may be written with dashes (华东园7-6-1046).
    pattern = lazy.re_pattern(f"{_STREET}(?:(?: ?{_NUMBER} ?{_PART}){{1,5}}(?: ?[0-9]{{1,5}}(?![0-9]))?"
                         f"| ?[0-9]{{1,4}}(?:[-－][0-9]{{1,5}}){{2,3}}(?![0-9]))")

    def candidates(self, document: Document) -> Iterator[Candidate]:
        """Street-led matches and what a home-address label introduces, in the order they stand."""
        found = [*self._street_led(document), *_labelled(document)]
        yield from sorted(found, key=lambda c: (c.at, -c.until))

    def _street_led(self, document: Document) -> Iterator[Candidate]:
        """Matches widened leftwards over the place name (西湖区城南路…), never over its label."""
        for candidate in super().candidates(document):
            name = _PLACE_NAME.search(candidate.before(14))
            prefix = name.group() if name else ""
            # A label glued to the place name (家庭住址城南路…): the address starts after it.
            cut = max((prefix.rfind(w) + len(w) for w in _LABELS if w in prefix), default=0)
            prefix = prefix[cut:]
            if prefix:
                yield locate(document, candidate.at - len(prefix), candidate.until)

    def mask_match(self, raw: str) -> str:
        """Keep the street, hide the numbers: 城南路**号*幢*单元***室."""
        return raw.translate(_HOUSE_NUMBER)

    def judge(self, document: Document, candidate: Candidate) -> str | None:
        """A home address: a residential unit or a personal word before it, and no office word."""
        text, before = candidate.text, candidate.before(_REACH)
        personal = any(w in before for w in _PERSONAL)
        residential = _RESIDENTIAL.search(text) is not None
        public = near(text, "pii-address-public.txt") or near(before[-6:], "pii-address-public.txt")
        # An office word (大厦, 中心) makes an address public, unless a home label introduces a
        # flat in it (家庭住址：帝凯大厦4幢9单元1885).
        if public and not (personal and residential) or not (personal or residential):
            return None
        return "发现详细住址：具体到门牌、楼栋或房间的住址属于个人信息，公开前请删除或只保留到街道"
