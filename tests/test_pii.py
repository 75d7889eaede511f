"""pii/*: two-sided tables per check — real personal data and the look-alikes that must stay quiet."""

import pytest

from linter.check import CheckContext
from linter.model import Document, Location, Segment
from linter.registry import load_checks


def _matches(check_id, *segments, mask=False):
    doc = Document(path="x", format="docx", segments=tuple(segments))
    check = load_checks()[check_id]()
    return [f.match for f in check.run(doc, CheckContext(mask=mask))]


def _body(text):
    return Segment(text, Location(paragraph=1))


def _table(*rows):
    return [Segment(text, Location(part="table", row=r, col=c))
            for r, cells in enumerate(rows, 1) for c, text in enumerate(cells, 1) if text]


CASES = {
    "pii/id-card": [
        ("身份证号110105199003077657。", ["110105199003077657"]),
        ("号码：44030419781130002x", ["44030419781130002x"]),
        ("1101 0519 9003 0776 57", ["1101 0519 9003 0776 57"]),
        ("１１０１０５１９９００３０７７６５７", ["１１０１０５１９９００３０７７６５７"]),
        ("旧号110105900307765", ["110105900307765"]),
        ("110105199003077653", []),                      # wrong check digit
        ("110105199013077651", []),                      # month 13
        ("990105199003077651", []),                      # no such province
        ("订单号1101051990030776571234", []),            # inside a longer run
        ("91350100M000100Y43", []),                      # unified social credit code
        ("110105209901017654", []),                      # born in the future
        ("身份证号1101051990\u200b03077657", ["1101051990\u200b03077657"]),  # a zero-width space inside
    ],
    "pii/mobile": [
        ("电话13812345678", ["13812345678"]),
        ("+86 138-1234-5678", ["+86 138-1234-5678"]),
        ("138 1234 5678", ["138 1234 5678"]),
        ("8613812345678", ["8613812345678"]),
        ("联系方式：008613912345678。", ["008613912345678"]),      # 0086 dialled from abroad
        ("电话139\u00a01234\u00a05678", ["139\u00a01234\u00a05678"]),  # no-break spaces (Word, web pages)
        ("电话138\u30001234\u30005678", ["138\u30001234\u30005678"]),  # ideographic spaces
        ("0086 139 1234 5678", ["0086 139 1234 5678"]),
        ("拨打12345热线", []),
        ("共计13812345678901件", []),
        ("12812345678", []),
        ("单价 4197.16981132075", []),                   # an e-invoice's unit price: decimals, not a phone
        ("单价 9.13912345678", []),
        ("1.13812345678（值班）", ["13812345678"]),      # item 1 of a list, then a phone
        ("热线：\n2.13912345678", ["13912345678"]),
    ],
    "pii/bank-card": [
        ("银行卡号6222021234567890128", ["6222021234567890128"]),
        ("账号：6217 0012 3456 7890", ["6217 0012 3456 7890"]),
        ("6222021234567890128", ["6222021234567890128"]),   # Luhn + UnionPay prefix
        ("合同编号6222021234567890123", []),                 # Luhn fails, no card word
        ("110105199003077657", []),                          # an ID, not a card
        ("档案号440304196010307780", []),                     # ID-shaped, passes Luhn
        ("折算率 0.6222021234567894", []),                   # a fraction's digits, Luhn or not
    ],
    "pii/landline": [
        ("家庭电话：0571-86543210", ["0571-86543210"]),
        ("住宅电话（010）62345678", ["（010）62345678"]),
        ("监督电话：0571-87654321", []),
        ("办公电话0571-86012345", []),
        ("电话：010-12345678", []),
    ],
    "pii/email": [
        ("发送至zhangsan@163.com", ["zhangsan@163.com"]),
        ("信箱xxgk@hz.gov.cn", []),
        ("xxgk@gov.cn", []),
        ("无邮箱地址@的文字", []),
        ("监督邮箱：jdjb2024@163.com", []),                  # said to be a public mailbox
        # The office a reader is asked to contact, as annual reports give it: its mailbox.
        ("请与××市人民政府办公室联系（地址：人民路1号，电话：0517-83600000，电子邮箱：zwgkc@163.com）", []),
        ("请与办公室联系人王芳联系（电子邮箱：wangfang1985@163.com）", ["wangfang1985@163.com"]),
        ("请与市民政局张先生联系，邮箱zhang@163.com", ["zhang@163.com"]),
        ("请与市民政局联系。申请人邮箱：lihua88@qq.com", ["lihua88@qq.com"]),  # another sentence
    ],
    "pii/passport": [
        ("护照号码：E12345678", ["E12345678"]),
        ("港澳通行证C12345678", ["C12345678"]),
        ("护照E1234567，护照E7654321", ["E1234567", "E7654321"]),  # windows around close runs
        ("护照号码（新版本）为：E12345678", ["E12345678"]),        # the name 12 characters before
        ("批准文号H20051234", []),
    ],
    "pii/plate": [
        ("车牌号浙A12345", ["浙A12345"]),
        ("车主驾驶粤B·D12345", ["粤B·D12345"]),
        ("浙A12345", []),                                    # no personal context
        ("浙AB区域试点", []),
    ],
    "pii/address": [
        ("家庭住址：城南路18号3幢2单元501室", ["城南路18号3幢2单元501室"]),
        ("户籍地：东风村三组", ["东风村三组"]),
        ("地址：杭州市西湖区", []),
        ("办公地址：人民路100号行政服务中心3号楼201室", []),
        ("本项目位于解放大道188号", []),
        ("经核实，申请人住在华东园7-6-1046。", ["华东园7-6-1046"]),   # the address, not who lives there
        ("该户住在胜利路416弄173号", ["胜利路416弄173号"]),
    ],
    "pii/person-name": [
        ("申请人王小明于3月提出申请", ["王小明"]),
        ("投诉人：刘建华反映噪音", ["刘建华"]),
        ("户主欧阳建国", ["欧阳建国"]),
        ("申请人张建军住在华东园7-6-1046", ["张建军"]),       # 住 starts the predicate, not the name
        ("联系人：宋小琴、林蓉联系电话：0591-86169725", []),  # a notice's contacts: the office's phone
        ("补贴发放至王小明的银行卡", ["王小明"]),               # a name right before its owner's data
        ("申请人张军住在华东园", ["张军"]),
        ("申请人李某于3月提出申请", []),
        ("申请人张某某", []),
        ("局长张三出席会议", []),
        ("学生人数1200人", []),
        ("经办人王小明", []),
    ],
    "pii/under-masked": [
        ("1101051990****7657", ["1101051990****7657"]),
        ("1381234**78", ["1381234**78"]),
        ("110105********7657", []),
        ("35*************123", []),
        ("138****1234", []),
    ],
}


