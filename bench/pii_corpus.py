"""Generated rows of the personal-data corpus (seeded, so every run is the same).

Valid values are made the way real ones are (GB 11643 check digits, Luhn card
numbers with issuer prefixes, mobile prefixes); look-alikes break exactly one
thing (a check digit, a date, a context word). Each value is put in a sentence
a drafter would write and in a part of a file (body, table cell, header,
comment, wrapped PDF line, GBK text, Markdown). The hand-written rows with the
hardest cases are in fixtures/pii/corpus.tsv.
"""

from __future__ import annotations

import datetime
import random

from accuracy import Row
from stdnum import luhn
from stdnum.cn import ric

SEED = 20261122
PLACES = ("body", "table", "header", "comment", "pdf", "txt", "md", "deleted", "textbox")
COUNTIES = ("110105", "110108", "310104", "310115", "440304", "440106", "510107", "330106",
            "420106", "320582", "370202", "610113", "210102", "350102", "430104", "500103")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀英华慧巧美兰霞平刚桂玉萍红建国志文斌宇浩凯"
STREETS = ("城南路", "人民路", "解放大道", "建设街", "和平里", "幸福小区", "东风村", "金桂花园", "滨江新村")


def _id18(rng: random.Random, valid: bool = True) -> str:
    born = datetime.date(1950, 1, 1) + datetime.timedelta(days=rng.randrange(20000))
    body = rng.choice(COUNTIES) + born.strftime("%Y%m%d") + f"{rng.randrange(1000):03d}"
    check = ric.calc_check_digit(body + "0")
    if not valid:
        check = rng.choice([c for c in "0123456789X" if c != check])
    return body + check


def _mobile(rng: random.Random) -> str:
    return "1" + rng.choice("3456789") + "".join(rng.choices("0123456789", k=9))


def _card(rng: random.Random, valid: bool = True) -> str:
    body = "62" + "".join(rng.choices("0123456789", k=rng.choice((13, 14, 16))))
    check = luhn.calc_check_digit(body)
    if not valid:
        check = str((int(check) + rng.randrange(1, 10)) % 10)
    return body + check


def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + "".join(rng.choices(GIVEN, k=rng.choice((1, 2))))


def _spaced(number: str, rng: random.Random) -> str:
    """Spacing and width variants a drafter or a PDF produces."""
    style = rng.randrange(4)
    if style == 1 and len(number) == 18:
        return " ".join((number[:6], number[6:14], number[14:]))
    if style == 2 and len(number) == 11:
        return f"{number[:3]}-{number[3:7]}-{number[7:]}"
    if style == 3:
        return number.translate({ord(c): 0xFF10 + int(c) for c in "0123456789"})
    return number


def _positives(rng: random.Random) -> list[tuple[str, str]]:
    rows = []
    for _ in range(40):
        who = rng.choice(("该户", "本人", "当事人"))
        rows.append(("pii/id-card", f"经核实，{who}身份证号码为{_spaced(_id18(rng), rng)}，情况属实。"))
    for _ in range(40):
        rows.append(("pii/mobile", f"如有疑问请与经办人联系，手机{_spaced(_mobile(rng), rng)}。"))
    for _ in range(10):
        rows.append(("pii/mobile", f"联系方式：+86 {_mobile(rng)}"))
    for _ in range(30):
        lead = rng.choice(("补贴已发放至其银行卡号", "开户账号：", "收款账户", "补助资金打入"))
        rows.append(("pii/bank-card", f"{lead}{_card(rng)}，请注意查收。"))
    for _ in range(25):
        lead = rng.choice(("家庭电话：", "住宅电话", "家中电话："))
        rows.append(("pii/landline", f"{lead}0{rng.choice(('10', '21', '571', '755', '28'))}-"
                                     f"{rng.randrange(2, 9)}{rng.randrange(10**6, 10**7)}"))
    for _ in range(25):
        user = "".join(rng.choices("abcdefghijklmnopqrstuvwxyz", k=rng.randint(4, 9)))
        domain = rng.choice(("qq.com", "163.com", "126.com", "gmail.com", "sina.com"))
        rows.append(("pii/email", f"可将材料发送至{user}{rng.randrange(100)}@{domain}。"))
    for _ in range(20):
        number = rng.choice("EGDP") + "".join(rng.choices("0123456789", k=8))
        rows.append(("pii/passport", f"护照号码：{number}，签发日期2019年3月。"))
    for _ in range(20):
        plate = rng.choice("京沪浙粤川苏") + rng.choice("ABCDEF") + "".join(rng.choices("0123456789", k=5))
        rows.append(("pii/plate", f"车主{rng.choice(('驾驶', '所有'))}的车牌号为{plate}的小型汽车"))
    for _ in range(35):
        street = rng.choice(STREETS)
        house = f"{rng.randrange(1, 200)}号{rng.randrange(1, 20)}幢{rng.randrange(1, 5)}单元"
        detail = f"{rng.randrange(1, 30)}组" if street.endswith("村") else f"{house}{rng.randrange(101, 1802)}室"
        rows.append(("pii/address", f"家庭住址：{rng.choice(('江汉区', '西湖区', ''))}{street}{detail}"))
    for _ in range(40):
        lead = rng.choice(("申请人", "投诉人", "户主", "低保对象", "举报人", "救助对象"))
        rows.append(("pii/person-name", f"{lead}{_name(rng)}于2024年3月提出申请。"))
    return rows


