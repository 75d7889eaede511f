"""Reading through LibreOffice (`--libreoffice`) the .doc, .wps and .xls files the built-in readers refuse.

The built-in readers cover the Word 97-2003 binary and BIFF2-8 as xlrd reads it; LibreOffice
also reads Word 6.0/95 and 1.x/2.0 files, and workbooks xlrd gives up on (a defined name it
cannot parse, an odd note record). It is a fallback, not a second reader of every file: on
files both read, LibreOffice was seen to lose what ours keeps (a roster's table read back as
one run-on paragraph, so a mobile number ran into an ID). Such a file is converted to .docx (or .xlsx)
in a private folder and read by that reader, and the file's warnings say so: never silently.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from linter.extract.errors import TRY_LIBREOFFICE, EncryptedError, ExtractError
from linter.model import Document

# LibreOffice starts in 1-3 s; a large draft converts in seconds. Beyond this it is stuck.
CONVERT_TIMEOUT = 120.0
# By format: its built-in reader (also the extension its copy is given for LibreOffice), what it
# is converted to (the reader of the result) and LibreOffice's filter for that.
TARGETS = {"doc": ("doc", "docx", "docx:MS Word 2007 XML"), "wps": ("doc", "docx", "docx:MS Word 2007 XML"),
           "xls": ("xls", "xlsx", "xlsx:Calc MS Excel 2007 XML")}


def converted_note(target: str) -> str:
    """The warning a file read through LibreOffice carries."""
    return f"内置读取器无法读取此文件，已用 LibreOffice 转换为 .{target} 后读取（--libreoffice）"


CONVERTED = converted_note("docx")


class ConversionError(Exception):
    """LibreOffice did not produce the converted file; the message says why, in one line."""


def soffice() -> str | None:
    """The LibreOffice program on PATH, if any."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def read_converted(path: str, fmt: str, data: bytes) -> Document:
    """The file as its built-in reader reads it, or through LibreOffice if that reader refuses it."""
    import importlib

    reader, target, _ = TARGETS[fmt]
    try:
        return importlib.import_module(f"linter.extract.{reader}").extract(path, fmt, data)
    except EncryptedError:
        raise  # LibreOffice would only fail too, a few seconds later
    except ExtractError as refused:
        reason = str(refused).replace(TRY_LIBREOFFICE, "")  # it was tried
    try:
        converted = convert(data, fmt)
    except ConversionError as exc:
        raise ExtractError(f"{reason}；LibreOffice 也未能转换（{exc}）") from None
    try:
        document = importlib.import_module(f"linter.extract.{target}").extract(path, target, converted)
    except ExtractError as exc:
        raise ExtractError(f"{reason}；LibreOffice 转换的结果也无法读取（{exc}）") from None
    return replace(document, format=fmt, warnings=(converted_note(target), *document.warnings))



def to_docx(data: bytes, timeout: float = CONVERT_TIMEOUT) -> bytes:
    """`data` (a Word binary) as a .docx, converted by a LibreOffice of its own."""
    return convert(data, "doc", timeout)


def convert(data: bytes, fmt: str, timeout: float = CONVERT_TIMEOUT) -> bytes:
    """`data` (a `fmt` file) as the format TARGETS names, converted by a LibreOffice of its own."""
    program = soffice()
    if program is None:
        raise ConversionError("找不到 soffice")
    source_kind, target, conversion = TARGETS[fmt]
    _sweep_stale()
    with tempfile.TemporaryDirectory(prefix=_PREFIX) as folder:
        source, out = Path(folder, f"draft.{source_kind}"), Path(folder, "out")
        source.write_bytes(data)
        # A profile of its own: two conversions at once (--jobs) would otherwise share one and fail.
        command = [program, f"-env:UserInstallation={Path(folder, 'profile').as_uri()}", "--headless",
                   "--norestore", "--nolockcheck", "--convert-to", conversion,
                   "--outdir", str(out), str(source)]
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout, stdin=subprocess.DEVNULL,
                                  check=False, preexec_fn=_dying_with_parent())
        except subprocess.TimeoutExpired:
            raise ConversionError(f"超过 {timeout:.0f} 秒未完成") from None
        except OSError as exc:
            raise ConversionError(f"无法启动 {program}：{exc.strerror}") from None
        result = out / f"draft.{target}"
        if not result.is_file():
            said = (done.stderr or done.stdout).decode("utf-8", "replace").strip().splitlines()
            raise ConversionError(f"退出码 {done.returncode}" + (f"：{said[-1][:120]}" if said else ""))
        return result.read_bytes()


def _sweep_stale() -> None:
    """Remove the folders of conversions whose worker was killed before it could (older than any run)."""
    now = time.time()
    for folder in Path(tempfile.gettempdir()).glob(f"{_PREFIX}*"):
        try:
            stale = now - folder.stat().st_mtime > _STALE
        except OSError:
            continue
        if stale:
            shutil.rmtree(folder, ignore_errors=True)


_PREFIX = "disclosure-lint-convert-"
_STALE = 10 * CONVERT_TIMEOUT  # seconds: a conversion is given up after CONVERT_TIMEOUT


def _dying_with_parent():
    """What the converter runs before it starts, to end when the process that started it ends.

    A batch kills a worker whose file overruns its time limit; LibreOffice, started by that
    worker, would otherwise go on converting for nobody. Linux only; the C function is
    looked up here, before the fork, so that nothing is loaded between fork and exec.
    """
    if sys.platform != "linux":
        return None
    import ctypes  # here: the command line imports this module for soffice() at every start

    try:
        prctl = ctypes.CDLL(None).prctl
    except (AttributeError, OSError):
        return None
    return lambda: prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL))


_PR_SET_PDEATHSIG = 1
