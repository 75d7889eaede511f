"""Two-sided examples for every registered check: what must fire and what must not.

A registered check without examples here fails the suite, so no check ships untested.
"""

import pytest

from linter.check import CheckContext
from linter.model import Document, Location, Segment
from linter.registry import load_checks


def _doc(*texts, **kwargs):
    segments = tuple(Segment(t, Location(paragraph=i)) for i, t in enumerate(texts, 1))
    return Document(path="x", format=kwargs.pop("format", "docx"), segments=segments, **kwargs)


def _roster(number):
    cells = ((1, 1, "姓名"), (1, 2, "身份证号"), (2, 1, "张三"), (2, 2, number))
    segments = tuple(Segment(t, Location(part="table", row=r, col=c)) for r, c, t in cells)
    return Document(path="x", format="docx", segments=segments)


def _annual(defect="none", tables=True):
    """An annual report: its title, 表三 and 表四 as table cells, and a closing date."""
    from annual import application_rows, report, review_rows

    made = report(3, defect)
    segments = [Segment("某区2024年政府信息公开工作年度报告", Location(paragraph=1)),
                Segment(f"本报告中所列数据的统计期限自{made.period_year}年1月1日起至{made.period_year}年12月31日止。",
                        Location(paragraph=2))]
    for grid in (application_rows(made), review_rows(made)) if tables else ():
        segments.append(Segment("表", Location(paragraph=3)))
        segments += [Segment(t, Location(part="table", row=r, col=c))
                     for r, row in enumerate(grid, 1) for c, t in enumerate(row, 1) if t]
    segments.append(Segment(f"{made.closing_year}年1月20日", Location(paragraph=4)))
    return Document(path="x", format="docx", segments=tuple(segments))