def test_numbers_a_few_characters_apart_are_each_found():
    # Each number is searched around its digit run; runs this close share one window.
    line = _body("身份证号330106198807124212，手机13957112345，卡号6222021234567890128")
    assert _matches("pii/id-card", line) == ["330106198807124212"]
    assert _matches("pii/mobile", line) == ["13957112345"]


@pytest.mark.parametrize("check_id, text, expected",
                         [(cid, text, exp) for cid, cases in CASES.items() for text, exp in cases])
def test_two_sided(check_id, text, expected):
    assert _matches(check_id, _body(text)) == expected


def test_name_column_cells_are_names_unless_anonymised():
    cells = _table(["序号", "姓名", "金额"], ["1", "陈秀英", "500"], ["2", "张*明", "800"], ["3", "李某某", "900"])
    assert _matches("pii/person-name", *cells) == ["陈秀英"]


def test_roster_table_is_one_finding_unless_masked():
    exposed = _table(["姓名", "身份证号"], ["张建国", "110105199003077657"])
    masked = _table(["姓名", "身份证号"], ["张*国", "110105********7657"])
    doc = Document(path="x", format="docx", segments=tuple(exposed))
    findings = list(load_checks()["pii/table"]().run(doc, CheckContext()))
    assert len(findings) == 1 and "身份证号" in findings[0].message
    assert findings[0].location.row == 1
    assert _matches("pii/table", *masked) == []


def test_phone_in_a_name_list_is_personal():
    cells = _table(["姓名", "联系电话"], ["李秀兰", "0571-86543210"])
    assert _matches("pii/landline", *cells) == ["0571-86543210"]


