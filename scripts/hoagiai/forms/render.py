"""HTML for one fillable form (the template is form.html beside this file; Jinja2 escapes every text)."""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files

import jinja2

from hoagiai import province as province_settings
from hoagiai.forms.model import Form


@cache
def _template() -> jinja2.Template:
    env = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined)
    return env.from_string(files("hoagiai.forms").joinpath("form.html").read_text(encoding="utf-8"))


@cache
def document_css() -> str:
    """document.css, minified a little (it travels in every form page); it can never close the <style>."""
    css = files("hoagiai.forms").joinpath("document.css").read_text(encoding="utf-8")
    css = re.sub(r"\s+", " ", re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)).strip()
    return css.replace("</", "<\\/")


def render_form(form: Form, ui: dict[str, str], *, site_id: str, province: dict, mail_subject: str = "") -> str:
    """The form's HTML. Channels of the question form come from `extra.province`: a value still marked
    `TODO: publisher` gives no channel at all (hoagiai.province's one rule)."""
    hotline, email = province.get("hotline"), province.get("email")
    sms = re.sub(r"[^0-9+]", "", str(hotline)) if province_settings.is_set(hotline) else ""
    mail = str(email).strip() if province_settings.is_set(email) else ""
    groups = {f.id: f for s in form.sections for f in s.fields if f.type == "group"}
    html = _template().render(form=form, ui=ui, site_id=site_id, groups=groups, sms=sms,
                              sms_shown=str(hotline) if sms else "", mail=mail, mail_subject=mail_subject,
                              print_css=document_css())
    return re.sub(r"\n\s*\n", "\n", html).strip() + "\n"
