"""Accuracy on material nobody here wrote: published documents must raise no false alarm.

    python bench/accuracy.py realworld

Every file under fixtures/realworld/published/ was published as it stands (SOURCES.tsv
says where from): any error-level finding on it is a false alarm, and person-name
warnings are counted per 100,000 characters.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from linter.config import Config
from linter.engine import lint_file

ROOT = Path(__file__).resolve().parent.parent
PUBLISHED = ROOT / "fixtures" / "realworld" / "published"
# The start of published annual reports as a public page archive stores them: cut short, so
# sections after the cut are missing by the archive's doing, not the authors'.
EXCERPTS = ROOT / "fixtures" / "realworld" / "published-excerpts"
VECTORS = ROOT / "fixtures" / "realworld" / "vectors"
# How each vector set is written into a sentence, and the check that must find it (a set
# whose rows name their own check uses the sentence of that check).
_VECTOR_SETS = {"cn-ric.tsv": "pii/id-card", "contacts.tsv": None}
_SENTENCES = {
    "pii/id-card": "申请人身份证号码：{}，已核实。",
    "pii/mobile": "经联系，申请人本人手机{}无人接听。",
    "pii/landline": "申请人家庭电话{}，请勿外传。",
    "pii/email": "申请人提供的个人邮箱为{}，答复书已发送。",
}


@dataclass
class PublishedScore:
    """What the checks raised on the published set."""

    files: int = 0
    chars: int = 0
    by_check: Counter = field(default_factory=Counter)  # (check, severity) -> count
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (file, check, match)
    names: list[tuple[str, str, str]] = field(default_factory=list)  # (file, match, context)

    @property
    def names_per_100k(self) -> float:
        """Person-name warnings per 100,000 characters."""
        return 1e5 * len(self.names) / max(self.chars, 1)

    def per_million(self, family: str) -> float:
        """Findings of a check family per million characters."""
        found = sum(n for (check, _), n in self.by_check.items() if check.startswith(family + "/"))
        return 1e6 * found / max(self.chars, 1)


def score_published(folder: Path = PUBLISHED, config: Config | None = None) -> PublishedScore:
    """Run every check over the published set (unmasked: the figures name what fired)."""
    score = PublishedScore()
    if config is None:
        cut = ("fields/missing-section",) if folder == EXCERPTS else ()
        config = Config(mask=False, ignore=cut)
    for path in sorted(p for p in folder.iterdir() if p.suffix in (".txt", ".md", ".docx", ".pdf")):
        result = lint_file(str(path), config)
        score.files += 1
        score.chars += result.chars
        for f in result.findings:
            score.by_check[f.check, f.severity] += 1
            if f.severity == "error":
                score.errors.append((path.name, f.check, f.match))
            if f.check == "pii/person-name":
                score.names.append((path.name, f.match, f.context))
    return score


@dataclass
class VectorScore:
    """Found and missed valid vectors, and invalid ones reported, for one set."""

    check: str
    found: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)


def score_vectors(folder: Path = VECTORS) -> dict[str, VectorScore]:
    """Each vector in a sentence of its own, through the whole pipeline (a .txt file each)."""
    import tempfile

    scores = {}
    for name, set_check in _VECTOR_SETS.items():
        rows = [line.split("\t") for line in (folder / name).read_text(encoding="utf-8").splitlines()
                if line and not line.startswith("#")]
        rows = [(value, set_check, *rest) if set_check else (value, *rest) for value, *rest in rows]
        score = scores[name] = VectorScore(set_check or "+".join(sorted({r[1] for r in rows})))
        with tempfile.TemporaryDirectory() as scratch:
            for i, (value, check, label, _) in enumerate(rows):
                path = Path(scratch) / f"v{i}.txt"
                path.write_text(_SENTENCES[check].format(value) + "\n", encoding="utf-8")
                fired = {f.check for f in lint_file(str(path), Config(select=("pii",))).findings}
                if label == "valid":
                    (score.found if check in fired else score.missed).append(value)
                elif check in fired:
                    score.false_alarms.append(value)
    return scores


@dataclass
class AddressScore:
    """Found and missed addresses by level (room, street), and area-only ones reported."""

    found: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)
    missed: dict[str, list[str]] = field(default_factory=dict)


def score_addresses(folder: Path = VECTORS) -> AddressScore:
    """Each real address after 家庭住址：, one a line of one text file, through the whole pipeline."""
    import tempfile

    rows = [line.split("\t") for line in (folder / "addresses.tsv").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    score = AddressScore()
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "addresses.txt"
        path.write_text("".join(f"经核实，该户家庭住址：{a}。\n" for a, _ in rows), encoding="utf-8")
        fired = {f.location.line for f in lint_file(str(path), Config(select=("pii/address",))).findings}
    for line, (address, level) in enumerate(rows, 1):
        score.total[level] += 1
        if line in fired:
            score.found[level] += 1
        else:
            score.missed.setdefault(level, []).append(address)
    return score


# A card number where the text says it is one, and where nothing does.
CARD_SENTENCES = {"after 卡号": "补贴资金已打入申请人的社保卡，卡号{}，请注意查收。",
                  "no word saying card": "经核对，该笔款项的流水为{}，已入账。"}


@dataclass
class CardScore:
    """Per kind of sentence: the numbers reported, and which they were."""

    reported: dict[str, list[str]] = field(default_factory=dict)
    rows: list[tuple[str, str]] = field(default_factory=list)  # (number, valid|invalid)

    def found(self, kind: str, label: str) -> tuple[int, int]:
        """(reported, total) of the numbers with `label` in sentences of `kind`."""
        numbers = [n for n, lab in self.rows if lab == label]
        return sum(n in self.reported[kind] for n in numbers), len(numbers)


def score_cards(folder: Path = VECTORS) -> CardScore:
    """Each card number after 卡号 and with no card word, one a line of one text file per kind."""
    import tempfile

    rows = [tuple(line.split("\t")[:2]) for line in (folder / "cards.tsv").read_text(encoding="utf-8").splitlines()
            if line and not line.startswith("#")]
    score = CardScore(rows=rows)
    with tempfile.TemporaryDirectory() as scratch:
        for kind, sentence in CARD_SENTENCES.items():
            path = Path(scratch) / "cards.txt"
            path.write_text("".join(sentence.format(n) + "\n" for n, _ in rows), encoding="utf-8")
            lines = {f.location.line for f in lint_file(str(path), Config(select=("pii/bank-card",))).findings}
            score.reported[kind] = [n for line, (n, _) in enumerate(rows, 1) if line in lines]
    return score


# Sentences a name stands in: after a context word, and right before its owner's data.
NAME_SENTENCES = {"after 申请人": "申请人{}于3月5日提交了政府信息公开申请。",
                  "after 举报人, then a verb": "举报人{}通过市民热线反映小区噪声问题。",
                  "before own data": "补贴资金已发放至{}的银行卡。"}


def score_names(folder: Path = VECTORS, name: str = "names.tsv") -> dict[str, tuple[int, int, list[str]]]:
    """(found, total, missed) of the names in each kind of sentence, one a line of one text file.

    names.tsv holds a model's names, names-gold.tsv the gold-labelled ones.
    """
    import tempfile

    names = [n for n in (folder / name).read_text(encoding="utf-8").splitlines()
             if n and not n.startswith("#")]
    scores = {}
    with tempfile.TemporaryDirectory() as scratch:
        for kind, sentence in NAME_SENTENCES.items():
            path = Path(scratch) / "names.txt"
            path.write_text("".join(sentence.format(n) + "\n" for n in names), encoding="utf-8")
            found = {(f.location.line, f.match) for f in
                     lint_file(str(path), Config(select=("pii/person-name",), mask=False)).findings}
            hits = [n for line, n in enumerate(names, 1) if (line, n) in found]
            scores[kind] = (len(hits), len(names), [n for n in names if n not in set(hits)])
    return scores


def report() -> None:
    """Print the figures and every false alarm."""
    excerpts = score_published(EXCERPTS)
    print(f"published annual-report excerpts: {excerpts.files} files, {excerpts.chars:,} characters, "
          f"error-level findings {len(excerpts.errors)} {excerpts.errors or ''}, names {len(excerpts.names)}")
    score = score_published()
    print(f"published set: {score.files} files, {score.chars:,} characters")
    print(f"  error-level findings (false alarms): {len(score.errors)}")
    for name, check, match in score.errors:
        print(f"    {name} {check} {match!r}")
    print(f"  person-name warnings: {len(score.names)} ({score.names_per_100k:.1f} per 100,000 characters)")
    print(f"  proofreading findings: {score.per_million('proof'):.1f} per million characters")
    for name, match, context in score.names:
        print(f"    {name} {match!r} in {context!r}")
    print("  every finding by check: " + ", ".join(f"{c} {s} {n}" for (c, s), n in sorted(score.by_check.items())))
    addresses = score_addresses()
    for level in ("room", "street", "area"):
        found, total = addresses.found[level], addresses.total[level]
        what = "reported (no number: should stay quiet)" if level == "area" else "found"
        print(f"addresses after 家庭住址 ({level}): {found}/{total} {what} = {found / max(total, 1):.0%}")
    for level in ("room", "street"):
        print(f"  missed {level}, first 15: {addresses.missed.get(level, [])[:15]}")
    for labels, name in (("model", "names.tsv"), ("gold", "names-gold.tsv")):
        for kind, (found, total, missed) in score_names(name=name).items():
            print(f"names ({labels}) {kind}: {found}/{total} = {found / max(total, 1):.0%}; "
                  f"missed, first 20: {missed[:20]}")
    cards = score_cards()
    for kind in CARD_SENTENCES:
        (valid, of_valid), (mistyped, of_mistyped) = cards.found(kind, "valid"), cards.found(kind, "invalid")
        print(f"card numbers {kind}: valid {valid}/{of_valid} reported, mistyped (Luhn fails) "
              f"{mistyped}/{of_mistyped} reported")
    for name, vectors in score_vectors().items():
        total = len(vectors.found) + len(vectors.missed)
        print(f"vectors {name} ({vectors.check}): recall {len(vectors.found)}/{total}, "
              f"false alarms {len(vectors.false_alarms)}; missed {vectors.missed or 'none'}")