@pytest.mark.parametrize("check_id, text, shown", [
    ("pii/id-card", "110105199003077657", "1101**********7657"),
    ("pii/mobile", "13812345678", "138****5678"),
    ("pii/address", "家庭住址：城南路18号3幢501室", "城南路**号*幢***室"),
    ("pii/person-name", "申请人王小明", "王**"),
])
def test_masked_by_default(check_id, text, shown):
    assert _matches(check_id, _body(text), mask=True) == [shown]


def test_number_wrapped_across_pdf_lines_is_found():
    segment = Segment("联系电话1381234" + "5678，身份证号1101051990" + "03077657", Location(page=1, line=3),
                      line_starts=(11,))
    doc = Document(path="x", format="pdf", segments=(segment,))
    checks = load_checks()
    found = [f.check for cid in ("pii/mobile", "pii/id-card") for f in checks[cid]().run(doc, CheckContext())]
    assert found == ["pii/mobile", "pii/id-card"]


@pytest.mark.parametrize("text, found", [
    ("联系邮箱 zhangsan@163.com", ["zhangsan@163.com"]),
    ("邮箱 wang.li@mail.example.cn", ["wang.li@mail.example.cn"]),
    ("?>9@AJ.D<F@-<>2.@A:0>#3$4", []),  # a font without a text map: no domain ends in one letter
    ("版本 v2@build.2024", []),  # nor in digits
])
def test_an_address_needs_a_top_level_domain_of_letters(text, found):
    assert _matches("pii/email", _body(text)) == found


def test_email_pattern_is_linear_on_a_long_line():
    import time

    line = "的" * 2_000_000 + "a" * 1_000_000
    start = time.perf_counter()
    assert _matches("pii/email", _body(line)) == []
    assert time.perf_counter() - start < 30  # a backtracking pattern takes minutes here


@pytest.mark.parametrize("text, name", [
    ("举报人李红梅通过市民热线反映噪声问题", "李红梅"),  # a predicate word follows
    ("申请人李建国身份证号320582198506124311", "李建国"),  # the person's own data follows
    ("申请人约翰森于3月5日提交申请", None),  # 翰 is not a transliteration character of the list
    ("申请人福克斯于3月5日提交申请", "福克斯"),
])
def test_a_name_is_read_from_what_follows_it(text, name):
    assert _matches("pii/person-name", _body(text)) == ([name] if name else [])


def _lines(*texts, first=1):
    return [Segment(text, Location(line=n, column=1)) for n, text in enumerate(texts, first) if text]


@pytest.mark.parametrize("check_id, lines, pieces", [
    ("pii/id-card", ("申请人身份证号码为1101051990", "03077657，现予公示。"), ["1101051990", "03077657"]),
    ("pii/mobile", ("联系电话1391234", "5678。"), ["1391234", "5678"]),
    ("pii/mobile", ("联系电话 139 1234", " 5678。"), ["139 1234", "5678"]),   # spaces before and between
    ("pii/mobile", ("联系电话1391234\u3000", "5678。"), ["1391234", "5678"]),   # a line's trailing spaces
    ("pii/id-card", ("身份证号码为1101051990\t", "03077657。"), ["1101051990", "03077657"]),
    ("pii/bank-card", ("补贴已打入其卡号6228 4804 0256", "4890 018，请查收。"), ["6228 4804 0256", "4890 018"]),
    ("pii/id-card", ("文件编号2023", "0001号"), []),                       # no number when joined
    ("pii/mobile", ("共计1391234", "", "5678件"), []),                     # a blank line between: two numbers
    ("pii/bank-card", ("合同编号6222021234", "567890123"), []),           # Luhn fails, no card word
    ("pii/id-card", ("序列" + "7" * 45 + "1101051990", "03077657"), []),   # the end of a longer run
])
def test_a_number_a_line_break_cut_in_two_is_judged_whole(check_id, lines, pieces):
    """Text copied out of a PDF keeps its wraps: each piece is reported on its own line."""
    doc = Document(path="x.txt", format="txt", segments=tuple(_lines(*lines)))
    found = list(load_checks()[check_id]().run(doc, CheckContext(mask=False)))
    assert [f.match for f in found] == pieces
    assert [f.location.line for f in found] == ([1, 2] if pieces else [])
    assert all("换行" in f.message for f in found)


