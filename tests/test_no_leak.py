"""With masking on (the default), no personal datum a document holds appears in clear anywhere:
any report format and field, suppressed findings, statistics, baselines, cache files, fingerprints."""

import hashlib
import itertools
import json
import re
from pathlib import Path

import pytest
from builders import add_comment, add_run, docx

from linter.report import RENDERERS

NAME = "王小明"
ID = "110105199003077657"
MOBILE = "13912346578"
LANDLINE = "010-68794213"
ADDRESS = "城南路12号3幢401室"
EMAIL = "wangxiaoming1990@163.com"
CARD = "6222020200112233446"
LINE = (f"申请人{NAME}，身份证号{ID}，手机{MOBILE}，家庭电话{LANDLINE}，家住{ADDRESS}，"
        f"邮箱{EMAIL}，银行卡号{CARD}")
SECRETS = [NAME, ID, MOBILE, LANDLINE, ADDRESS, EMAIL, CARD, "wangxiaoming1990", "12号3幢401"]


def _digit_runs(value: str) -> set[str]:
    digits = re.sub(r"\D", "", value)
    return {digits[i:i + 7] for i in range(len(digits) - 6)}


RUNS = set().union(*(_digit_runs(v) for v in (ID, MOBILE, LANDLINE, CARD)))


def assert_nothing_in_clear(text: str, where: str) -> None:
    squeezed = re.sub(r"[\s\-－]", "", text)
    for secret in SECRETS:
        assert secret not in text, f"{secret} in clear in {where}"
    leaked = [run for run in RUNS if run in squeezed]
    assert not leaked, f"digits {leaked} in clear in {where}"


