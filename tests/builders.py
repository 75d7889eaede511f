"""Build .docx and .pdf test inputs in code, so every fixture says what it holds."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

FONT = "STSong-Light"


@dataclass
class PdfPage:
    """What to draw on one PDF page: text lines, a ruled table, a scan, a note."""

    lines: list[str] = field(default_factory=list)
    table: list[list[str]] | None = None
    scan: bool = False
    annotation: tuple[str, str] | None = None  # (text, author)
    wrap_width: float = 0  # wrap lines at this width in points, as a layout would (0: no wrap)


def pdf(path: Path, pages: list[PdfPage], author: str | None = None) -> Path:
    """Write a PDF with a CJK text layer (reportlab's built-in CID font, no font file)."""
    from reportlab.lib import colors
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    from reportlab.platypus import Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    c = canvas.Canvas(str(path))
    if author:
        c.setAuthor(author)
    for page in pages:
        y = 780
        c.setFont(FONT, 12)
        for line in page.lines:
            for piece in _wrap(line, page.wrap_width):
                c.drawString(72, y, piece)
                y -= 16
            y -= 8
        if page.table:
            table = Table(page.table)
            table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 10),
                                       ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
            _, height = table.wrapOn(c, 450, 600)
            table.drawOn(c, 72, y - height - 10)
        if page.scan:
            c.drawImage(_scan_image(), 72, 300, width=400, height=400)
        if page.annotation:
            text, author_name = page.annotation
            from reportlab.pdfbase.pdfdoc import PDFString

            c.textAnnotation(text, Rect=(400, 700, 420, 720), relative=0, T=PDFString(author_name))
        c.showPage()
    c.save()
    return path


def _wrap(line: str, width: float) -> list[str]:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    pieces, current = [], ""
    for char in line:
        if width and current and stringWidth(current + char, FONT, 12) > width:
            pieces.append(current)
            current = ""
        current += char
    return [*pieces, current]


def _scan_image():
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    image = Image.new("L", (200, 200), 255)
    ImageDraw.Draw(image).rectangle((20, 20, 180, 60), fill=0)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    buffer.seek(0)
    return ImageReader(buffer)


# --- .docx ------------------------------------------------------------------

def docx(path: Path, build) -> Path:
    """Create a .docx: `build(document)` adds content with python-docx and the helpers below."""
    document = WordDocument()
    build(document)
    document.save(str(path))
    return path


def add_run(paragraph, text: str, *, deleted: bool = False, inserted: bool = False,
            hidden: bool = False):
    """Append a run that is a tracked deletion/insertion or hidden (w:vanish)."""
    run = paragraph.add_run(text)
    if hidden:
        run.font.hidden = True
    if deleted or inserted:
        r = run._r
        if deleted:
            for t in r.findall(qn("w:t")):
                t.tag = qn("w:delText")
        wrapper = OxmlElement("w:del" if deleted else "w:ins")
        wrapper.set(qn("w:id"), str(id(run) % 10000))
        wrapper.set(qn("w:author"), "审稿人")
        r.addprevious(wrapper)
        wrapper.append(r)
    return run


def add_comment(document, paragraph, text: str, author: str = "王科长"):
    """Attach a Word comment to the whole paragraph."""
    comment = document.add_comment(paragraph.runs, text=text, author=author)
    return comment


def add_textbox(paragraph, text: str) -> None:
    """Append a VML text box, wrapped as Word writes it (mc:Choice + mc:Fallback)."""
    xml = (
        '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
        'xmlns:v="urn:schemas-microsoft-com:vml" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
        '</w:txbxContent></wps:txbx></w:drawing></mc:Choice>'
        f'<mc:Fallback><w:pict><v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p>'
        '</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent>'
    )
    from lxml import etree

    run = paragraph.add_run()
    run._r.append(etree.fromstring(xml))


def add_footnote_part(path: Path, text: str) -> None:
    """Add a footnotes part holding one note (python-docx has no API for it)."""

    note = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:footnotes xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        f'<w:footnote w:id="1"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote>'
        '</w:footnotes>'
    )
    _add_part(path, "word/footnotes.xml", note.encode("utf-8"))


def _add_part(path: Path, name: str, data: bytes) -> None:
    import zipfile

    buffer = io.BytesIO(path.read_bytes())
    with zipfile.ZipFile(buffer, "a") as zf:
        zf.writestr(name, data)
    path.write_bytes(buffer.getvalue())