def test_a_broken_id_in_a_text_file_is_found_and_never_shown(tmp_path):
    from reports import findings

    path = tmp_path / "公示.txt"
    text = "经核实，申请人身份证号码为1101051990\n03077657，手机号为1391234\n5678，现予公示。\n"
    path.write_text(text, encoding="utf-8")
    found = findings(path, "--select", "pii")
    assert [(f["check"], f["location"]["line"]) for f in found] == [
        ("pii/id-card", 1), ("pii/id-card", 2), ("pii/mobile", 2), ("pii/mobile", 3)]
    shown = str(found)
    assert "1101051990" not in shown and "03077657" not in shown and "1391234" not in shown


def test_a_number_cut_by_a_break_inside_a_paragraph_or_cell_is_one_number():
    """Word's Shift+Enter, HTML's <br> and a cell's two paragraphs put a line break in a segment."""
    assert _matches("pii/id-card", _body("申请人身份证号码为1101051990\n03077657，现予公示。")) == [
        "1101051990\n03077657"]
    cell = Segment("13812345678\n13912345678", Location(part="table", row=2, col=3))
    assert _matches("pii/mobile", cell) == ["13812345678", "13912345678"]  # two numbers stay two


def test_ids_cut_by_breaks_in_word_and_html_are_found_and_never_shown(tmp_path):
    from builders import docx
    from docx.enum.text import WD_BREAK
    from reports import findings

    def build(d):
        p = d.add_paragraph("申请人身份证号码为1101051990")
        p.add_run().add_break(WD_BREAK.LINE)
        p.add_run("03077657，现予公示。")
        table = d.add_table(rows=1, cols=2)
        table.cell(0, 0).text = "李秀兰"
        table.cell(0, 1).text = "3205061985"
        table.cell(0, 1).add_paragraph("07124317")

    page = ("<p>申请人身份证号码为1101051990<br>03077657，现予公示。</p>"
            "<table><tr><td>李秀兰</td><td>3205061985<br>07124317</td></tr></table>")
    (tmp_path / "page.html").write_text(f"<html><body>{page}</body></html>", encoding="utf-8")
    for path in (docx(tmp_path / "draft.docx", build), tmp_path / "page.html"):
        found = findings(path, "--select", "pii/id-card")
        assert len(found) >= 2 and {f["location"]["part"] for f in found} == {"body", "table"}, path.name
        shown = str(found)
        assert "1101051990" not in shown and "3205061985" not in shown and "07124317" not in shown


def test_documents_read_in_turn_each_give_their_own_numbers():
    """The number checks share what they derive from a document: two documents alive at once, checked
    in turn, never see each other's numbers (nor miss their own where the other had none)."""
    first = Document(path="a", format="docx", segments=(_body("身份证号110105199003077657，手机13812345678"),))
    second = Document(path="b", format="docx", segments=(_body("前言" * 30 + "手机13912345678"),))
    checks = [load_checks()[cid]() for cid in ("pii/id-card", "pii/mobile", "pii/bank-card")]
    for _ in range(2):
        found = {doc.path: [f.match for check in checks for f in check.run(doc, CheckContext(mask=False))]
                 for doc in (first, second)}
        assert found == {"a": ["110105199003077657", "13812345678"], "b": ["13912345678"]}


def test_id_and_card_patterns_written_digit_first_match_as_written_gap_first():
    """The ID and card patterns step from digit to digit digit-first (faster); overlapped, they find
    exactly what the gap-first form finds, gaps, edges and lengths included."""
    import random

    import regex

    from checks.pii_common import DIGIT, SEP

    gap_first = {
        "pii/id-card": regex.compile(
            f"(?<![0-9０-９A-Za-z])[1-9１-９](?:{SEP}{DIGIT}){{16}}{SEP}[0-9０-９XxＸｘ](?![0-9０-９A-Za-z])"
            f"|(?<![0-9０-９A-Za-z])[1-9１-９](?:{SEP}{DIGIT}){{14}}(?![0-9０-９A-Za-z])"),
        "pii/bank-card": regex.compile(
            f"(?<![0-9０-９A-Za-z])[1-9１-９](?:{SEP}{DIGIT}){{15,18}}(?![0-9０-９A-Za-z])"),
    }
    rng = random.Random(2)
    for check_id, expected in gap_first.items():
        pattern = load_checks()[check_id].pattern
        for _ in range(20000):
            text = "".join(rng.choice("1234567890１ -\u3000\naX") if rng.random() < 0.3 else rng.choice("0123456789")
                           for _ in range(rng.randint(10, 30)))
            assert ([m.span() for m in pattern.finditer(text, overlapped=True)]
                    == [m.span() for m in expected.finditer(text, overlapped=True)]), text


