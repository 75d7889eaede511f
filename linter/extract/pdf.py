"""PDF: text, ruled tables, annotations and metadata, all through pdfium.

pdfium reads a page's text an order of magnitude faster than pdfplumber's
layout analysis; table cells come from the page's rules (`pdf_grid`), and text
inside a table is reported once, as cells.
"""

from __future__ import annotations

import ctypes
import logging

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from linter.extract import pdfium_plain as plain
from linter.extract.errors import EncryptedError, ExtractError
from linter.extract.links import personal_part
from linter.extract.pdf_columns import find_columns
from linter.extract.pdf_damage import damage_notes, garbled
from linter.extract.pdf_grid import SOFT_HYPHEN_RANGE, Grid, cells, find_grids
from linter.extract.pdf_layout import Line, join_lines
from linter.extract.pdf_objects import PageNotes, inspect
from linter.extract.pdf_versions import earlier_text
from linter.extract.pdf_xfa import xfa_values
from linter.model import Document, Location, Segment

_METADATA = ("Title", "Author", "Subject", "Keywords", "Creator", "Producer")
# Links (their addresses are read apart), form widgets (their values too) and popups carry no
# reviewer text of their own.
_SKIPPED_ANNOTS = {pdfium_c.FPDF_ANNOT_LINK, pdfium_c.FPDF_ANNOT_WIDGET, pdfium_c.FPDF_ANNOT_POPUP}
# A page drawing this many paths may hold a ruled table.
_TABLE_PATHS = 4
# Text objects a borderless table needs at least: a header and two rows of two columns.
_TABLE_TEXTS = 6
# A page mostly covered by images with little text: likely a scan pasted into the document.
_IMAGE_COVER, _SPARSE_TEXT = 0.5, 200
# A page without text drawing this many shapes shows text as outlines (or a drawing) a person must read.
_OUTLINED_PATHS = 50


def extract(path: str, fmt: str, data: bytes) -> Document:
    """Read a PDF's bytes into a Document."""
    pdf = _open(data)
    try:
        forms = _forms(pdf)
        count = len(pdf)
        if count == 0:
            raise ExtractError("PDF 没有任何页面 (no pages)")
        metadata = {k: v.strip() for k, v in pdf.get_metadata_dict(skip_empty=True).items()
                    if k in _METADATA and v.strip()}
        attachments = tuple(pdf.get_attachment(i).get_name() for i in range(pdf.count_attachments()))
        segments: list[Segment] = []
        empty: list[int] = []
        blank: list[int] = []
        unreadable: list[int] = []
        mostly_image: list[int] = []
        concealed: list[Segment] = []
        warnings: list[str] = []
        for number in range(1, count + 1):
            page = _load_page(pdf, number)
            try:
                page_segments, notes = _page(page, number)
                text_chars = sum(len(s.text.strip()) for s in page_segments)
                if not text_chars and _drawn(notes):
                    empty.append(number)
                elif notes.image_cover >= _IMAGE_COVER and text_chars < _SPARSE_TEXT:
                    mostly_image.append(number)
                if not notes.objects:  # nothing drawn at all: blank, or damaged (pdf_damage decides)
                    blank.append(number)
                if garbled("".join(s.text for s in page_segments)):
                    unreadable.append(number)
                concealed += _concealed(notes, number)
                segments += page_segments
                segments += _annotations(page, number, forms)
            finally:
                page.close()
        values, unread = xfa_values(pdf)
        segments += values
        damaged = damage_notes(pdf, data, blank, unreadable) + tuple(unread)
    finally:
        pdf.close()
    if data.count(b"%%EOF") > 1:  # saved incrementally: earlier versions are in the file
        segments += earlier_text(data, "".join(s.text for s in segments))
    segments += [Segment(v, Location(part="metadata", detail=k)) for k, v in metadata.items()]
    return Document(path=path, format="pdf", segments=tuple(segments), metadata=metadata,
                    pages=count, pages_without_text=tuple(empty), pages_mostly_image=tuple(mostly_image),
                    concealed=tuple(concealed), attachments=attachments, damaged=damaged,
                    warnings=tuple(warnings))


def _load_page(pdf, number: int):
    try:
        return pdf[number - 1]
    except pdfium.PdfiumError:
        raise ExtractError(f"PDF 第{number}页无法读取（页面结构损坏）(corrupt page tree)") from None


def _concealed(notes: PageNotes, number: int) -> list[Segment]:
    """One segment per page and kind of concealment, quoting the first objects found."""
    segments = []
    for why, texts in notes.concealed.items():
        more = notes.counts[why] - len(texts)
        text = "；".join(texts) + (f"……（另有 {more} 处）" if more > 0 else "")
        segments.append(Segment(text, Location(part="hidden-text", page=number, detail=why)))
    return segments


def _open(data: bytes) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise EncryptedError("PDF 已加密（需要密码），无法检查 (encrypted)") from None
        raise ExtractError("PDF 已损坏或不完整，无法打开 (corrupt or truncated)") from None


def _page(page, number: int) -> tuple[list[Segment], PageNotes]:
    textpage = page.get_textpage()
    try:
        notes = inspect(page, textpage)
        grids = find_grids(notes.paths) if len(notes.paths) >= _TABLE_PATHS else []
        if not grids and len(notes.texts) >= _TABLE_TEXTS:
            grids = [grid for grid in (find_columns(notes.texts),) if grid is not None]
        found = _body(_lines(textpage, grids), number)
        for grid in grids:
            found += cells(grid, textpage, number)
        return found, notes
    finally:
        textpage.close()