def add_field(paragraph, instruction: str, shown: str) -> None:
    """Add a complex field as Word writes it, its instruction split over two runs as Word often does."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    half = len(instruction) // 2
    pieces = [("begin", None), ("instr", instruction[:half]), ("instr", instruction[half:]),
              ("separate", None), ("text", shown), ("end", None)]
    for kind, text in pieces:
        run = OxmlElement("w:r")
        if kind == "instr":
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = text
        elif kind == "text":
            element = OxmlElement("w:t")
            element.text = text
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run.append(element)
        paragraph._p.append(run)


def add_hyperlink(paragraph, url: str, shown: str) -> None:
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    link.append(run)
    paragraph._p.append(link)


def nested_table(cell, rows: list[list[str]]) -> None:
    """Put a table inside a table cell."""
    inner = cell.add_table(rows=len(rows), cols=len(rows[0]))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            inner.cell(r, c).text = value






def concealing_pdf(path: Path) -> Path:
    """A PDF hiding text every way a reader cannot see: under a black box, white, tiny,
    off the page; and a second page that is mostly a pasted scan."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    c = canvas.Canvas(str(path))
    c.setFont(FONT, 12)
    c.drawString(72, 750, "可见的正文。")
    c.drawString(72, 720, "申请人王小明，手机13812345678")
    c.rect(150, 715, 150, 18, fill=1, stroke=0)  # black, drawn over the line above
    c.setFillColorRGB(1, 1, 1)
    c.drawString(72, 690, "白色隐藏文字")
    c.setFillColorRGB(0, 0, 0)
    c.setFont(FONT, 0.5)
    c.drawString(72, 660, "极小字号文字")
    c.setFont(FONT, 12)
    c.drawString(-500, 600, "页面外文字")
    c.setFillColorRGB(0.2, 0.2, 0.6)
    c.rect(72, 500, 200, 20, fill=1, stroke=0)  # a dark banner with text drawn on top: visible
    c.setFillColorRGB(1, 1, 1)
    c.drawString(80, 505, "横幅标题")
    c.showPage()
    c.drawImage(_scan_image(), 0, 0, width=595, height=700)
    c.setFont(FONT, 12)
    c.drawString(72, 780, "附件扫描件")
    c.showPage()
    c.save()
    return path


# --- .ofd -------------------------------------------------------------------

OFD_NS = 'xmlns:ofd="http://www.ofdspec.org/2016"'


@dataclass
class OfdText:
    """A line of text on an OFD page, at (x, y) mm; white for text drawn in the page's colour."""

    x: float
    y: float
    text: str
    white: bool = False
    size: float = 4


