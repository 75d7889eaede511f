"""Install fake plugins through the real entry-point loading path."""

from importlib.metadata import EntryPoint

from linter import registry

_real = registry.entry_points


def install(monkeypatch, *names: str) -> None:
    """Make `entry_points(group=…)` also return the named classes of fake_plugins."""
    extra = [EntryPoint(name=n, value=f"fake_plugins:{n}", group=registry.ENTRY_POINT_GROUP)
             for n in names]

    def patched(group):
        return [*_real(group=group), *extra]

    monkeypatch.setattr(registry, "entry_points", patched)
    registry.load_checks.cache_clear()