@pytest.fixture
def draft(tmp_path):
    def build(d):
        d.add_paragraph(LINE)
        d.add_paragraph("附表：")
        table = d.add_table(rows=2, cols=3)
        for col, (head, value) in enumerate([("姓名", NAME), ("身份证号", ID), ("联系电话", MOBILE)]):
            table.cell(0, col).text, table.cell(1, col).text = head, value
        p = d.add_paragraph("核对情况：")
        add_comment(d, p, LINE, author=NAME)
        add_run(p, f"原稿：申请人{NAME}的手机{MOBILE}", deleted=True)
        add_run(p, f"内部备注：身份证号{ID}", hidden=True)
        d.core_properties.author = NAME
        d.core_properties.last_modified_by = NAME
        d.core_properties.title = f"申请人{NAME}的手机{MOBILE}"
        d.core_properties.keywords = CARD
        # A number cut by the edge of a context window, far from any context word.
        d.add_paragraph("甲" * 15 + "编号" + ID + "乙" * 30)
        # A number no check reports (its check digit is wrong), cut by another finding's window.
        d.add_paragraph(f"手机{MOBILE}，备注编号{ID[:-1]}3，其余略")
        # Findings of other families beside personal data: their contexts show it.
        d.add_paragraph(f"填报日期：20XX年X月X日，联系人{NAME}，手机{MOBILE}，身份证号{ID}，（内部资料 注意保存）")

    folder = tmp_path / "drafts"
    folder.mkdir()
    docx(folder / "名单.docx", build)
    # An inline ignore naming no check (here a number typed by mistake) is reported as a note.
    # A workbook: a sheet named after the person, a hidden column, a note by them.
    import openpyxl
    from openpyxl.comments import Comment

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = f"{NAME}{MOBILE}"
    sheet.append(["姓名", "身份证号", "备注"])
    sheet.append([NAME, ID, LINE])
    sheet.column_dimensions["C"].hidden = True
    sheet["A2"].comment = Comment(LINE, NAME)
    book.save(folder / "名单.xlsx")
    # A web page: the person in a comment, a hidden element and a script.
    (folder / "名单.html").write_text(f"<html><body><p>公示</p><!-- {LINE} --><div hidden>{LINE}</div>"
                                      f"<script>var a = '{LINE}';</script></body></html>", encoding="utf-8")
    (folder / "名单.md").write_text(f"# 名单\n\n<!-- disclosure-lint: ignore pii/mobile -->\n{LINE}\n{LINE}\n"
                                    f"<!-- disclosure-lint: ignore {MOBILE} -->\n{LINE}\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("fmt", sorted(RENDERERS))
def test_no_report_format_shows_personal_data(cli, draft, tmp_path, fmt):
    result = cli("check", "--format", fmt, "--show-suppressed", "--statistics", "--jobs", "1",
                 "--cache-dir", str(tmp_path / "cache"), "--write-baseline", str(tmp_path / "baseline.json"),
                 str(draft))
    assert result.exit_code == 1, result.output
    assert_nothing_in_clear(result.stdout, fmt)
    assert_nothing_in_clear(result.stderr, f"{fmt} (stderr)")
    assert_nothing_in_clear((tmp_path / "baseline.json").read_text(encoding="utf-8"), "baseline")
    entries = list((tmp_path / "cache").rglob("*.json"))
    assert len(entries) == 4
    for entry in entries:
        assert_nothing_in_clear(entry.read_text(encoding="utf-8"), "cache")
    again = cli("check", "--format", fmt, "--show-suppressed", "--cache-dir", str(tmp_path / "cache"), str(draft))
    assert again.stdout == result.stdout  # from the cache, the same report


@pytest.mark.parametrize("selected", ["hidden", "fields,secrecy", "pii/table"])
def test_contexts_are_masked_whichever_checks_run(cli, draft, selected):
    result = cli("check", "--format", "json", "--select", selected, "--show-suppressed", str(draft))
    assert json.loads(result.stdout)["findings"]
    assert_nothing_in_clear(result.stdout, f"--select {selected}")


def test_the_findings_still_say_what_they_found(cli_json, draft):
    code, report = cli_json(str(draft))
    checks = {f["check"] for f in report["findings"]}
    assert {"pii/id-card", "pii/mobile", "pii/landline", "pii/address", "pii/email", "pii/bank-card",
            "pii/person-name", "pii/table", "hidden/comment", "hidden/metadata"} <= checks
    contexts = [f["context"] for f in report["findings"] if f["check"] == "pii/mobile"]
    assert any("139****6578" in c for c in contexts)


def test_no_mask_shows_the_data_when_asked(cli_json, draft):
    code, report = cli_json("--no-mask", str(draft))
    text = json.dumps(report, ensure_ascii=False)
    assert ID in text and NAME in text and MOBILE in text


def test_what_dask_workers_return_is_masked(draft):
    from linter.config import Config
    from linter.dask_executor import lint_shipped

    payloads = [(str(p), p.name, p.read_bytes(), None) for p in sorted(draft.iterdir())]
    for result in lint_shipped(payloads, Config()):
        assert result.findings
        for f in result.findings:
            assert_nothing_in_clear(f"{f.match} {f.context} {f.message} {f.location}", "dask")


def test_no_fingerprint_gives_back_the_masked_digits(cli, draft, tmp_path):
    """Every fingerprint, in SARIF and in the baseline, tried against every value the mask could hide."""
    sarif = json.loads(cli("check", "--format", "sarif", str(draft)).stdout)
    prints = {p for r in sarif["runs"][0]["results"] for p in r["partialFingerprints"].values()}
    cli("check", "--write-baseline", str(tmp_path / "b.json"), str(draft))
    baseline = json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))
    prints |= {e["fingerprint"] for e in baseline["findings"]}
    assert prints

    def candidates(shown: str):
        """Every value the masked form could stand for."""
        template = shown.replace("*", "{}")
        for digits in itertools.product("0123456789", repeat=shown.count("*")):
            yield template.format(*digits)

    def hashes(value: str):
        for text in (value, f"pii/mobile|{value}", f"pii/id-card|{value}"):
            full = hashlib.sha256(text.encode()).hexdigest()
            yield from (full, full[:16])

    mobile_guesses = {h for v in candidates("139****6578") for h in hashes(v)}
    assert MOBILE in set(candidates("139****6578"))
    assert not prints & mobile_guesses
    for entry in baseline["findings"]:  # the same, salted with what a baseline entry names
        for n in (1, 2):
            nested = {hashlib.sha256(f"{entry['check']}|{h}|{entry['path']}|{n}".encode()).hexdigest()[:16]
                      for v in candidates("139****6578") for h in hashes(v) if len(h) == 16}
            assert entry["fingerprint"] not in nested
    # An ID hides 10 characters; its birth date and check digit narrow that to ~10^5 guesses.
    id_guesses = set()
    for day in range(1, 32):
        for order in range(1000):
            body = f"1101051990{3:02d}{day:02d}{order:03d}"
            for check in "0123456789X":
                id_guesses.update(hashes(body + check))
    assert hashlib.sha256(ID.encode()).hexdigest()[:16] in id_guesses  # the search would find it
    assert not prints & id_guesses


