"""Rendering speed: findings/s of each report format on a batch of roster findings.

    python bench/render_bench.py [--findings 100000]

Builds the results a batch of roster drafts gives (34 findings a file, each at its own
cell: ID, mobile, address, name — as 240 rosters gave 8,204 findings; every context its
own, as a roster's rows are), then times each renderer writing to memory, best of three.
The table's cost is also given against the JSON report's, the ratio the README promises.
"""

from __future__ import annotations

import argparse
import io
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from results import save  # noqa: E402

from linter.engine import FileResult  # noqa: E402
from linter.model import Finding, Location  # noqa: E402
from linter.report import RENDERERS, render  # noqa: E402

_KINDS = (
    ("pii/id-card", "error", "发现居民身份证号码：属于敏感个人信息，公开发布会造成个人信息泄露，请删除或按规定遮盖",
     "1101**********7657", 3),
    ("pii/mobile", "error", "发现手机号码：属于个人信息，公开前请删除或遮盖（如 138****5678）", "139****0246", 4),
    ("pii/address", "warning", "发现详细住址：具体到门牌、楼栋或房间的住址属于个人信息，公开前请删除或只保留到街道",
     "城南路**号*幢*单元***室", 5),
    ("pii/person-name", "warning", "发现个人姓名：与事项关联的姓名属于个人信息，公开前请匿名化（如“张某”）", "张**", 2),
)


def results(total: int, per_file: int = 34) -> list[FileResult]:
    """Files of `per_file` findings each, every finding in its own cell."""
    found = []
    for k in range(max(1, total // per_file)):
        path = f"公示/名单{k:04d}.docx"
        findings = []
        for i in range(per_file):
            check, severity, message, match, col = _KINDS[i % len(_KINDS)]
            findings.append(Finding(check=check, severity=severity, message=message, match=match, path=path,
                                    location=Location(part="table", paragraph=i + 3, row=i // 4 + 2, col=col),
                                    context=f"{i // 4 + 1} 张** {match} 某某街道{k}号", fingerprint=f"{k:04d}{i:04d}"))
        found.append(FileResult(path=path, format="docx", status="ok", error=None, pages=None, chars=4000,
                                warnings=(), findings=tuple(findings)))
    return found


def timed(fmt: str, batch: list[FileResult]) -> float:
    best = float("inf")
    for _ in range(3):
        out = io.StringIO()
        start = time.perf_counter()
        render(fmt, batch, out)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--findings", type=int, default=8204)
    args = parser.parse_args()
    batch = results(args.findings)
    count = sum(len(r.findings) for r in batch)
    print(f"{count:,} findings in {len(batch)} files")
    times = {fmt: timed(fmt, batch) for fmt in sorted(RENDERERS)}
    for fmt, seconds in times.items():
        print(f"  {fmt:<8} {seconds:6.2f} s  {count / seconds:10,.0f} findings/s")
    print(f"  table / json: {times['table'] / times['json']:.2f}x")
    rows = [{"format": fmt, "seconds": seconds, "findings_per_s": count / seconds} for fmt, seconds in times.items()]
    print(f"saved to {save('render', {'findings': count, 'formats': rows})}")


if __name__ == "__main__":
    main()
