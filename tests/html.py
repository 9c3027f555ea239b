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


def add_row(data: dict, prefix: str, **fields: object) -> int:
    """A new row in a formset of `data`, as the story editor's "Add" buttons make one."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    for name, value in fields.items():
        data[f"{prefix}-{index}-{name}"] = value
    return index


SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_locations(client, url: str = "/sitemap.xml") -> list[str]:
    """Every address the sitemap at `url` lists, following an index into its sitemaps."""
    from urllib.parse import urlsplit
    from xml.etree import ElementTree

    response = client.get(url)
    assert response.status_code == 200, url
    root = ElementTree.fromstring(response.content)
    locations = [loc.text or "" for loc in root.iter(f"{SITEMAP_NS}loc")]
    if root.tag != f"{SITEMAP_NS}sitemapindex":
        return locations
    found: list[str] = []
    for location in locations:
        parts = urlsplit(location)
        found += sitemap_locations(client, parts.path + (f"?{parts.query}" if parts.query else ""))
    return found