# check id -> [(document, expected number of findings, expected page of the first)]
EXAMPLES = {
    "extract/error": [
        (Document(path="x", format="docx", error="文件已损坏"), 1, None),
        (_doc("正文"), 0, None),
        (_doc(), 0, None),  # an empty but readable document is extract/no-text's business
    ],
    "extract/no-text": [
        (_doc("正文", format="pdf", pages=3, pages_without_text=(2, 3)), 2, 2),
        (_doc(format="pdf", pages=1, pages_without_text=(1,)), 1, 1),
        (_doc(), 1, None),
        (Document(path="x", format="docx", segments=(
            Segment("张三", Location(part="metadata", detail="creator")),)), 1, None),
        (_doc("正文", format="pdf", pages=2), 0, None),
        (_doc(" ", "第二段"), 0, None),
        (Document(path="x", format="pdf", error="PDF 已加密"), 0, None),  # extract/error reports it
    ],
    "secrecy/marking": [
        (_doc("关于某项工作的通知", "秘密★1年"), 1, None),
        (_doc("本单位建立了保密审查制度，不涉及国家秘密。"), 0, None),
    ],
    "secrecy/restricted": [
        (_doc("内部资料（注意保存）", "正文"), 1, None),
        (_doc("坚持以公开为常态、不公开为例外。", "加强内部管理。"), 0, None),
    ],
    "pii/id-card": [(_doc("身份证号110105199003077657"), 1, None), (_doc("档案号110105199003077653"), 0, None)],
    "pii/bank-card": [(_doc("银行卡号6222021234567890128"), 1, None), (_doc("合同号6222021234567890123"), 0, None)],
    "pii/mobile": [(_doc("手机13812345678"), 1, None), (_doc("热线12345"), 0, None)],
    "pii/landline": [(_doc("家庭电话0571-86543210"), 1, None), (_doc("监督电话0571-86543210"), 0, None)],
    "pii/email": [(_doc("zhangsan@163.com"), 1, None), (_doc("xxgk@hz.gov.cn"), 0, None)],
    "pii/passport": [(_doc("护照号码E12345678"), 1, None), (_doc("文号H20051234"), 0, None)],
    "pii/plate": [(_doc("车牌号浙A12345"), 1, None), (_doc("浙A12345"), 0, None)],
    "pii/address": [(_doc("住址：城南路18号3幢501室"), 1, None), (_doc("地址：城南路"), 0, None)],
    "pii/person-name": [(_doc("申请人王小明"), 1, None), (_doc("申请人王某某"), 0, None)],
    "pii/table": [(_roster("110105199003077657"), 1, None), (_roster("110105********7657"), 0, None)],
    "pii/under-masked": [(_doc("1101051990****7657"), 1, None), (_doc("110105********7657"), 0, None)],
    "fields/missing-section": [(_doc("某区2023年政府信息公开工作年度报告", "一、总体情况"), 5, None),
                               (_doc("会议记录", "正文"), 0, None)],
    "fields/missing-field": [(_doc("索引号：001", "发布机构：某局"), 3, None), (_doc("正文"), 0, None)],
    "fields/placeholder": [(_doc("20xx年XX局工作要点"), 2, None), (_doc("X射线设备"), 0, None)],
    "fields/template-residue": [(_doc("本文原地址：略"), 1, None), (_doc("原文请见附件"), 0, None)],
    "fields/doc-number": [(_doc("某府发[2023]1号"), 1, None), (_doc("某府发〔2023〕1号"), 0, None)],
    "fields/date": [(_doc("2023年2月30日"), 1, None), (_doc("2023年2月28日"), 0, None)],
    "hidden/comment": [(Document(path="x", format="docx", segments=(
        Segment("请核实", Location(part="comment", detail="李审核")),)), 1, None), (_doc("正文"), 0, None)],
    "hidden/tracked-change": [(Document(path="x", format="docx", revisions={"deleted": 2}), 1, None),
                              (_doc("正文"), 0, None)],
    "hidden/hidden-text": [(Document(path="x", format="docx", segments=(
        Segment("隐藏", Location(part="hidden-text", detail="white")),)), 1, None), (_doc("正文"), 0, None)],
    "hidden/metadata": [(Document(path="x", format="docx", metadata={"creator": "张三"}), 1, None),
                        (Document(path="x", format="txt", metadata={"encoding": "utf-8"}), 0, None)],
    "hidden/embedded": [(Document(path="x", format="docx", attachments=("word/embeddings/a.bin",)), 1, None),
                        (_doc("正文"), 0, None)],
    "hidden/fake-redaction": [(Document(path="x", format="pdf", concealed=(
        Segment("王小明", Location(part="hidden-text", page=1, detail="redacted")),)), 1, 1),
        (Document(path="x", format="pdf", concealed=(
            Segment("白字", Location(part="hidden-text", page=1, detail="white")),)), 0, None)],
    "extract/partial": [(_doc("正文", format="pdf", pages=2, pages_mostly_image=(2,)), 1, 2),
                        (_doc("正文", format="pdf", pages=2), 0, None)],
    "proof/bracket": [(_doc("根据《关于加强管理的通知，办理。"), 1, None), (_doc("根据《通知》办理。"), 0, None)],
    "proof/punctuation": [(_doc("推进政务公开,是要求。"), 1, None), (_doc("推进政务公开，是要求。"), 0, None)],
    "proof/repeat": [(_doc("这是是我们的责任。"), 1, None), (_doc("常常检查，人人有责。"), 0, None)],
    "fields/mixed-year": [(_doc("2023年政务公开工作总结", "2022年，本机关认真落实。"), 1, None),
                          (_doc("2023年政务公开工作总结", "2023年，本机关认真落实。"), 0, None)],
    "proof/typo": [(_doc("公开监督电话、投拆方式。"), 1, None), (_doc("全部份额已兑付。"), 0, None)],
    "stats/balance": [(_annual("balance"), 2, None), (_annual("row-total"), 0, None)],
    "stats/subtotal": [(_annual("subtotal"), 2, None), (_annual("review"), 1, None), (_annual(), 0, None)],
    "stats/row-total": [(_annual("row-total"), 1, None), (_annual("balance"), 0, None)],
    "stats/blank-cell": [(_annual("dash"), 1, None), (_annual(), 0, None)],
    "stats/unparsed": [(_annual(tables=False), 2, None), (_annual(), 0, None)],
    "fields/report-year": [(_annual("period-year"), 1, None), (_annual("closing-year"), 1, None),
                           (_annual(), 0, None)],
    "secrecy/keyword": [
        (_doc("会议传达了涉密文件精神。"), 1, None),
        (_doc("涉密信息不上网，上网信息不涉密。"), 0, None),
    ],
}


def test_every_registered_check_has_examples():
    missing = sorted(set(load_checks()) - set(EXAMPLES))
    assert not missing, f"checks without examples in {__file__}: {missing}"


@pytest.mark.parametrize("check_id, document, count, page", [
    (cid, doc, n, page) for cid, cases in EXAMPLES.items() for doc, n, page in cases])
def test_examples(check_id, document, count, page):
    check = load_checks()[check_id]()
    findings = list(check.run(document, CheckContext()))
    assert len(findings) == count
    if findings:
        assert findings[0].location.page == page
        assert all(f.check == check_id and f.message for f in findings)
