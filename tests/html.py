"""Read pages the way a browser does: parse the HTML, collect a form's fields."""

from __future__ import annotations

from bs4 import BeautifulSoup


def parse(response) -> BeautifulSoup:
    return BeautifulSoup(response.content.decode(), "html.parser")


def form_fields(response, form_id: str) -> dict[str, object]:
    """The values a browser would submit from the form: inputs, selects and textareas."""
    form = parse(response).find("form", id=form_id)
    assert form is not None, f"no form #{form_id} on the page"
    data: dict[str, object] = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.has_attr("disabled"):
            continue
        if field.name == "textarea":
            data[name] = field.text.lstrip("\n")
        elif field.name == "select":
            chosen = [
                o.get("value", o.text) for o in field.find_all("option") if o.has_attr("selected")
            ]
            if field.has_attr("multiple"):
                data[name] = chosen
            elif chosen:
                data[name] = chosen[0]
            else:
                first = field.find("option")
                data[name] = first.get("value", "") if first else ""
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        elif field.get("type") not in ("submit", "button", "file"):
            data[name] = field.get("value", "")
    return data