def test_the_unknown_id_note_masks_what_was_typed(cli_json, draft):
    _, report = cli_json(str(draft / "名单.md"))
    notes = report["files"][0]["warnings"]
    assert any("未知的检查 id" in n for n in notes)
    assert_nothing_in_clear(" ".join(notes), "inline-ignore note")


def test_annotate_and_redact_show_no_personal_data(cli, draft, tmp_path):
    import zipfile

    from lxml import etree

    annotated = cli("annotate", draft / "名单.docx", "-o", tmp_path / "批注版.docx")
    assert annotated.exit_code == 0, annotated.output
    assert_nothing_in_clear(annotated.output, "annotate printout")
    root = etree.fromstring(zipfile.ZipFile(tmp_path / "批注版.docx").read("word/comments.xml"))
    ours = ["".join(c.itertext()) for c in root if c.get(f"{W}author") == "disclosure-lint"]
    assert len(ours) >= 10
    assert_nothing_in_clear("\n".join(ours), "annotate comments")
    redacted = cli("clean", "--redact", draft / "名单.docx", "-o", tmp_path / "遮盖版.docx")
    assert redacted.exit_code == 0 and "已遮盖个人信息" in redacted.output
    assert_nothing_in_clear(redacted.output, "redact printout")


W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


# Saved by LibreOffice (fixtures/formats/make.py): comments, hidden text and hidden columns in every
# binary and ODF format; an OFD with an author, an annotation's creator and white text.
SAVED = Path(__file__).resolve().parent.parent / "fixtures" / "formats"
SAVED_SECRETS = ["320582198506124311", "110105199003077657", "320506198507124317", "13905710246",
                 "13812345678", "张建国", "李秀兰", "李建国", "孙起草",
                 "13867124680"]  # the last in 隐藏.xls's print header


def _without_rules(output: str, fmt: str) -> str:
    """The report without SARIF's rule descriptions, which give a made-up example mobile (138-1234-5678)."""
    if fmt != "sarif":
        return output
    log = json.loads(output)
    del log["runs"][0]["tool"]
    return json.dumps(log, ensure_ascii=False)


