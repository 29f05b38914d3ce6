"""Input errors: everything the user must fix, reported with file, line and field."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Problem:
    """One thing wrong with one input file."""

    file: str
    message: str
    line: int | None = None
    field: str | None = None
    hint: str | None = None

    def render(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
        text = f"{where}: "
        if self.field:
            text += f"{_clip(self.field)}: "
        text += _clip(self.message)
        if self.hint:
            text += f" ({_clip(self.hint)})"
        return text


MAX_SHOWN = 500  # characters of one message part: a 5 MB key or value quoted in full helps nobody


def _clip(text: str) -> str:
    return text if len(text) <= MAX_SHOWN else f"{text[:MAX_SHOWN]}… ({len(text) - MAX_SHOWN} characters more)"


@dataclass
class InputError(Exception):
    """Raised when inputs cannot be used. Carries every problem found, not just the first."""

    problems: list[Problem] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__(self.render())

    def render(self) -> str:
        return "\n".join(p.render() for p in self.problems)

    @classmethod
    def single(cls, file: str, message: str, **kw) -> "InputError":
        return cls([Problem(file=file, message=message, **kw)])


class RuleError(Exception):
    """A rule pack (built-in or --rules-dir) is malformed."""