def test_an_id_born_after_today_is_no_id_and_today_is_read_again_once_its_day_is_over(monkeypatch):
    """The date is read from the clock once a day, not for each number: within the day the date
    read holds, and a day that is over (or a clock set back before it) is read again."""
    import datetime
    import time

    from checks import pii_id_card
    from checks.pii_id_card import check_digit, local_today, valid_id18

    today = datetime.date.today()
    tomorrow = today + datetime.timedelta(days=1)
    first17 = "110105" + tomorrow.strftime("%Y%m%d") + "123"
    born_tomorrow = first17 + check_digit(first17)
    assert local_today() == today and not valid_id18(born_tomorrow)
    now = time.time()
    monkeypatch.setattr(pii_id_card, "_DAY", [(tomorrow, now - 5, now + 5)])
    assert local_today() == tomorrow and valid_id18(born_tomorrow)
    for over in ((tomorrow, now - 10, now - 5), (tomorrow, now + 5, now + 10)):
        monkeypatch.setattr(pii_id_card, "_DAY", [over])
        assert local_today() == today and not valid_id18(born_tomorrow)


def test_the_place_name_before_a_street_is_the_name_characters_ending_there():
    """What pii/address widens a street-led match over: the longest run of Han, Latin letters and
    digits ending the text before the street word, at most 14 characters (a final line break aside)."""
    import random

    import regex

    from checks.pii_address import _PLACE_NAME

    def expected(text: str) -> str | None:
        body = text[:-1] if text.endswith("\n") else text  # $ stands before a final line break too
        start = len(body)
        while start > 0 and len(body) - start < 14 and regex.fullmatch(r"[\p{Han}A-Za-z0-9]", body[start - 1]):
            start -= 1
        return body[start:] or None

    rng = random.Random(3)
    for _ in range(3000):
        text = "".join(rng.choice("城南路甲a1９" * 4 + "\n\x00 ，X-") for _ in range(rng.randint(0, 18)))
        found = _PLACE_NAME.search(text)
        assert (found.group() if found else None) == expected(text), repr(text)


def test_a_word_near_an_address_is_the_first_listed_term_the_text_holds():
    """`near` looks for every term at once first, and only then for the first of them, in the list's order."""
    from checks.pii_common import near, words

    terms = words("pii-address-public.txt")
    texts = ["", "城南路12号3幢", "家住城南路", *terms, *(t[:-1] for t in terms), "住在" + terms[-1] + "旁" + terms[0]]
    for text in texts:
        assert near(text, "pii-address-public.txt") == next((w for w in terms if w in text), None), text
    assert sum(near(text, "pii-address-public.txt") is not None for text in texts) > len(terms)


