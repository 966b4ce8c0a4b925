"""Fillable forms: one YAML definition per form in `data/forms/<form-id>.yml`, their texts in `data/forms/_ui.yml`.

A definition names its page and lists sections of fields as on the printed template. `law:` marks a content
the law requires and names its article (a citation the build links and checks against the register); every
text is checked like page text (NFC, tone marks, citations, document numbers). Problems name file, line and key.

    id: van-ban-hoa-giai-thanh          # = the file name = the page's slug (cau-hoi on gui-cau-hoi)
    page: bieu-mau/van-ban-hoa-giai-thanh.md
    title: VĂN BẢN HÒA GIẢI THÀNH        # printed title (optional); motto: true prints the national motto
    draft_title: [ben.ho-ten, ngay]      # the fields that name a draft in the list ("group.field" for groups)
    tools: [checklist, deadline]         # checklist of `law:` sections; deadline (6 months); send (question)
    deadline: {from: ngay, filed: ...}   # the date the 6 months run from; filed: the request's date (a late
                                         # filing is flagged); without filed the limit is also printed (agreement)
    compact: true                        # print and share only the filled fields (the question form)
    sections:
      - id: can-cu
        legend: 1. Căn cứ tiến hành hòa giải
        law: điểm a khoản 2 Điều 24 Luật Hòa giải ở cơ sở
        intro: …                         # a line of help under the legend
        print: ["@legend", "{field}", "text {field} text", "@title", "@tally"]   # printed lines (default: legend, fields)
        sign: [ben, hgv]                 # signature and fingerprint boxes for every item of these groups
        tally: {group: vu, rows: loai, cols: ket-qua, date: ngay-nhan, from: tu-ngay, to: den-ngay}
        fields:
          - {id: ngay, label: …, type: date, hint: …, required: true, law: …}
          # types: text (default), textarea, date, year, idnumber, number, select, checks (options: [{id, label,
          # code}]; required may list option ids that must be ticked), group (repeatable: item "Bên thứ {nth}" or
          # "… {n}", min, add, remove, sign_note, fingerprint, columns [{head, show: ["#", field…]}], fields)
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from hoagiai import yamlio
from hoagiai.content.checks import text_problems
from hoagiai.content.citations import Citations
from hoagiai.errors import Problem, UserError

FORMS_DIR = Path("data/forms")
UI_FILE = "_ui.yml"
TYPES = ("text", "textarea", "date", "year", "idnumber", "number", "select", "checks", "group")
TOOLS = ("checklist", "deadline", "send")
ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PLACEHOLDER = re.compile(r"\{([a-z0-9-]+)\}")
UI_KEYS = tuple((
    "heading lead privacy_title privacy privacy_file drafts new open duplicate delete delete_all print download "
    "load share copy add remove required checklist_title done todo on_paper deadline_title deadline_rule "
    "deadline_empty deadline_due deadline_moved deadline_holidays deadline_late deadline_print weekdays ordinals "
    "saved quota no_storage corrupt confirm_delete confirm_all deleted cleared opened duplicated imported bad_file "
    "untitled copy_of current updated bad_date bad_year bad_id long_number copied nothing total motto_1 motto_2 "
    "fingerprint choose tally_caption tally_region send_title send_lead send_share send_sms send_mail send_none "
    "file_label").split())  # the texts the template and the script use
FORM_KEYS = ("id", "page", "title", "motto", "heading", "lead", "warning", "compact", "draft_title", "tools",
             "deadline", "sections")
SECTION_KEYS = ("id", "legend", "law", "intro", "print", "sign", "tally", "fields")
FIELD_KEYS = ("id", "label", "type", "hint", "law", "required", "options", "item", "min", "add", "remove",
              "sign_note", "fingerprint", "columns", "fields")


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    code: str = ""


@dataclass(frozen=True)
class Column:
    head: str
    show: tuple[str, ...]


@dataclass(frozen=True)
class Field:
    id: str
    label: str = ""
    type: str = "text"
    hint: str = ""
    law: str = ""
    required: bool = False
    need: tuple[str, ...] = ()  # checks: options that must be ticked
    options: tuple[Option, ...] = ()
    # groups
    item: str = ""
    min: int = 1
    add: str = ""
    remove: str = ""
    sign_note: str = ""
    fingerprint: bool = False
    columns: tuple[Column, ...] = ()
    fields: tuple[Field, ...] = ()


@dataclass(frozen=True)
class Section:
    id: str
    legend: str
    law: str = ""
    intro: str = ""
    print: tuple[str, ...] = ()
    sign: tuple[str, ...] = ()
    tally: dict | None = None
    fields: tuple[Field, ...] = ()


@dataclass(frozen=True)
class Form:
    id: str
    page: str
    sections: tuple[Section, ...]
    title: str = ""
    motto: bool = False
    heading: str = ""
    lead: str = ""
    warning: str = ""
    compact: bool = False
    draft_title: tuple[str, ...] = ()
    tools: tuple[str, ...] = ()
    deadline: dict | None = None

    def fields(self) -> dict[str, Field]:
        """Top-level fields (groups included) by id."""
        return {f.id: f for s in self.sections for f in s.fields}


@dataclass(frozen=True)
class FormSet:
    forms: dict[str, Form]
    ui: dict[str, str]


def load_forms(root: Path, citations: Citations) -> FormSet:
    """Every definition in data/forms/ and the texts; UserError listing every problem as file:line: key: message."""
    folder = Path(root) / FORMS_DIR
    problems: list[Problem] = []
    forms: dict[str, Form] = {}
    ui: dict[str, str] = {}
    if not folder.is_dir():
        return FormSet({}, {})
    for path in sorted(folder.glob("*.yml")):
        rel = f"{FORMS_DIR}/{path.name}"
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(rel, 0, 0, "", f"cannot read: {exc}"))
            continue
        if path.name == UI_FILE:
            result, found = yamlio.checked(text, rel, lambda data, rel=rel: _check_ui(data, rel, citations))
            ui = result or {}
        else:
            result, found = yamlio.checked(text, rel, functools.partial(_check_form, rel, path.stem, citations,
                                                                      Path(root) / "docs"))
            if result is not None:
                forms[result.id] = result
        problems += found
    if forms and not ui and not any(p.file.endswith(UI_FILE) for p in problems):
        problems.append(Problem(f"{FORMS_DIR}/{UI_FILE}", 0, 0, "", "missing: the forms' texts"))
    if problems:
        raise UserError(sorted(problems))
    return FormSet(forms, ui)


def _check_ui(data, rel: str, citations: Citations) -> tuple[dict[str, str], list[Problem]]:
    problems = []
    if not isinstance(data, dict):
        return {}, [Problem(rel, 1, 1, "", "must be a mapping of text keys to texts")]
    for key in UI_KEYS:
        if not isinstance(data.get(key), str) or not data[key].strip():
            problems.append(Problem(rel, 1, 1, key, "missing text"))
    for key, value in data.items():
        pos = yamlio.key_pos(data, key, (1, 1))
        if key not in UI_KEYS:
            problems.append(Problem(rel, *pos, str(key), f"unknown key (the script uses: {', '.join(UI_KEYS)})"))
        elif isinstance(value, str):
            problems += [Problem(rel, *pos, key, m) for m in text_problems(value, citations)]
    return {k: str(v).strip() for k, v in data.items() if k in UI_KEYS}, problems


def _check_form(rel: str, stem: str, citations: Citations, docs: Path, data) -> tuple[Form | None, list[Problem]]:
    return _Checker(rel, stem, citations, docs).run(data)  # a fresh checker for each reading


class _Checker:
    def __init__(self, rel: str, stem: str, citations: Citations, docs: Path):
        self.rel, self.stem, self.citations, self.docs = rel, stem, citations, docs
        self.problems: list[Problem] = []

    def bad(self, node, key, where: str, message: str) -> None:
        pos = yamlio.key_pos(node, key, yamlio.pos_of(node, (1, 1))) if key is not None else yamlio.pos_of(node, (1, 1))
        self.problems.append(Problem(self.rel, pos[0], pos[1], where, message))

    def text(self, node, key, where: str, *, required: bool = False) -> str:
        value = node.get(key) if isinstance(node, dict) else None
        if value is None:
            if required:
                self.bad(node, None, where, f"missing {key}")
            return ""
        if not isinstance(value, str) or (required and not value.strip()):
            self.bad(node, key, f"{where}.{key}", "must be text")
            return ""
        for message in text_problems(value, self.citations):
            self.bad(node, key, f"{where}.{key}", message)
        return " ".join(value.split())

    def keys(self, node, allowed, where: str) -> bool:
        if not isinstance(node, dict):
            self.bad(node, None, where, "must be a mapping")
            return False
        for key in node:
            if key not in allowed:
                self.bad(node, key, f"{where}.{key}", f"unknown key (allowed: {', '.join(allowed)})")
        return True

    def ident(self, node, where: str) -> str:
        value = node.get("id")
        if not isinstance(value, str) or not ID.match(value):
            self.bad(node, "id" if "id" in node else None, f"{where}.id", "needs an id in ASCII kebab-case")
            return ""
        return value

    def texts(self, node, key, where: str) -> tuple[str, ...]:
        value = node.get(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            self.bad(node, key, f"{where}.{key}", "must be a list of texts")
            return ()
        for v in value:
            for message in text_problems(v, self.citations):
                self.bad(node, key, f"{where}.{key}", message)
        return tuple(value)

    # --- the form ---------------------------------------------------------------------------------------------
    def run(self, data) -> tuple[Form | None, list[Problem]]:
        if not self.keys(data, FORM_KEYS, "form"):
            return None, self.problems
        form_id = self.ident(data, "form")
        if form_id and form_id != self.stem:
            self.bad(data, "id", "id", f"must be the file name ({self.stem!r})")
        page = self.text(data, "page", "form", required=True)
        if page and not (self.docs / page).is_file():
            self.bad(data, "page", "page", f"no such page docs/{page}")
        elif page and form_id and Path(page).stem != form_id and form_id != "cau-hoi":
            self.bad(data, "id", "id", f"must be the page's slug ({Path(page).stem!r})")
        for key in ("motto", "compact"):
            if key in data and not isinstance(data[key], bool):
                self.bad(data, key, key, "must be true or false")
        sections = data.get("sections")
        if not isinstance(sections, list) or not sections:
            self.bad(data, "sections" if "sections" in data else None, "sections", "needs a list of sections")
            sections = []
        built = tuple(s for s in (self.section(s, f"sections[{i}]") for i, s in enumerate(sections)) if s)
        form = Form(id=form_id, page=page, sections=built, title=self.text(data, "title", "form"),
                    motto=bool(data.get("motto")), heading=self.text(data, "heading", "form"),
                    lead=self.text(data, "lead", "form"), warning=self.text(data, "warning", "form"),
                    compact=bool(data.get("compact")), draft_title=self.texts(data, "draft_title", "form"),
                    tools=self.texts(data, "tools", "form"), deadline=data.get("deadline"))
        self.references(data, form)
        return (None if self.problems else form), self.problems

    def section(self, node, where: str) -> Section | None:
        if not self.keys(node, SECTION_KEYS, where):
            return None
        sid = self.ident(node, where)
        where = f"{where} ({sid})"
        fields = node.get("fields") or []
        if not isinstance(fields, list):
            self.bad(node, "fields", f"{where}.fields", "must be a list of fields")
            fields = []
        tally = node.get("tally")
        if tally is not None and not (isinstance(tally, dict) and
                                      set(tally) == {"group", "rows", "cols", "date", "from", "to"}):
            self.bad(node, "tally", f"{where}.tally", "needs group, rows, cols, date, from, to")
            tally = None
        return Section(id=sid, legend=self.text(node, "legend", where, required=True),
                       law=self.text(node, "law", where), intro=self.text(node, "intro", where),
                       print=self.texts(node, "print", where), sign=self.texts(node, "sign", where),
                       tally=dict(tally) if tally else None,
                       fields=tuple(f for f in (self.field(f, f"{where}.fields[{i}]", True)
                                                for i, f in enumerate(fields)) if f))

    def field(self, node, where: str, top: bool) -> Field | None:
        if not self.keys(node, FIELD_KEYS, where):
            return None
        fid = self.ident(node, where)
        where = f"{where} ({fid})"
        kind = node.get("type", "text")
        if kind not in TYPES or (kind == "group" and not top):
            self.bad(node, "type", f"{where}.type", f"must be one of {', '.join(TYPES)} (no group inside a group)")
            return None
        options = node.get("options") or []
        if (kind in ("select", "checks")) != bool(options) or not isinstance(options, list):
            self.bad(node, "options" if "options" in node else None, f"{where}.options",
                     "select and checks need options; other types have none")
            options = []
        opts = []
        for i, o in enumerate(options):
            if self.keys(o, ("id", "label", "code"), f"{where}.options[{i}]"):
                opts.append(Option(self.ident(o, f"{where}.options[{i}]"),
                                   self.text(o, "label", f"{where}.options[{i}]", required=True),
                                   self.text(o, "code", f"{where}.options[{i}]")))
        self.unique([o.id for o in opts], node, f"{where}.options")
        required, need = node.get("required", False), ()
        if isinstance(required, list):
            need = tuple(required)
            if kind != "checks" or not set(need) <= {o.id for o in opts}:
                self.bad(node, "required", f"{where}.required", "a list only for checks, naming its options")
            required = True
        elif not isinstance(required, bool):
            self.bad(node, "required", f"{where}.required", "must be true, false or (checks) a list of options")
        subs, columns, low = (), (), node.get("min", 1)
        if kind == "group":
            raw = node.get("fields") or []
            subs = tuple(f for f in (self.field(f, f"{where}.fields[{i}]", False)
                                     for i, f in enumerate(raw if isinstance(raw, list) else [])) if f)
            if not subs:
                self.bad(node, "fields" if "fields" in node else None, f"{where}.fields", "a group needs fields")
            self.unique([f.id for f in subs], node, f"{where}.fields")
            for key in ("item", "add", "remove"):
                self.text(node, key, where, required=True)
            if isinstance(low, bool) or not isinstance(low, int) or low < 0:
                self.bad(node, "min", f"{where}.min", "must be a whole number ≥ 0")
                low = 1
            cols = node.get("columns") or []
            names = {f.id for f in subs} | {"#"}
            for i, c in enumerate(cols if isinstance(cols, list) else [None]):
                if not self.keys(c, ("head", "show"), f"{where}.columns[{i}]"):
                    continue
                show = self.texts(c, "show", f"{where}.columns[{i}]")
                if not show or not set(show) <= names:
                    self.bad(c, "show", f"{where}.columns[{i}].show", "must list fields of the group or '#'")
                columns += (Column(self.text(c, "head", f"{where}.columns[{i}]", required=True), show),)
        elif "fields" in node or "columns" in node:
            self.bad(node, "fields" if "fields" in node else "columns", where, "only a group has fields and columns")
        return Field(id=fid, label=self.text(node, "label", where, required=kind != "group"), type=kind,
                     hint=self.text(node, "hint", where), law=self.text(node, "law", where),
                     required=bool(required), need=need, options=tuple(opts), item=self.text(node, "item", where),
                     min=low, add=self.text(node, "add", where), remove=self.text(node, "remove", where),
                     sign_note=self.text(node, "sign_note", where), fingerprint=bool(node.get("fingerprint")),
                     columns=columns, fields=subs)

    def unique(self, ids: list[str], node, where: str) -> None:
        seen = set()
        for i in ids:
            if i in seen:
                self.bad(node, None, where, f"duplicate id {i!r}")
            seen.add(i)

    def references(self, data, form: Form) -> None:
        """Every name a definition uses must exist: print placeholders, signatures, tally, deadline, titles."""
        fields = form.fields()
        self.unique([s.id for s in form.sections], data, "sections")
        self.unique([f.id for s in form.sections for f in s.fields], data, "fields")
        groups = {k: f for k, f in fields.items() if f.type == "group"}
        raw_sections = data.get("sections") if isinstance(data.get("sections"), list) else []
        for raw, s in zip(raw_sections, form.sections):
            where = f"section {s.id}"
            for line in s.print:
                if line.startswith("@") and line not in ("@title", "@legend", "@tally"):
                    self.bad(raw, "print", f"{where}.print", f"{line!r}: use @title, @legend or @tally")
                for name in PLACEHOLDER.findall(line):
                    if name not in fields or (fields[name].type == "group" and line != f"{{{name}}}"):
                        self.bad(raw, "print", f"{where}.print", f"{{{name}}} is not a field of this form "
                                 "(a group stands alone on its line)")
            for name in s.sign:
                if name not in groups:
                    self.bad(raw, "sign", f"{where}.sign", f"{name!r} is not a group of this form")
            if s.tally:
                group = groups.get(s.tally["group"])
                subs = {f.id: f for f in group.fields} if group else {}
                mine = {f.id: f for f in s.fields}
                ok = (group is not None and all(subs.get(s.tally[k]) and subs[s.tally[k]].type == "select"
                                                for k in ("rows", "cols"))
                      and subs.get(s.tally["date"]) and subs[s.tally["date"]].type == "date"
                      and all(mine.get(s.tally[k]) and mine[s.tally[k]].type == "date" for k in ("from", "to")))
                if not ok:
                    self.bad(raw, "tally", f"{where}.tally", "group: a group; rows, cols: its select fields; "
                             "date: its date field; from, to: date fields of this section")
        for tool in form.tools:
            if tool not in TOOLS:
                self.bad(data, "tools", "tools", f"{tool!r}: tools are {', '.join(TOOLS)}")
        deadline = form.deadline
        if ("deadline" in form.tools) != (deadline is not None):
            self.bad(data, "deadline" if deadline is not None else "tools", "deadline",
                     "the deadline tool and the `deadline:` setting go together")
        if deadline is not None and (
                not isinstance(deadline, dict) or not set(deadline) <= {"from", "filed"} or "from" not in deadline
                or any(getattr(fields.get(v), "type", None) != "date" for v in deadline.values())):
            self.bad(data, "deadline", "deadline", "needs from: (and may have filed:) naming date fields")
        for path in form.draft_title:
            head, _, sub = path.partition(".")
            ok = head in fields and (bool(sub) == (fields[head].type == "group")) and \
                (not sub or sub in {f.id for f in fields[head].fields})
            if not ok:
                self.bad(data, "draft_title", "draft_title", f"{path!r} is not a field (use group.field for groups)")
