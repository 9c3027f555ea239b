"""The API reference as a page: the OpenAPI schema drf-spectacular makes, read into what the
template shows (endpoints by group, their parameters and answers, then every data type).

Rendered on the server rather than by Redoc in the browser: Redoc draws its look with <style>
elements, a worker made from a blob and a logo from its CDN, all of which the site's
Content-Security-Policy refuses. This page needs no script at all, reads without JavaScript and
keeps the policy the same as every other page's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import override
from drf_spectacular.generators import SchemaGenerator

REF_PREFIX = "#/components/schemas/"


@dataclass(frozen=True)
class TypeText:
    """A type in words, with the data type it names (for a link), if any: "array of" + Tag."""

    words: str
    data_type: str = ""
    after: str = ""


@dataclass(frozen=True)
class Field:
    name: str
    type: TypeText
    notes: list[str]
    description: str


@dataclass(frozen=True)
class Answer:
    status: str
    description: str
    body: TypeText | None
    headers: list[Field]


@dataclass(frozen=True)
class Endpoint:
    anchor: str
    method: str
    path: str
    description: str
    parameters: list[Field]
    answers: list[Answer]


@dataclass
class Group:
    name: str
    endpoints: list[Endpoint] = field(default_factory=list)


@dataclass(frozen=True)
class DataType:
    name: str
    description: str
    fields: list[Field]
    values: list[str]  # an enumeration's values
    type: TypeText | None  # a type that is not an object: what it is


@dataclass(frozen=True)
class Reference:
    title: str
    version: str
    description: str
    groups: list[Group]
    data_types: list[DataType]


def _ref_name(ref: str) -> str:
    return ref.removeprefix(REF_PREFIX)


def type_text(schema: dict[str, Any]) -> TypeText:
    """How a schema reads in a table cell: "string (date-time)", "array of" Tag, "one of: …"."""
    nullable = _(", or null") if schema.get("nullable") else ""
    if "$ref" in schema:
        return TypeText("", _ref_name(schema["$ref"]), nullable)
    for combined in ("allOf", "oneOf", "anyOf"):
        options = schema.get(combined)
        if options:
            if len(options) == 1:
                inner = type_text(options[0])
                return TypeText(inner.words, inner.data_type, inner.after + nullable)
            words = _(" or ").join(_plain(option) for option in options)
            return TypeText(_("one of: %(types)s") % {"types": words} + nullable)
    if schema.get("type") == "array":
        items = type_text(schema.get("items", {}))
        if items.data_type:
            return TypeText(_("array of "), items.data_type, items.after + nullable)
        return TypeText(_("array of %(type)s") % {"type": items.words} + nullable)
    return TypeText(_plain(schema) + nullable)


def _plain(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return _ref_name(schema["$ref"])
    kind = schema.get("type", "any")
    if schema.get("format"):
        kind = f"{kind} ({schema['format']})"
    if schema.get("maxLength") == 0:
        kind = _("empty string")
    return kind


def constraints(schema: dict[str, Any]) -> list[str]:
    """What a value must be, in short notes: limits, pattern, values."""
    notes = []
    if "minimum" in schema and "maximum" in schema:
        notes.append(_("%(minimum)s to %(maximum)s") % schema)
    elif "minimum" in schema:
        notes.append(_("at least %(minimum)s") % schema)
    elif "maximum" in schema:
        notes.append(_("at most %(maximum)s") % schema)
    if schema.get("maxLength"):
        notes.append(_("at most %(maxLength)s characters") % schema)
    if schema.get("enum"):
        values = ", ".join(str(value) for value in schema["enum"])
        notes.append(_("one of: %(values)s") % {"values": values})
    if schema.get("pattern"):
        notes.append(_("matches %(pattern)s") % schema)
    return notes


def _field(name: str, schema: dict[str, Any], required: bool, description: str = "") -> Field:
    notes = [_("required")] if required else []
    if schema.get("readOnly"):
        notes.append(_("read-only"))
    notes += constraints(schema)
    text = description or schema.get("description", "") or schema.get("title", "")
    return Field(name=name, type=type_text(schema), notes=notes, description=text)


def _answer(status: str, answer: dict[str, Any]) -> Answer:
    body = answer.get("content", {}).get("application/json", {}).get("schema")
    headers = [
        _field(name, header.get("schema", {}), header.get("required", False), header["description"])
        if "description" in header
        else _field(name, header.get("schema", {}), header.get("required", False))
        for name, header in answer.get("headers", {}).items()
    ]
    return Answer(
        status=status,
        description=answer.get("description", ""),
        body=type_text(body) if body else None,
        headers=headers,
    )


def read(schema: dict[str, Any]) -> Reference:
    """The reference for one OpenAPI 3 schema."""
    groups: dict[str, Group] = {}
    for path, item in schema.get("paths", {}).items():
        for method, operation in item.items():
            (tag,) = operation.get("tags", ["other"])[:1]
            parameters = [
                _field(
                    parameter["name"],
                    parameter.get("schema", {}),
                    parameter.get("required", False),
                    parameter.get("description", ""),
                )
                for parameter in operation.get("parameters", [])
            ]
            groups.setdefault(tag, Group(tag)).endpoints.append(
                Endpoint(
                    anchor=operation.get("operationId", f"{method}-{path}"),
                    method=method.upper(),
                    path=path,
                    description=operation.get("description", ""),
                    parameters=parameters,
                    answers=[
                        _answer(status, answer)
                        for status, answer in operation.get("responses", {}).items()
                    ],
                )
            )
    data_types = []
    for name, component in schema.get("components", {}).get("schemas", {}).items():
        required = set(component.get("required", []))
        fields = [
            _field(field_name, field_schema, field_name in required)
            for field_name, field_schema in component.get("properties", {}).items()
        ]
        is_object = component.get("type") == "object" or "properties" in component
        data_types.append(
            DataType(
                name=name,
                description=component.get("description", ""),
                fields=fields,
                values=[str(value) for value in component.get("enum", [])],
                type=None if is_object else type_text(component),
            )
        )
    info = schema.get("info", {})
    return Reference(
        title=info.get("title", ""),
        version=str(info.get("version", "")),
        description=info.get("description", ""),
        groups=sorted(groups.values(), key=lambda group: group.name),
        data_types=data_types,
    )


def api_reference(language: str) -> Reference:
    """The content API's reference in `language` (the schema follows the code only, so each
    language's is made once per process)."""
    return _reference(language)


@cache
def _reference(language: str) -> Reference:
    with override(language):
        return read(SchemaGenerator().get_schema(request=None, public=True))
