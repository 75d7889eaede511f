"""Generated rows and documents for the fields/* checks (seeded, so every run is the same).

`generated_rows()`: placeholders and look-alikes in the sentences a drafter writes.
`profile_documents(folder)`: complete and incomplete documents of every built-in
profile, in every format, each with the set of section titles and fields that
must be reported missing.
"""

from __future__ import annotations

import random
from pathlib import Path

from accuracy import Row
from builders import PdfPage, docx, pdf

SEED = 5
PLACES = ("body", "table", "header", "comment", "pdf", "txt", "md", "first-line", "textbox")
PLACEHOLDERS = ("20xx", "20XX", "201x", "201*", "20__", "XX", "xx", "××", "○○", "【请填写】", "（待补充）",
                "（待定）", "TBD", "***")
FRAMES = ("{t}年全县政务公开工作要点", "现将{t}有关情况报告如下。", "发布机构：{t}", "联系人：{t}",
          "本年度共办理{t}件", "根据{t}的统一部署", "截至{t}，已完成全部任务。", "主题分类：{t}")
LOOK_ALIKES = ("X射线", "X光", "Excel", "李某某", "张某", "3×4", "2023年", "138****5678", "XL码", "Windows X",
               "某某单位", "二〇二三年", "第20号", "X轴坐标", "B超和X线", "X染色体", "MAX值", "XML格式")
RESIDUE = ("本文原地址：", "一键复制全文", "保存为WORD", "来源：网友投稿", "分页阅读", "下面是小编整理的",
           "欢迎参考", "小编整理", "查看更多", "点击下载")


def generated_rows() -> list[Row]:
    """About 110 placeholders, 30 template leftovers and 140 look-alikes."""
    rng = random.Random(SEED)
    rows = []
    for token in PLACEHOLDERS:
        for frame in rng.sample(FRAMES, 8):
            rows.append((frozenset({"fields/placeholder"}), frame.format(t=token)))
    for phrase in RESIDUE:
        for frame in rng.sample(FRAMES, 3):
            rows.append((frozenset({"fields/template-residue"}), frame.format(t=phrase)))
    for token in LOOK_ALIKES:
        for frame in rng.sample(FRAMES, 8):
            rows.append((frozenset(), frame.format(t=token)))
    return [Row(expected, PLACES[i % len(PLACES)], text, 20_000 + i) for i, (expected, text) in enumerate(rows)]


ANNUAL_TITLE = "某某区2023年政府信息公开工作年度报告"
ANNUAL_SECTIONS = (
    ("一、总体情况", ("一、", "（一）", "1.", "第一部分", "")),
    ("二、主动公开政府信息情况", ("二、", "（二）", "2.", "第二部分", "")),
    ("三、收到和处理政府信息公开申请情况", ("三、", "（三）", "3.", "第三部分", "")),
    ("四、政府信息公开行政复议、行政诉讼情况", ("四、", "（四）", "4.", "第四部分", "")),
    ("五、存在的主要问题及改进情况", ("五、", "（五）", "5.", "第五部分", "")),
    ("六、其他需要报告的事项", ("六、", "（六）", "6.", "第六部分", "")),
)
BODY = ("本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，"
        "各项工作有序推进，全年共主动公开政府信息一千余条。")


def _annual(style: int, drop: tuple[int, ...]) -> tuple[list[tuple[str, bool]], set[str]]:
    """(paragraphs as (text, is_heading), titles that must be reported missing)."""
    paragraphs = [(ANNUAL_TITLE, True)]
    for index, (title, numbers) in enumerate(ANNUAL_SECTIONS):
        if index in drop:
            continue
        words = title.split("、", 1)[1]
        spaced = " ".join(words) if style == 4 else words  # a spaced-out heading
        paragraphs += [(numbers[style % len(numbers)] + spaced, True), (BODY, False)]
    return paragraphs, {ANNUAL_SECTIONS[i][0] for i in drop}


NOTICE = ("关于开展安全生产检查工作的通知", "某府办发〔2024〕12号", "各乡镇人民政府，县政府各部门：",
          "为切实做好安全生产工作，经研究，决定在全县范围内开展安全生产检查。请各单位认真组织实施，确保取得实效。",
          "某某县人民政府办公室", "2024年3月1日")
NOTICE_REQUIRED = {2: "主送机关", 4: "发文机关署名", 5: "成文日期"}
PAGE_FIELDS = ("索引号：11330100/2024-00012", "发布机构：某某县人民政府办公室", "成文日期：2024-03-01",
               "文号：某府办发〔2024〕12号", "主题分类：综合政务")


def _write(folder: Path, name: str, fmt: str, paragraphs: list[tuple[str, bool]], heading_style: bool) -> Path:
    path = folder / f"{name}.{fmt}"
    if fmt == "docx":
        def build(d):
            for text, heading in paragraphs:
                d.add_heading(text, level=1) if heading and heading_style else d.add_paragraph(text)
        return docx(path, build)
    if fmt == "pdf":
        return pdf(path, [PdfPage(lines=[t for t, _ in paragraphs], wrap_width=420)])
    lines = [("## " + t if h and fmt == "md" else t) for t, h in paragraphs]
    path.write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return path


def profile_documents(folder: Path) -> list[tuple[Path, set[str]]]:
    """Complete and incomplete documents of each profile in each format, with what must be missing."""
    documents = []
    for fmt in ("docx", "pdf", "txt", "md"):
        for style, drop in enumerate(((), (2,), (3, 5), (), (0,))):
            paragraphs, missing = _annual(style, drop)
            documents.append((_write(folder, f"annual-{fmt}-{style}", fmt, paragraphs, style % 2 == 0), missing))
        for index, drop in enumerate(((), (2,), (4, 5))):
            kept = [(t, False) for i, t in enumerate(NOTICE) if i not in drop]
            missing = {NOTICE_REQUIRED[i] for i in drop if i in NOTICE_REQUIRED}
            documents.append((_write(folder, f"notice-{fmt}-{index}", fmt, kept, False), missing))
        for index, drop in enumerate(((), (1, 4))):
            kept = [(t, False) for i, t in enumerate(PAGE_FIELDS) if i not in drop] + [(BODY, False)]
            missing = {PAGE_FIELDS[i].split("：")[0] for i in drop}
            documents.append((_write(folder, f"page-{fmt}-{index}", fmt, kept, False), missing))
    return documents


def evaluate_profiles() -> list[tuple[str, set[str], list[str]]]:
    """(file name, titles that must be missing, titles reported missing) for every document."""
    import tempfile

    from linter.config import Config
    from linter.engine import lint_file

    config = Config(select=("fields/missing-section", "fields/missing-field"))
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for path, missing in profile_documents(Path(tmp)):
            found = lint_file(str(path), config)
            results.append((path.name, missing, [f.match for f in found.findings]))
    return results


def report_profiles() -> None:
    """Print how many documents had exactly their missing parts reported."""
    results = evaluate_profiles()
    exact = [r for r in results if sorted(r[1]) == sorted(r[2])]
    print(f"profile documents: {len(exact)}/{len(results)} with exactly their missing sections/fields reported "
          f"({sum(not r[1] for r in results)} complete, {sum(bool(r[1]) for r in results)} incomplete)")
    for name, missing, reported in results:
        if sorted(missing) != sorted(reported):
            print(f"    {name}: expected {sorted(missing)}, reported {reported}")