def _negatives(rng: random.Random) -> list[str]:
    rows = []
    for _ in range(40):
        rows.append(f"档案编号{_id18(rng, valid=False)}已归档。")
    for _ in range(15):
        rows.append(f"流水号{rng.choice(COUNTIES)}20251340{rng.randrange(1000):03d}{rng.randrange(10)}已作废。")
    for _ in range(30):
        rows.append(f"全年共受理办件{rng.randrange(10**5, 10**7)}件，办结率{rng.randrange(90, 100)}%。")
    for _ in range(20):
        rows.append(f"《关于印发有关办法的通知》（某政发〔{rng.randrange(2015, 2025)}〕{rng.randrange(1, 99)}号）")
    for _ in range(20):
        rows.append(f"统一社会信用代码：91{rng.randrange(100000, 999999)}MA{rng.randrange(10**7, 10**8)}X")
    for _ in range(25):
        rows.append(f"合同编号{_card(rng, valid=False)}，金额{rng.randrange(10**4, 10**7)}元。")
    for _ in range(20):
        rows.append(f"政务服务便民热线12345，监督电话0571-{rng.randrange(2, 9)}{rng.randrange(10**6, 10**7)}。")
    for _ in range(15):
        rows.append(f"咨询电话：0{rng.choice(('10', '21', '571'))}-{rng.randrange(2, 9)}{rng.randrange(10**6, 10**7)}")
    for _ in range(20):
        rows.append(f"来信请寄信箱xxgk@{rng.choice(('hz.gov.cn', 'zj.gov.cn', 'beijing.gov.cn'))}")
    for _ in range(20):
        rows.append(f"办公地址：{rng.choice(STREETS)}{rng.randrange(1, 300)}号市民中心{rng.randrange(1, 9)}楼")
    for _ in range(20):
        lead, tail = rng.choice(("申请人", "投诉人", "户主")), rng.choice(("", "某"))
        rows.append(f"{lead}{rng.choice(SURNAMES)}某{tail}于2024年提出申请。")
    for _ in range(15):
        rows.append(f"{rng.choice(('局长', '副区长', '党组书记'))}{_name(rng)}出席会议并讲话。")
    for _ in range(15):
        rows.append(f"订单号{rng.randrange(10**20, 10**21)}已处理。")
    for _ in range(15):
        day = f"{rng.randrange(2000, 2025)}年{rng.randrange(1, 13)}月{rng.randrange(1, 29)}日"
        rows.append(f"{day}起施行，资金{rng.randrange(10**6, 10**9)}.{rng.randrange(10, 99)}元。")
    return rows


def generated_rows() -> list[Row]:
    """About 300 positives and 300 look-alikes, each in one of the corpus placements."""
    rng = random.Random(SEED)
    rows = [(frozenset({check}), text) for check, text in _positives(rng)]
    rows += [(frozenset(), text) for text in _negatives(rng)]
    return [Row(expected, PLACES[i % len(PLACES)], text, 10_000 + i) for i, (expected, text) in enumerate(rows)]