@pytest.mark.parametrize("fmt", ["json", "table", "sarif"])
def test_no_new_format_shows_personal_data(cli, tmp_path, fmt):
    from builders import OfdText, ofd

    folder = tmp_path / "formats"
    folder.mkdir()
    for path in SAVED.iterdir():
        if path.suffix != ".py":
            (folder / path.name).write_bytes(path.read_bytes())
    ofd(folder / "通知.ofd", [[OfdText(20, 30, "申请人张建国于3月5日提交申请"),
                              OfdText(20, 60, "身份证110105199003077657", white=True)]],
        author="孙起草", annotation=(1, "李秀兰", "电话13905710246"))
    # What office systems hand out as .doc: Word 2003 XML, a web page Word saved, a single-file web page.
    from rosters import roster_mht, wordml

    (folder / "模板.doc").write_text(wordml(
        '<w:p><w:r><w:t>申请人张建国</w:t></w:r><aml:annotation aml:author="李秀兰" w:type="Word.Comment">'
        "<aml:content><w:p><w:r><w:t>电话13905710246</w:t></w:r></w:p></aml:content></aml:annotation></w:p>"
        '<w:p><aml:annotation aml:author="李建国" w:type="Word.Deletion"><aml:content><w:r>'
        "<w:delText>身份证110105199003077657</w:delText></w:r></aml:content></aml:annotation></w:p>",
        "<o:Author>孙起草</o:Author>"), encoding="utf-8")
    (folder / "网页.doc").write_bytes(
        ('<html><head><!--[if gte mso 9]><xml><o:DocumentProperties><o:Author>孙起草</o:Author>'
         "<o:LastAuthor>李建国</o:LastAuthor></o:DocumentProperties></xml><![endif]--></head>"
         "<body><p>申请人张建国，电话13812345678</p></body></html>").encode())
    roster_mht(folder / "名单网页.mht")
    result = cli("check", "--format", fmt, "--jobs", "1", str(folder))
    assert result.exit_code == 1, result.output
    shown = _without_rules(result.stdout, fmt)
    squeezed = re.sub(r"[\s\-－]", "", shown + result.stderr)
    for secret in SAVED_SECRETS:
        assert secret not in squeezed, f"{secret} in clear ({fmt})"
    runs = set().union(*(_digit_runs(v) for v in SAVED_SECRETS if v.isdigit()))
    assert not [run for run in runs if run in squeezed], fmt


@pytest.mark.parametrize("fmt", ["json", "table", "sarif"])
def test_what_the_viewer_leaves_out_is_masked_too(cli, tmp_path, fmt):
    """Link addresses, field instructions, alt text, formulas, validation lists, form values, a PDF's earlier version,
    attachments' names, numbers cut by line breaks or odd spaces: every new place a datum is read from is masked."""
    import io

    import openpyxl
    import pypdfium2
    import pypdfium2.raw as raw
    from builders import PdfPage, add_field, add_hyperlink, pdf
    from PIL import Image
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    folder = tmp_path / "places"
    folder.mkdir()
    image = io.BytesIO()
    Image.new("L", (20, 20), 255).save(image, "PNG")

    def build(d):
        add_field(d.add_paragraph("如有疑问请"), f' HYPERLINK "mailto:{EMAIL}" ', "联系我们")
        add_hyperlink(d.add_paragraph("详见"), f"http://example.com/q?sfz={ID}&tel={MOBILE}", "公示结果")
        d.add_picture(image)
        d.inline_shapes[0]._inline.docPr.set("descr", f"{NAME}的身份证，号码{ID}")
    docx(folder / "links.docx", build)

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    form = canvas.Canvas(str(folder / "form.pdf"))
    form.setFont("STSong-Light", 12)
    form.drawString(72, 700, "身份证号：")
    form.acroForm.textfield(name="sfz", value=ID, x=150, y=690, width=200, height=20)
    form.linkURL(f"mailto:{EMAIL}", (72, 640, 200, 660), relative=0)
    form.showPage()
    form.save()

    first = pdf(tmp_path / "v1.pdf", [PdfPage(lines=["公示", f"申请人身份证号{ID}手机{MOBILE}"])])
    document = pypdfium2.PdfDocument(str(first))
    page = document[0]
    for obj in list(page.get_objects())[1:]:
        page.remove_obj(obj)  # the line with the numbers, deleted in an editor
    page.gen_content()
    saved = io.BytesIO()
    document.save(saved, flags=raw.FPDF_INCREMENTAL)
    document.close()
    (folder / "edited.pdf").write_bytes(saved.getvalue())

    book = openpyxl.Workbook()
    book.active.append(["姓名", "联系", "结果"])
    book.active.append(["张*明", "联系我们", f'=HYPERLINK("http://example.com/q?sfz={ID}","公示结果")'])
    book.active["B2"].hyperlink = f"mailto:{EMAIL}"
    from openpyxl.worksheet.datavalidation import DataValidation
    rule = DataValidation(type="list", formula1=f'"{MOBILE},其他"', prompt=f"联系人：{NAME}，身份证号{ID}")
    rule.add("A2:A9")
    book.active.add_data_validation(rule)
    book.save(folder / "links.xlsx")
    (folder / "page.html").write_text(f'<p>详见<a href="/q?sfz={ID}">公示结果</a></p>', encoding="utf-8")
    from builders import OfdText, ofd
    ofd(folder / "links.ofd", [[OfdText(20, 30, "公示结果")]], link=(1, f"http://example.com/q?sfz={ID}&tel={MOBILE}"))
    from builders import xfa_pdf
    xfa_pdf(folder / "xfa.pdf", f"<datasets><data><姓名>{NAME}</姓名><号码>{ID}</号码><手机>{MOBILE}</手机>"
                                "</data></datasets>")
    cut_id, cut_mobile = f"身份证号{ID[:10]}\n{ID[10:]}", f"手机{MOBILE[:7]}\n{MOBILE[7:]}"
    spaced = f"手机{MOBILE[:3]}\u00a0{MOBILE[3:7]}\u3000{MOBILE[7:]}，号码{ID[:9]}\u200b{ID[9:]}"
    (folder / "cut.txt").write_text(f"{cut_id}\n{cut_mobile}\n{spaced}\n", encoding="utf-8")
    attached = pypdfium2.PdfDocument(str(pdf(tmp_path / "notice.pdf", [PdfPage(lines=["低保对象公示"])])))
    for name in (f"{NAME}身份证正反面.jpg", f"{ID}.pdf"):  # files attached under the names they came with
        attached.new_attachment(name).set_data(b"%PDF-1.4")
    attached.save(folder / "attached.pdf")
    alone = pypdfium2.PdfDocument(str(pdf(tmp_path / "notice2.pdf", [PdfPage(lines=["材料清单"])])))
    alone.new_attachment("2024年申请材料-赵建华.pdf").set_data(b"%PDF-1.4")  # a name with nothing around it
    alone.save(folder / "alone.pdf")

    result = cli("check", "--format", fmt, "--jobs", "1", str(folder))
    assert result.exit_code == 1, result.output
    shown = _without_rules(result.stdout, fmt)
    shown = shown.replace("\\u200b", "").replace("\u200b", "").replace("\u00a0", "").replace("\u3000", "")
    assert_nothing_in_clear(shown + result.stderr, fmt)
    assert "赵建华" not in shown
    report = cli("check", "--format", "json", "--jobs", "1", str(folder)).stdout
    details = {f["location"]["detail"] for f in json.loads(report)["findings"]}
    assert {"link", "field-code", "alt", "formula", "form-field", "earlier-version", "validation",
            "xfa-field", "attachment"} <= details


