"""Third-party-style checks used by the tests to exercise loading, masking and crashes."""

import re

from linter.check import Check


class MobileLikeCheck(Check):
    """A minimal personal-data check: masking must hide what it finds."""

    id = "pii/test-mobile"
    severity = "error"
    description = "测试用：手机号"
    personal = True
    pattern = re.compile(r"1[3-9]\d{9}")

    def run(self, document, context):
        for segment in document.segments:
            for m in self.pattern.finditer(segment.text):
                yield self.finding(context, segment, m.start(), m.end(), "发现手机号码")


class WordCheck(Check):
    """A non-personal check reporting the word 内部资料 as a warning."""

    id = "secrecy/test-word"
    severity = "warning"
    description = "测试用：内部资料"

    def run(self, document, context):
        for segment in document.segments:
            start = segment.text.find("内部资料")
            if start >= 0:
                yield self.finding(context, segment, start, start + 4, "发现“内部资料”")


class CrashingCheck(Check):
    """A check with a bug: the batch must go on and the file must not pass."""

    id = "fields/test-crash"
    severity = "info"
    description = "测试用：总是出错"

    def run(self, document, context):
        text = "".join(s.text for s in document.segments)
        if "崩溃" in text:
            raise RuntimeError(f"boom while reading {text!r}")  # exceptions quote what they read
        return iter(())


class BadIdCheck(Check):
    id = "Not An Id"
    severity = "error"
    description = "bad"


class NotACheck:
    id = "pii/not-a-check"


class HangingCheck(Check):
    """Hangs on a marked file, or kills its process: the batch must survive both."""

    id = "fields/test-hang"
    severity = "info"
    description = "测试用：挂起或退出"

    def run(self, document, context):
        import os
        import time

        text = "".join(s.text for s in document.segments)
        if "挂起" in text:
            time.sleep(60)
        if "进程退出" in text:
            os._exit(3)
        return iter(())
