"""The data of an XFA form: what a form made in Adobe's form designer was filled in with.

An XFA form keeps its field values in the "datasets" packet, XML stored beside the pages.
A viewer without XFA shows a placeholder page, and the page's text never holds the values:
a filled application with an ID number and a phone reads as a blank form. Every value the
data holds is read, as a form field's value is.
"""

from __future__ import annotations

import ctypes

import pypdfium2.raw as pdfium_c

from linter.model import Location, Segment

_MAX_BYTES = 32 * 2**20  # no form's data is near this; a larger packet is not read whole


def xfa_values(pdf) -> tuple[list[Segment], list[str]]:
    """The field values of the form's data, and a note for a data packet that could not be read."""
    if pdfium_c.FPDF_GetFormType(pdf.raw) not in (pdfium_c.FORMTYPE_XFA_FULL, pdfium_c.FORMTYPE_XFA_FOREGROUND):
        return [], []
    from lxml import etree  # here: an XML parser is loaded for the few PDFs holding an XFA form

    from linter.extract.ooxml import XML_PARSER

    segments: list[Segment] = []
    notes: list[str] = []
    for index in range(max(pdfium_c.FPDF_GetXFAPacketCount(pdf.raw), 0)):
        if _name(pdf, index) != "datasets":
            continue
        data = _content(pdf, index)
        try:
            root = etree.fromstring(data, XML_PARSER) if data else None
        except etree.XMLSyntaxError:
            root = None
        if root is None:
            notes.append("XFA 表单的数据部分无法读取，其中填写的内容未检查")
            continue
        segments += [Segment(text.strip(), Location(part="body", detail="xfa-field"))
                     for text in root.itertext() if text.strip()]
    return segments, notes


def _name(pdf, index: int) -> str:
    size = pdfium_c.FPDF_GetXFAPacketName(pdf.raw, index, None, 0)
    buffer = ctypes.create_string_buffer(max(size, 1))
    pdfium_c.FPDF_GetXFAPacketName(pdf.raw, index, buffer, size)
    return buffer.value.decode("latin-1")


def _content(pdf, index: int) -> bytes:
    size = ctypes.c_ulong()
    if not pdfium_c.FPDF_GetXFAPacketContent(pdf.raw, index, None, 0, ctypes.byref(size)) or not size.value:
        return b""
    if size.value > _MAX_BYTES:
        return b""
    buffer = ctypes.create_string_buffer(size.value)
    pdfium_c.FPDF_GetXFAPacketContent(pdf.raw, index, buffer, size.value, ctypes.byref(size))
    return buffer.raw[:size.value]