def test_a_window_sees_every_personal_span_reaching_into_it():
    """Spans are looked up by position (a line of thousands of numbers took time growing with
    their square): the lookup must find exactly what a look at every span finds."""
    import random

    from linter.privacy import _Spans

    rng = random.Random(7)
    for _ in range(200):
        spans = []
        for _ in range(rng.randint(1, 30)):
            start = rng.randint(0, 500)
            end = start + rng.choice([1, 2, 11, 18, 60])
            spans.append((start, end, "*" * (end - start)))
        near = _Spans(spans)
        for _ in range(20):
            low = rng.randint(0, 560)
            high = low + rng.randint(1, 150)
            assert sorted(near.between(low, high)) == sorted(s for s in spans if s[0] < high and s[1] > low)


def test_contexts_on_one_line_of_many_numbers_mask_each_neighbour(cli_json, tmp_path):
    line = "，".join(f"联系电话1381234{i:04d}" for i in range(300))
    (tmp_path / "one-line.txt").write_text(line + "\n", encoding="utf-8")
    code, report = cli_json("one-line.txt", "--select", "pii/mobile")
    contexts = [f["context"] for f in report["findings"]]
    assert len(contexts) == 300 and not any(re.search(r"\d{7}", c) for c in contexts)
    assert all("138" in c for c in contexts)


