"""The statistics tables of the annual report template (国办公开办函〔2021〕30号), as data.

Rows are recognised by a phrase of their label, after numbering and punctuation are
stripped (1.属于国家秘密, 1、属于国家秘密 and 属于国家秘密 are one row); a few short labels
(其他, 总计) are told apart by the group they sit under.
"""

from __future__ import annotations

from dataclasses import dataclass

# 表三's value columns, left to right: the applicant kinds, then their total.
APPLICANTS = ("自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
COLUMNS = (*APPLICANTS, "总计")


@dataclass(frozen=True)
class Row:
    """One row of 表三: its key, the label a reviewer knows it by, the phrase that finds it."""

    key: str
    label: str
    phrase: str
    group: str | None = None  # the group it must sit under, when its phrase is ambiguous
    aliases: tuple[str, ...] = ()  # other phrases published tables shorten the label to


ROWS = (
    Row("new", "一、本年新收政府信息公开申请数量", "本年新收"),
    Row("carried", "二、上年结转政府信息公开申请数量", "上年结转"),
    Row("open", "（一）予以公开", "予以公开"),
    Row("partial", "（二）部分公开", "部分公开"),
    Row("deny-1", "（三）1.属于国家秘密", "国家秘密"),
    Row("deny-2", "（三）2.其他法律行政法规禁止公开", "禁止公开"),
    Row("deny-3", "（三）3.危及“三安全一稳定”", "三安全一稳定"),
    Row("deny-4", "（三）4.保护第三方合法权益", "第三方合法权益"),
    Row("deny-5", "（三）5.属于三类内部事务信息", "内部事务"),
    Row("deny-6", "（三）6.属于四类过程性信息", "过程性信息"),
    Row("deny-7", "（三）7.属于行政执法案卷", "行政执法案卷"),
    Row("deny-8", "（三）8.属于行政查询事项", "行政查询事项"),
    Row("unable-1", "（四）1.本机关不掌握相关政府信息", "不掌握"),
    Row("unable-2", "（四）2.没有现成信息需要另行制作", "另行制作"),
    Row("unable-3", "（四）3.补正后申请内容仍不明确", "仍不明确"),
    Row("refuse-1", "（五）1.信访举报投诉类申请", "信访举报投诉"),
    Row("refuse-2", "（五）2.重复申请", "重复申请"),
    Row("refuse-3", "（五）3.要求提供公开出版物", "公开出版物"),
    Row("refuse-4", "（五）4.无正当理由大量反复申请", "大量反复"),
    Row("refuse-5", "（五）5.要求行政机关确认或重新出具已获取信息", "重新出具"),
    # The 2019 format (国办公开办函〔2019〕60号) has （六）其他处理 as one row, without items.
    Row("other", "（六）其他处理", "其他处理"),
    Row("other-1", "（六）1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "逾期不补正"),
    Row("other-2", "（六）2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "缴纳费用",
        aliases=("缴费",)),  # 2.逾期不缴费, as some reports shorten it
    Row("other-3", "（六）3.其他", "其他", group="其他处理"),
    Row("total", "（七）总计", "总计", group="其他处理"),
    Row("next", "四、结转下年度继续办理", "结转下年度"),
)
BY_KEY = {row.key: row for row in ROWS}
# The group labels rows of the result block sit under.
GROUPS = ("予以公开", "部分公开", "不予公开", "无法提供", "不予处理", "其他处理")
RESULTS = tuple(row.key for row in ROWS if row.key not in ("new", "carried", "total", "next", "other"))
# The same results in the 2019 format.
RESULTS_2019 = (*(key for key in RESULTS if not key.startswith("other-")), "other")

# 表四: 行政复议, then 行政诉讼 未经复议直接起诉 and 复议后起诉, each five columns.
REVIEW_GROUPS = ("行政复议", "未经复议直接起诉", "复议后起诉")
REVIEW_RESULTS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
