"""axe-core in Chromium through Playwright: the axe.min.js that `axe-playwright-python` ships (MPL-2.0),
injected into a page the caller opened. Returns the violations as plain data."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# WCAG 2.1 A/AA plus axe's best practices: "zero violations of any impact".
DEFAULT_OPTIONS = {"resultTypes": ["violations"]}


@dataclass(frozen=True)
class Violation:
    page: str
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        where = ", ".join(self.targets[:3]) + (" …" if len(self.targets) > 3 else "")
        return f"{self.page}: axe {self.rule} ({self.impact}): {self.help} → {where}"


@lru_cache(maxsize=1)
def axe_source() -> str:
    import axe_playwright_python  # test dependency: axe-playwright-python

    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def axe_version() -> str:
    head = axe_source()[:200]
    return head.split("axe v", 1)[1].split()[0] if "axe v" in head else "?"


def run(page, label: str = "", *, context=None, options: dict | None = None) -> list[Violation]:
    """Run axe on the page as it is now (dialogs open, answers shown…). `label` names it in messages.

    The script is evaluated through the DevTools protocol, so the site's CSP does not block it."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    result = page.evaluate("([ctx, opts]) => axe.run(ctx || document, opts)",
                           [context, options or DEFAULT_OPTIONS])
    label = label or page.url
    return [Violation(label, v["id"], v.get("impact") or "?", v["help"],
                      tuple(" ".join(n["target"]) if isinstance(n["target"], list) else str(n["target"])
                            for n in v["nodes"]))
            for v in result["violations"]]