def test_a_name_cut_by_the_edge_of_a_context_is_masked_whole():
    """A drafter's name known from the file's properties, cut by a context window's first character,
    shows no piece of itself: names are masked over the window and a margin, then cut."""
    from linter.config import Config
    from linter.engine import check_document
    from linter.model import Document, Location, Segment

    name, filler = "欧阳晓明", "，本通知仅限本单位工作人员阅读传达不得外传"
    text = f"经办人{name}{filler[:18]}20XX年X月X日"
    document = Document(path="x.docx", format="docx", metadata={"creator": name},
                        segments=(Segment(text, Location(paragraph=1)),))
    findings = check_document(document, Config(), "x.docx").findings
    contexts = [f.context for f in findings if f.match == "20XX"]
    assert contexts == ["**" + filler[:18] + "20XX年X月X日"]


def _random_masks(rng, length: int, count: int, shorter: float, marks: str) -> list[tuple[int, int, str]]:
    """`count` spans of a text `length` long, each masked with `marks` or (a share `shorter`) by one star."""
    spans = []
    for _ in range(count):
        start = rng.randint(0, length)
        end = rng.randint(start, length)
        masked = "*" if rng.random() < shorter else "".join(rng.choice(marks) for _ in range(end - start))
        spans.append((start, end, masked))
    return spans


def test_a_window_is_masked_as_the_whole_segment_would_be():
    """Masks laid over a window cut from a segment hide what they hide in the whole segment there;
    a mask of another length than its span (an address's: 城南路12号 → 城南路*号) hides all of it."""
    import random

    from linter.privacy import overlay

    rng = random.Random(11)
    for _ in range(3000):
        text = "".join(rng.choice("甲乙1*") for _ in range(rng.randint(1, 60)))
        spans = _random_masks(rng, len(text), rng.randint(0, 4), shorter=0.3, marks="x*")
        low = rng.randint(0, len(text))
        high = rng.randint(low, len(text))
        whole = overlay(text, spans)
        assert overlay(text[low:high], [s for s in spans if s[1] > low and s[0] < high], low) == whole[low:high]


def test_a_mask_hides_exactly_its_starred_characters_however_many_stretches_it_has():
    """A mask of its span's length hides the characters it stars, and only those (138****5678 keeps
    its ends; a mask starring two stretches keeps what lies between); one of another length hides it all."""
    import random

    from linter.privacy import overlay

    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice("甲乙12") for _ in range(rng.randint(1, 40)))
        spans = _random_masks(rng, len(text), rng.randint(0, 3), shorter=0.2, marks="x**")
        hidden = {i for start, end, masked in spans for i in range(start, end)
                  if len(masked) != end - start or masked[i - start] == "*"}
        assert overlay(text, spans) == "".join("*" if i in hidden else c for i, c in enumerate(text))


def test_a_cell_covered_by_one_mask_hides_exactly_its_starred_characters():
    """A roster's cell is one span, its mask taken at once where that gives what laying it over
    does: the text where the mask shows it, stars where the mask has them. A mask whose unstarred
    characters differ from the text, a text with stars of its own, or a mask of another length
    (which hides it all) must come out the same way."""
    import random

    from linter.masking import mask
    from linter.privacy import _covered, overlay

    rng = random.Random(5)
    taken = 0
    for _ in range(3000):
        text = "".join(rng.choice("甲乙12*") for _ in range(rng.randint(1, 20)))
        offset = rng.randint(0, 5)
        kind = rng.random()
        if kind < 0.5:
            masked = mask(text)
        elif kind < 0.8:
            masked = "".join(rng.choice(("*", c, "x")) for c in text)
        else:
            masked = "*" * rng.randint(1, 25)
        span = (offset, offset + len(text), masked)
        if len(masked) != len(text):
            expected = "*" * len(text)
        else:
            expected = "".join("*" if m == "*" else c for c, m in zip(text, masked, strict=True))
        assert overlay(text, [span], offset) == expected
        taken += _covered(text, span, offset) is not None
    assert taken > 200  # the quick answer is taken where it may be: the test compares something


