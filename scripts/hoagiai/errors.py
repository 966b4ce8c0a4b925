"""Problems reported to users: `file:line:col: where: message`, never a traceback."""

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int = 0
    col: int = 0
    where: str = ""
    message: str = ""

    def __str__(self) -> str:
        pos = self.file
        if self.line:
            pos += f":{self.line}"
            if self.col:
                pos += f":{self.col}"
        return f"{pos}: {self.where + ': ' if self.where else ''}{self.message}"


def shown_path(path: Path | str, root: Path | str | None) -> str:
    """A file as messages name it: relative to the project `root` when it lies inside, else as given."""
    path = Path(path)
    if root is not None:
        try:
            return path.resolve().relative_to(Path(root).resolve()).as_posix()
        except ValueError:
            pass
    return path.as_posix()


class UserError(Exception):
    """Bad input or environment: the CLI prints the message(s) and exits non-zero."""

    def __init__(self, problems: "list[Problem] | str"):
        self.problems = [problems] if isinstance(problems, str) else list(problems)
        super().__init__("\n".join(map(str, self.problems)))