def ofd(path: Path, pages: list[list[OfdText]], author: str | None = None,
        annotation: tuple[int, str, str] | None = None, attachment: str | None = None,
        signed: bool = False, link: tuple[int, str] | None = None) -> Path:
    """Write an OFD package laid out as GB/T 33190-2016 prescribes (OFD.xml, Doc_0/, Pages/, Annots/…).

    `annotation` is (page number, author, remark); `link` (page number, URI) makes the page's
    first text a link, as a click action (Actions/Action/URI).
    """
    import zipfile
    from xml.sax.saxutils import escape

    def text_object(n: int, item: OfdText, uri: str | None = None) -> str:
        fill = '<ofd:FillColor Value="255 255 255"/>' if item.white else ""
        if uri:
            fill = (f'<ofd:Actions><ofd:Action Event="CLICK"><ofd:URI URI="{escape(uri, {chr(34): "&quot;"})}"/>'
                    f"</ofd:Action></ofd:Actions>{fill}")
        return (f'<ofd:TextObject ID="{n}" Boundary="{item.x} {item.y - item.size} 170 6" Font="1" '
                f'Size="{item.size}">{fill}<ofd:TextCode X="0" Y="{item.size}">{escape(item.text)}</ofd:TextCode>'
                "</ofd:TextObject>")

    parts = {}
    info = f"<ofd:Author>{escape(author)}</ofd:Author>" if author else ""
    signatures = "<ofd:Signatures>Doc_0/Signs/Signatures.xml</ofd:Signatures>" if signed else ""
    parts["OFD.xml"] = (f'<ofd:OFD {OFD_NS} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>'
                        f"<ofd:DocID>0</ofd:DocID>{info}</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>"
                        f"{signatures}</ofd:DocBody></ofd:OFD>")
    page_list = "".join(f'<ofd:Page ID="{100 + i}" BaseLoc="Pages/Page_{i}/Content.xml"/>' for i in range(len(pages)))
    extras = "<ofd:Annotations>Annots/Annotations.xml</ofd:Annotations>" if annotation else ""
    extras += "<ofd:Attachments>Attachs/Attachments.xml</ofd:Attachments>" if attachment else ""
    parts["Doc_0/Document.xml"] = (f'<ofd:Document {OFD_NS}><ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID>'
                                   "<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
                                   f"</ofd:CommonData><ofd:Pages>{page_list}</ofd:Pages>{extras}</ofd:Document>")
    for i, items in enumerate(pages):
        uri = link[1] if link and link[0] == i + 1 else None
        objects = "".join(text_object(n, item, uri if n == 1 else None) for n, item in enumerate(items, 1))
        parts[f"Doc_0/Pages/Page_{i}/Content.xml"] = (f"<ofd:Page {OFD_NS}><ofd:Content><ofd:Layer ID=\"1\">"
                                                      f"{objects}</ofd:Layer></ofd:Content></ofd:Page>")
    if annotation:
        page, creator, remark = annotation
        parts["Doc_0/Annots/Annotations.xml"] = (f'<ofd:Annotations {OFD_NS}><ofd:Page PageID="{99 + page}">'
                                                 "<ofd:FileLoc>Page_0/Annotation.xml</ofd:FileLoc></ofd:Page>"
                                                 "</ofd:Annotations>")
        parts["Doc_0/Annots/Page_0/Annotation.xml"] = (f'<ofd:PageAnnot {OFD_NS}><ofd:Annot ID="1" Type="Highlight" '
                                                       f'Creator="{escape(creator)}"><ofd:Remark>{escape(remark)}'
                                                       "</ofd:Remark></ofd:Annot></ofd:PageAnnot>")
    if attachment:
        parts["Doc_0/Attachs/Attachments.xml"] = (f'<ofd:Attachments {OFD_NS}><ofd:Attachment ID="1" '
                                                  f'Name="{escape(attachment)}"><ofd:FileLoc>a.bin</ofd:FileLoc>'
                                                  "</ofd:Attachment></ofd:Attachments>")
    if signed:
        parts["Doc_0/Signs/Signatures.xml"] = (f'<ofd:Signatures {OFD_NS}><ofd:Signature ID="1" Type="Seal" '
                                               'BaseLoc="Sign_0/Signature.xml"/></ofd:Signatures>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, xml in parts.items():
            zf.writestr(name, '<?xml version="1.0" encoding="UTF-8"?>' + xml)
    return path


def ofd_raw(path: Path, page: str, common: str = "", parts: dict[str, tuple[str, str]] | None = None,
            namespace: str = "http://www.ofdspec.org/2016", after_pages: str = "") -> Path:
    """A one-page OFD whose page part holds `page` (the XML inside <ofd:Page>), as real writers lay it out.

    `common` goes into Document.xml's CommonData (TemplatePage, DocumentRes …); `parts` are
    further parts by name under Doc_0/, each (root element, the XML inside it); `namespace` is
    what every part declares (early writers leave out the /2016); `after_pages` follows the page
    list in Document.xml (<ofd:Annotations>…).
    """
    import zipfile

    ns = f'xmlns:ofd="{namespace}"'
    files = {
        "OFD.xml": f'<ofd:OFD {ns} Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>0</ofd:DocID>'
                   "</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        "Doc_0/Document.xml": f"<ofd:Document {ns}><ofd:CommonData><ofd:MaxUnitID>999</ofd:MaxUnitID>"
                              "<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
                              f'{common}</ofd:CommonData><ofd:Pages><ofd:Page ID="100" '
                              f'BaseLoc="Pages/Page_0/Content.xml"/></ofd:Pages>{after_pages}</ofd:Document>',
        "Doc_0/Pages/Page_0/Content.xml": f"<ofd:Page {ns}>{page}</ofd:Page>",
    }
    for name, (root, body) in (parts or {}).items():
        files[f"Doc_0/{name}"] = f"<ofd:{root} {ns}>{body}</ofd:{root}>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, xml in files.items():
            zf.writestr(name, '<?xml version="1.0" encoding="UTF-8"?>' + xml)
    return path


def xfa_pdf(path: Path, datasets: str) -> Path:
    """A PDF whose form is XFA: a placeholder page, and the filled values in the datasets packet."""
    page_text = b"BT /F1 12 Tf 72 720 Td (Please wait: this form needs an XFA viewer.) Tj ET"
    packet = datasets.encode("utf-8")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [] /XFA [(datasets) 5 0 R] >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(page_text), page_text),
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(packet), packet),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path