def test_a_match_reading_as_a_window_already_masked_is_masked_as_free_text_would_be():
    """A cell's masked match often reads as the window its context was cut from: that window's
    masking is taken for it only where it changed nothing. A check's mask that leaves seven
    digits or a known name showing must still have them masked in the match."""
    import random

    from linter.masking import mask
    from linter.model import Document, Finding, Location, Segment
    from linter.privacy import Redactor, Source

    rng = random.Random(13)
    remembered = 0
    for _ in range(300):
        cells = ["".join(rng.choice(["李红梅", "1", "2", "3", "号", "*"]) for _ in range(rng.randint(1, 12)))
                 for _ in range(rng.randint(1, 6))]
        segments = tuple(Segment(cell, Location(part="table", row=row, col=1)) for row, cell in enumerate(cells, 1))
        findings = []
        for segment in segments:
            masked = rng.choice([segment.text, mask(segment.text), segment.text.replace("1", "*")])
            findings.append(Finding(check="pii/x", severity="error", message="m", location=segment.location,
                                    match=masked, context=segment.text,
                                    source=Source(segment, 0, len(segment.text), 0, masked)))
        document = Document(path="x.docx", format="docx", segments=segments, metadata={"creator": "李红梅"})
        redactor = Redactor(document, findings)
        for finding in findings:
            shown = redactor.masked(finding)[0]
            assert shown == Redactor(document, findings).text(finding.source.masked)
            remembered += finding.source.masked in redactor._shown
    assert remembered > 100  # the windows' answers were taken: the test compares something


def test_a_window_sees_every_personal_span_reaching_into_it_however_many_the_segment_holds():
    import random

    from linter.privacy import _Spans

    rng = random.Random(3)
    for count in (1, 3, 8, 9, 40):
        for _ in range(300):
            spans = [(s, s + rng.randint(1, 20), "*") for s in (rng.randint(0, 200) for _ in range(count))]
            low = rng.randint(0, 220)
            high = rng.randint(low, 240)
            expected = sorted(span for span in spans if span[1] > low and span[0] < high)
            assert sorted(_Spans(list(spans)).between(low, high)) == expected


def test_a_digit_step_is_a_gap_then_a_digit_and_digit_runs_are_found_as_with_the_gap():
    """DIGIT_STEP is NUMBER_GAP followed by a digit, written digit-first for speed: the same strings,
    so the digit runs masked (and the number runs checks search) are the same ones."""
    import itertools
    import random
    import re

    from linter.model import DIGIT_STEP, NUMBER_GAP

    alphabet = "1１ -－\n\u3000\u200ba"
    for length in range(1, 5):
        for chars in itertools.product(alphabet, repeat=length):
            text = "".join(chars)
            assert bool(re.fullmatch(DIGIT_STEP, text)) == bool(re.fullmatch(f"{NUMBER_GAP}[0-9０-９]", text))
    with_gap = re.compile(f"[0-9０-９](?:{NUMBER_GAP}[0-9０-９]){{6,}}+[Xx]?")
    stepped = re.compile(f"[0-9０-９]{DIGIT_STEP}{{6,}}+[Xx]?")
    rng = random.Random(5)
    for _ in range(20000):
        text = "".join(rng.choice("0１2 -－\n\u3000a*X") for _ in range(rng.randint(0, 30)))
        assert [m.span() for m in stepped.finditer(text)] == [m.span() for m in with_gap.finditer(text)]


def test_a_check_run_on_its_own_masks_the_numbers_in_its_contexts():
    """A plugin's own tests run its check without the engine: the context it builds shows no
    other number in clear, though through the engine that masking is left to the engine."""
    from checks.pii_mobile import MobileCheck
    from linter.check import CheckContext
    from linter.model import Document, Location, Segment

    document = Document(path="x.txt", format="txt",
                        segments=(Segment(f"手机{MOBILE}，身份证号{ID}", Location(line=1)),))
    alone = list(MobileCheck().run(document, CheckContext()))
    assert [f.match for f in alone] == ["139****6578"]
    assert_nothing_in_clear(alone[0].context, "the context of a check run on its own")
