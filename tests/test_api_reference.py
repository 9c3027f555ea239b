"""The API reference page reads OpenAPI types and limits into words (api/reference.py)."""

from __future__ import annotations

from api.reference import TypeText, constraints, read, type_text

REF = "#/components/schemas/"


def test_a_reference_names_the_data_type_to_link_to():
    assert type_text({"$ref": f"{REF}Story"}) == TypeText("", "Story")


def test_a_nullable_single_all_of_reads_as_its_type_or_null():
    schema = {"allOf": [{"$ref": f"{REF}SectionRef"}], "nullable": True}
    assert type_text(schema) == TypeText("", "SectionRef", ", or null")


def test_an_array_of_references_links_its_item_type():
    assert type_text({"type": "array", "items": {"$ref": f"{REF}TagRef"}}) == TypeText(
        "array of ", "TagRef"
    )


def test_alternatives_are_listed_with_their_formats():
    schema = {
        "anyOf": [{"type": "string", "format": "date-time"}, {"type": "string", "format": "date"}]
    }
    assert type_text(schema).words == "one of: string (date-time) or string (date)"


def test_limits_and_patterns_become_short_notes():
    assert constraints({"type": "integer", "minimum": 1, "maximum": 100}) == ["1 to 100"]
    assert constraints({"type": "string", "maxLength": 80, "pattern": "^[a-z]+$"}) == [
        "at most 80 characters",
        "matches ^[a-z]+$",
    ]


def test_endpoints_are_grouped_by_tag_and_data_types_keep_required_fields():
    schema = {
        "info": {"title": "API", "version": "1", "description": ""},
        "paths": {
            "/v1/tags/": {
                "get": {
                    "operationId": "tags_list",
                    "tags": ["tags"],
                    "parameters": [
                        {"name": "page_size", "in": "query", "schema": {"type": "integer"}}
                    ],
                    "responses": {"200": {"description": "", "content": {}}},
                }
            }
        },
        "components": {
            "schemas": {
                "Tag": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {"name": {"type": "string"}, "slug": {"type": "string"}},
                },
                "KindEnum": {"type": "string", "enum": ["report", "dataset"]},
            }
        },
    }
    reference = read(schema)
    (group,) = reference.groups
    assert group.name == "tags"
    assert [endpoint.anchor for endpoint in group.endpoints] == ["tags_list"]
    tag, kind = reference.data_types
    assert [(field.name, field.notes) for field in tag.fields] == [
        ("name", ["required"]),
        ("slug", []),
    ]
    assert kind.values == ["report", "dataset"]