def _body(lines: list[Line], number: int) -> list[Segment]:
    return [Segment(p.text, Location(page=number, paragraph=k, line=p.first_line), p.line_starts)
            for k, p in enumerate(join_lines(lines), 1)]


def _lines(textpage, tables: list[Grid] = ()) -> list[Line]:
    """Split pdfium's page text into lines, with the right edge of each; lines in `tables` are left out."""
    text = textpage.get_text_range()
    # pdfium's text and char indices agree unless a char is outside the BMP.
    aligned = len(text) == textpage.count_chars()
    raw_textpage, reader = plain.address(textpage.raw), plain.Reader()
    lines, offset = [], 0
    for raw in text.replace(SOFT_HYPHEN_RANGE, "-").split("\r\n"):  # one character for one: offsets hold
        shown = len(raw.rstrip())
        box = reader.char_box(raw_textpage, offset + shown - 1) if aligned and shown else None
        if box is None:
            lines.append(Line(raw))
        else:
            left, bottom, right, top = box
            x, y = (left + right) / 2, (bottom + top) / 2
            inside = False
            for table in tables:  # a loop, not any(): a generator for each line cost a third of the walk
                if table.contains(x, y):
                    inside = True
                    break
            # A table's text is reported once, as its cells: its lines need no font size.
            font = None if inside else plain.char_font_size(raw_textpage, offset + shown - 1) or None
            lines.append(Line("" if inside else raw, right, right - left, font))
        offset += len(raw) + 2
    return lines


def _drawn(notes: PageNotes) -> bool:
    """A page without text that shows an image (a scan) or many shapes (text turned to outlines).

    A few rules or a frame, or nothing at all, is a blank page: nothing there to check.
    """
    return notes.image_cover > 0 or len(notes.paths) >= _OUTLINED_PATHS


def _forms(pdf):
    """The form-filling handle of a PDF with a form (its fields' values need it), or None."""
    if pdfium_c.FPDF_GetFormType(pdf.raw) == pdfium_c.FORMTYPE_NONE:
        return None
    library = logging.getLogger("pypdfium2")
    level = library.level
    # An XFA form makes the library log that it cannot lay it out; its data is read (pdf_xfa).
    library.setLevel(logging.ERROR)
    try:
        pdf.init_forms()  # before any page is loaded, as pdfium asks
        return pdf.formenv.raw
    except (pdfium.PdfiumError, AttributeError):
        return None
    finally:
        library.setLevel(level)


def _field_value(forms, annot) -> str:
    """A form field's value: through the form handle (a field's value may sit in its parent), else /V."""
    if forms is None:
        return _annot_string(annot, b"V")
    size = pdfium_c.FPDFAnnot_GetFormFieldValue(forms, annot, None, 0)
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    pdfium_c.FPDFAnnot_GetFormFieldValue(forms, annot, ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR)), size)
    return buffer.raw[:size - 2].decode("utf-16-le", errors="replace")


def _annotations(page, number: int, forms=None) -> list[Segment]:
    segments = []
    for i in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
        annot = pdfium_c.FPDFPage_GetAnnot(page.raw, i)
        try:
            kind = pdfium_c.FPDFAnnot_GetSubtype(annot)
            if kind == pdfium_c.FPDF_ANNOT_WIDGET:
                # A filled form field shows its value on the page, but not in the text layer.
                value = _field_value(forms, annot)
                if value.strip():
                    segments.append(Segment(value, Location(part="body", page=number, detail="form-field")))
            elif kind == pdfium_c.FPDF_ANNOT_LINK:
                personal = personal_part(_link_address(page, annot))
                if personal:
                    segments.append(Segment(personal, Location(part="metadata", page=number, detail="link")))
            if kind in _SKIPPED_ANNOTS:
                continue
            text = _annot_string(annot, b"Contents")
            if text.strip():
                author = _annot_string(annot, b"T") or None
                segments.append(Segment(text, Location(part="annotation", page=number, detail=author)))
        finally:
            pdfium_c.FPDFPage_CloseAnnot(annot)
    return segments


def _link_address(page, annot) -> str:
    """The address a link annotation opens (a URI action), or ""."""
    link = pdfium_c.FPDFAnnot_GetLink(annot)
    action = pdfium_c.FPDFLink_GetAction(link) if link else None
    if not action or pdfium_c.FPDFAction_GetType(action) != pdfium_c.PDFACTION_URI:
        return ""
    size = pdfium_c.FPDFAction_GetURIPath(page.pdf.raw, action, None, 0)
    if size <= 1:
        return ""
    buffer = ctypes.create_string_buffer(size)
    pdfium_c.FPDFAction_GetURIPath(page.pdf.raw, action, buffer, size)
    return buffer.raw[:size - 1].decode("utf-8", errors="replace")


def _annot_string(annot, key: bytes) -> str:
    size = pdfium_c.FPDFAnnot_GetStringValue(annot, key, None, 0)
    if size <= 2:
        return ""
    buffer = ctypes.create_string_buffer(size)
    pointer = ctypes.cast(buffer, ctypes.POINTER(pdfium_c.FPDF_WCHAR))
    pdfium_c.FPDFAnnot_GetStringValue(annot, key, pointer, size)
    return buffer.raw[:size - 2].decode("utf-16-le", errors="replace")
