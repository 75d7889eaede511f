"""Drafts written here, exported to PDF by a real office suite (LibreOffice), for PDF-vs-.docx parity.

    python bench/office_pdfs.py          # needs soffice on PATH (LibreOffice Writer)

Writes fixtures/realworld/office/NAME.docx and NAME.pdf: ruled and borderless rosters
(IDs wrapping inside narrow cells), prose mixing Chinese with digits and Latin, a heading
right above a table. The PDFs are committed; tests read them without LibreOffice.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

OUT = Path(__file__).resolve().parent.parent / "fixtures" / "realworld" / "office"
ROSTER = [
    ("1", "赵德胜", "110105195703120013", "13911862204", "城关镇幸福路12号3栋2单元401室"),
    ("2", "钱淑芬", "110102196809254429", "15850123367", "城关镇和平街8号院5号楼1单元602室"),
    ("3", "孙建军", "440305198511020035", "18617059921", "东湖乡柳树村4组"),
    ("4", "李秀兰", "510122197212303528", "13608105436", "城关镇解放大道104号18栋4单元1633室"),
    ("5", "周小龙", "610113199608240347", "17791248850", "西城街道翠苑小区7-6-1046"),
]
HEADER = ("序号", "姓名", "身份证号码", "联系电话", "家庭住址")


def _font(document) -> None:
    style = document.styles["Normal"]
    style.font.name, style.font.size = "Noto Serif CJK SC", Pt(12)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Serif CJK SC")


def _borders(table, on: bool) -> None:
    properties = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "single" if on else "nil")
        if on:
            element.set(qn("w:sz"), "4")
        borders.append(element)
    properties.append(borders)


def roster(ruled: bool, widths: tuple[float, ...]) -> Document:
    document = Document()
    _font(document)
    document.add_heading("关于2024年度临时救助对象的公示", level=1)
    document.add_paragraph("根据有关规定，经村（居）民委员会评议、镇人民政府审核，现将拟救助对象公示如下，"
                           "公示期为7天。对公示对象有异议的，请与镇民政办联系。")
    table = document.add_table(rows=1 + len(ROSTER), cols=len(HEADER))
    _borders(table, ruled)
    for r, values in enumerate([HEADER, *ROSTER]):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.text = value
            cell.width = Cm(widths[c])
    document.add_paragraph("监督电话：0912-3286610（镇民政办）")
    return document


def prose() -> Document:
    document = Document()
    _font(document)
    document.add_heading("关于群众来信办理情况的通报", level=1)
    for text in (
        "申请人赵德胜（身份证号110105195703120013）反映其家住城关镇幸福路12号3栋2单元401室，"
        "房屋漏水问题长期未解决，联系电话13911862204。",
        "经核实，涉及的维修资金共计8.5万元，已于2024年3月15日拨付至物业服务企业ABC物业公司。",
        "来信人邮箱zhaodesheng1957@163.com，银行卡号6222020200112233446，补贴已发放。",
        "第二批次共受理申请36件，办结33件，办结率91.7%，群众满意度为98分。",
    ):
        document.add_paragraph(text)
    document.add_heading("附表：办理情况统计", level=2)
    table = document.add_table(rows=3, cols=3)
    _borders(table, True)
    for r, values in enumerate([("项目", "件数", "备注"), ("受理", "36", "含电话12件"), ("办结", "33", "")]):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    document.add_paragraph("以上情况特此通报。")
    return document


def export(documents: dict[str, Document]) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("soffice (LibreOffice) is not on PATH")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as scratch:
        for name, document in documents.items():
            path = OUT / f"{name}.docx"
            document.save(str(path))
            subprocess.run([soffice, f"-env:UserInstallation=file://{scratch}/profile", "--headless",
                            "--convert-to", "pdf", "--outdir", str(OUT), str(path)],
                           check=True, capture_output=True, timeout=300)
            print(f"{name}: {path.name} -> {name}.pdf")


def main() -> None:
    export({
        "roster-ruled": roster(True, (1.2, 1.8, 4.2, 3.0, 6.0)),
        # Narrow columns without rules: the ID and the phone wrap inside their cells.
        "roster-borderless": roster(False, (1.0, 1.6, 2.2, 2.0, 5.0)),
        "prose": prose(),
    })


if __name__ == "__main__":
    main()
