"""Loading checks from the `disclosure_lint.checks` entry-point group.

Built-in checks are registered there exactly as a third-party plugin would be,
so there is one way in. Ids are validated as they load: a malformed or
duplicate id fails loudly instead of shadowing another check.
"""

from __future__ import annotations

import re
from functools import lru_cache

from linter.check import Check
from linter.installed import CHECKS_GROUP, entry_points
from linter.model import SEVERITIES

ENTRY_POINT_GROUP = CHECKS_GROUP
FAMILIES = ("secrecy", "pii", "fields", "hidden", "extract", "stats", "proof")
_ID = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*/[a-z0-9]+(?:-[a-z0-9]+)*$")


class RegistryError(Exception):
    """A plugin could not be loaded or declares an invalid check."""


def validate(cls: object, source: str) -> None:
    """Raise RegistryError unless `cls` is a well-formed check class."""
    if not (isinstance(cls, type) and issubclass(cls, Check)):
        raise RegistryError(f"检查插件 {source} 不是 Check 的子类 (not a Check subclass)")
    if not _ID.match(cls.id):
        raise RegistryError(f"检查插件 {source} 的 id 格式不正确：{cls.id!r}（应为 family/name）")
    if cls.severity not in SEVERITIES:
        raise RegistryError(f"检查 {cls.id} 的默认级别无效：{cls.severity!r}")
    if not cls.description:
        raise RegistryError(f"检查 {cls.id} 缺少说明 (description)")


@lru_cache(maxsize=1)
def load_checks() -> dict[str, type[Check]]:
    """Return every registered check class by id, sorted by id."""
    found: dict[str, type[Check]] = {}
    for ep in entry_points(group=ENTRY_POINT_GROUP):
        try:
            cls = ep.load()
        except Exception as exc:  # a broken plugin must not look like "no findings"
            raise RegistryError(f"无法加载检查插件 {ep.name}（{ep.value}）：{exc}") from exc
        validate(cls, ep.value)
        if cls.id in found:
            raise RegistryError(f"检查 id 重复：{cls.id}（{ep.value}）")
        found[cls.id] = cls
    return dict(sorted(found.items()))
