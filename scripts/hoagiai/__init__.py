"""Hòa giải cơ sở: the core library (never imports mkdocs; scripts/mkdocs_hooks.py is the only glue)."""

from pathlib import Path

__version__ = "0.1.0"

#: The repository root (the folder holding mkdocs.yml), found from the working directory upwards.
def project_root(start: Path | None = None) -> Path:
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file():
            return folder
    from hoagiai.errors import UserError

    raise UserError(f"{here}: no mkdocs.yml in this folder or any parent: run hoagiai inside the project folder")