@pytest.mark.parametrize("check_id", ["pii/plate", "fields/placeholder"])
def test_a_check_searching_around_its_anchor_characters_finds_what_it_finds_in_the_whole_text(check_id):
    """A check anchored on characters every match holds (a plate's Latin capital, a placeholder's
    X or 填) searches only around them, the ASCII ones found in the text's ASCII view: it must find
    every candidate a search of the whole text finds, in texts long enough to take that way."""
    import random

    kind = load_checks()[check_id]
    check, everywhere = kind(), type("Everywhere", (kind,), {"anchor": ""})()
    assert check.anchor
    rng = random.Random(31)
    pieces = ["京A12345", "粤B·D1234", "新AB1234C", "沪C 1234", "京A123456", "浙I12345", "粤B·1234567",
              "沪C 123456x", "XX", "xx", "20xx年", "＿＿", "__", "○○", "填写", "待定", "**", "T", "F", "?", "。",
              "，", "车牌号", "政府信息公开", "当得必", "A", "Z9", "1", "\n", "\u3000", "（", "PDF"]

    around = 0
    for _ in range(400):
        share = rng.choice((0.02, 0.05, 0.3))
        texts = ["".join(rng.choice(pieces) if rng.random() < share else "文" * rng.randint(1, 40)
                         for _ in range(rng.randint(1, 80))) for _ in range(rng.randint(1, 3))]
        document = Document(path="x.txt", format="txt",
                            segments=tuple(Segment(t, Location(line=n)) for n, t in enumerate(texts, 1)))
        spans = [(c.at, c.until) for c in check.candidates(document)]
        assert spans == [(c.at, c.until) for c in everywhere.candidates(document)], texts
        around += bool(spans) and check._windows(document) != [(0, len(document.joined[0]))]
    assert around > 50  # found by searching around the anchors, not the whole text: the test compares something


def test_anchor_characters_are_found_where_they_stand_ascii_or_not():
    from linter.patterns import _anchor_runs

    text = "是否?问号当得必_下划线_A文"  # ? is also what the ASCII view holds for every other character
    assert _anchor_runs(text, "?_A文", 10) == [(2, 3), (8, 9), (12, 15)]


@pytest.mark.parametrize("check_id", ["pii/id-card", "pii/bank-card", "pii/mobile"])
def test_a_number_check_looking_only_in_runs_long_enough_finds_what_it_finds_in_every_run(check_id):
    """A number check searches only around digit runs as long as its shortest number (11 digits of a
    mobile, 15 of an old ID, 16 of a card): it must find every candidate it finds searching them all."""
    import random

    kind = load_checks()[check_id]
    check, everywhere = kind(), type("EveryRun", (kind,), {"shortest_run": 6})()
    rng = random.Random(17)
    others = [" ", "-", "\n", "X", "a", "+86", "0086 ", "卡号", "，", "\u3000", "１", "\u200b"]

    def piece() -> str:  # a group of digits as long as some number is (138 1234 5678), or what stands between
        if rng.random() < 0.5:
            return rng.choice(others)
        length = rng.choice((3, 4, 7, 8, 11, 11, 11, 14, 15, 16, 17, 18, 19))
        return rng.choice(("13", "18", "62", "9")) + "".join(rng.choice("0123456789") for _ in range(length - 2))

    found = 0
    for _ in range(1500):
        texts = ["".join(piece() for _ in range(rng.randint(1, 6))) for _ in range(rng.randint(1, 3))]
        document = Document(path="x.txt", format="txt",
                            segments=tuple(Segment(t, Location(line=n)) for n, t in enumerate(texts, 1)))
        spans = [(c.at, c.until) for c in check.candidates(document)]
        assert spans == [(c.at, c.until) for c in everywhere.candidates(document)], texts
        found += len(spans)
    assert found > 150  # the runs held numbers of the check's lengths: the test compares something


def test_id_check_digit_and_luhn_agree_with_python_stdnum():
    """The check digits are computed here (importing python-stdnum cost a process 20-60 ms):
    they agree with its GB 11643 and Luhn on random numbers, every remainder and length included."""
    import random

    from stdnum import luhn
    from stdnum.cn import ric

    from checks.pii_bank_card import luhn_valid
    from checks.pii_id_card import check_digit, valid_id18

    rng = random.Random(7)
    digits = set()
    for _ in range(20000):
        first17 = "".join(rng.choice("0123456789") for _ in range(17))
        digits.add(check_digit(first17))
        assert check_digit(first17) == ric.calc_check_digit(first17 + "0"), first17
        number = "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 20)))
        assert luhn_valid(number) == luhn.is_valid(number), number
        card = number + luhn.calc_check_digit(number)
        assert luhn_valid(card), card
    assert digits == set("0123456789X")
    assert not luhn_valid("") and not luhn_valid("4111 1111") and not luhn_valid("４１１１")
    assert valid_id18("11010519900307765X") is False and valid_id18("110105199003077657")
    assert not valid_id18("11010519900307765A")
