"""One publicity roster written in every format the linter reads, for cross-format tests.

The visible columns are masked as a publisher should; the last column holds the full ID
numbers and is hidden (a hidden column in Excel, hidden text in Word, …), the classic
leak of a roster prepared from the case files.
"""

from __future__ import annotations

from pathlib import Path

from builders import add_run, docx
from reports import findings

TITLE = "2024年度临时救助对象公示名单"
HEADER = ["序号", "姓名", "身份证号", "联系电话", "家庭住址", "核对用身份证号"]
ROWS = [
    ["1", "张建国", "1101**********7657", "13905710246", "城南路18号3幢2单元501室", "110105199003077657"],
    ["2", "李秀兰", "3205**********4317", "139****8888", "解放路99弄7号302室", "320506198507124317"],
    ["3", "王*", "3301**********1234", "138****5678", "某街道", ""],
]
HIDDEN_COL = 6


def pii_findings(path: Path) -> list[tuple[str, str]]:
    """(check, masked match) of every personal-data finding, sorted: what must agree across formats."""
    return sorted((f["check"], f["match"]) for f in findings(path, "--select", "pii"))


def roster_docx(path: Path) -> Path:
    """The roster as a Word table under its title, the last column's text hidden (w:vanish)."""
    def build(d):
        d.add_paragraph(TITLE)
        table = d.add_table(rows=len(ROWS) + 1, cols=len(HEADER))
        for r, values in enumerate([HEADER, *ROWS]):
            for c, value in enumerate(values):
                if c + 1 == HIDDEN_COL:
                    add_run(table.cell(r, c).paragraphs[0], value, hidden=True)
                else:
                    table.cell(r, c).text = value
    return docx(path, build)


def roster_xlsx(path: Path) -> Path:
    """The roster as an Excel sheet under a title row, the last column hidden."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "公示名单"
    sheet.append([TITLE])
    for values in [HEADER, *ROWS]:
        sheet.append(values)
    sheet.column_dimensions["F"].hidden = True
    book.save(path)
    return path


def roster_html(path: Path, encoding: str = "utf-8") -> Path:
    """The roster as a web page's table, the last column's cells styled display:none."""
    def row(values, tag):
        cells = []
        for c, value in enumerate(values, 1):
            style = ' style="display: none"' if c == HIDDEN_COL else ""
            cells.append(f"<{tag}{style}>{value}</{tag}>")
        return "<tr>" + "".join(cells) + "</tr>"
    rows = "\n".join([row(HEADER, "th"), *(row(values, "td") for values in ROWS)])
    page = (f'<!DOCTYPE html>\n<html><head><meta charset="{encoding}"><title>{TITLE}</title></head>\n'
            f"<body>\n<h1>{TITLE}</h1>\n<table>\n{rows}\n</table>\n</body></html>\n")
    path.write_bytes(page.encode(encoding))
    return path


def roster_ofd(path: Path) -> Path:
    """The roster as an OFD page laid out as a borderless table, the last column in white."""
    from builders import OfdText, ofd

    columns = (10, 22, 40, 85, 115, 165)
    items = [OfdText(20, 20, TITLE)]
    for r, values in enumerate([HEADER, *ROWS]):
        items += [OfdText(x, 35 + 8 * r, value, white=c + 1 == HIDDEN_COL, size=3)
                  for c, (x, value) in enumerate(zip(columns, values, strict=True)) if value]
    return ofd(path, [items])


WORDML_NS = ('xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml" '
             'xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint" '
             'xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:aml="http://schemas.microsoft.com/aml/2001/core"')


def wordml(body: str, properties: str = "") -> str:
    """A Word 2003 XML document around `body` (the XML inside w:body's section), as Word saves it."""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n'
            f'<w:wordDocument {WORDML_NS}><o:DocumentProperties>{properties}</o:DocumentProperties>'
            '<w:styles><w:style w:type="paragraph" w:default="on" w:styleId="a"><w:name w:val="Normal"/></w:style>'
            f"</w:styles><w:body><wx:sect>{body}<w:sectPr/></wx:sect></w:body></w:wordDocument>")


def roster_wordml(path: Path) -> Path:
    """The roster as a system fills a Word 2003 XML template and hands it out as .doc, the last column hidden."""
    def cell(value: str, hidden: bool) -> str:
        props = "<w:rPr><w:vanish/></w:rPr>" if hidden else ""
        return f"<w:tc><w:p><w:r>{props}<w:t>{value}</w:t></w:r></w:p></w:tc>"
    rows = "".join("<w:tr>" + "".join(cell(v, c == HIDDEN_COL) for c, v in enumerate(values, 1)) + "</w:tr>"
                   for values in [HEADER, *ROWS])
    path = path.with_suffix(".doc")
    path.write_text(wordml(f"<w:p><w:r><w:t>{TITLE}</w:t></w:r></w:p><w:tbl>{rows}</w:tbl>"), encoding="utf-8")
    return path


def roster_mht(path: Path) -> Path:
    """The roster's web page saved as a single-file web page (quoted-printable, GBK), as Word saves .mht."""
    import quopri

    page = roster_html(path.with_suffix(".htm"), encoding="gbk").read_bytes()
    body = quopri.encodestring(page).decode("ascii")
    mime = ("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"----=_NextPart_01DB\"\r\n\r\n"
            "此文档为“单个文件网页”。\r\n\r\n------=_NextPart_01DB\r\nContent-Location: file:///C:/D3F1/名单.htm\r\n"
            "Content-Transfer-Encoding: quoted-printable\r\nContent-Type: text/html; charset=\"gb2312\"\r\n\r\n"
            f"{body}\r\n------=_NextPart_01DB\r\nContent-Location: file:///C:/D3F1/名单.files/image001.png\r\n"
            "Content-Transfer-Encoding: base64\r\nContent-Type: image/png\r\n\r\niVBORw0KGgo=\r\n"
            "------=_NextPart_01DB--\r\n")
    path = path.with_suffix(".mht")
    path.write_bytes(mime.encode("gbk"))
    return path


def roster_html_as_xls(path: Path) -> Path:
    """The roster's web page as systems export "Excel": an HTML table under the name .xls."""
    page = roster_html(path.with_suffix(".htm"), encoding="gbk").read_bytes()
    path = path.with_suffix(".xls")
    path.write_bytes(page)
    return path
