"""GET /docs: the JSON API's reference, drawn from the app's own OpenAPI schema.

FastAPI's Swagger UI loads its script and stylesheet from a CDN, so on the offline machine this
app is made for it is a blank page. This page lays out the same schema (/openapi.json) with the
app's own stylesheet and no script: every /api/ operation with its parameters, body and
responses, then every schema with its fields.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from mockmic.web.deps import TemplatesDep

router = APIRouter(include_in_schema=False)

_REF = "#/components/schemas/"


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    required: bool
    description: str
    default: str = ""


@dataclass(frozen=True)
class Operation:
    method: str
    path: str
    summary: str
    description: str
    parameters: tuple[Field, ...]
    body: str  # "multipart/form-data: Body_add_answer..." or ""
    body_fields: tuple[Field, ...]
    responses: tuple[tuple[str, str, str], ...]  # (status, description, type)


def type_of(schema: dict[str, Any]) -> str:
    """A schema as a short type name: `SessionOut`, `list of AnswerOut`, `integer | null`."""
    if "$ref" in schema:
        return str(schema["$ref"]).removeprefix(_REF)
    for key in ("anyOf", "oneOf"):
        if key in schema:
            return " | ".join(type_of(s) for s in schema[key])
    if schema.get("type") == "array":
        return "list of " + type_of(schema.get("items", {}))
    if "enum" in schema:
        return " | ".join(f'"{v}"' for v in schema["enum"])
    if "const" in schema:
        return f'"{schema["const"]}"'
    kind = str(schema.get("type", "any"))
    return f"{kind} ({schema['format']})" if "format" in schema else kind


def fields_of(schema: dict[str, Any], components: dict[str, Any]) -> tuple[Field, ...]:
    if "$ref" in schema:
        schema = components.get(type_of(schema), {})
    required = set(schema.get("required", ()))
    return tuple(
        Field(
            name,
            type_of(prop),
            name in required,
            prop.get("description", ""),
            "" if "default" not in prop else json.dumps(prop["default"]),
        )
        for name, prop in schema.get("properties", {}).items()
    )


def _first_content(part: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """(media type, schema) of a request body or response; ("", {}) when it has no content."""
    content: dict[str, dict[str, Any]] = part.get("content", {})
    for media_type, entry in content.items():
        schema: dict[str, Any] = entry.get("schema", {})
        return media_type, schema
    return "", {}


def _operation(path: str, method: str, op: dict[str, Any], components: dict[str, Any]) -> Operation:
    kind, body = _first_content(op.get("requestBody", {}))
    responses = []
    for status, response in op.get("responses", {}).items():
        _, schema = _first_content(response)
        responses.append(
            (status, response.get("description", ""), type_of(schema) if schema else "")
        )
    return Operation(
        method=method.upper(),
        path=path,
        summary=op.get("summary", ""),
        description=op.get("description", ""),
        parameters=tuple(
            Field(
                f"{p['name']} ({p['in']})",
                type_of(p.get("schema", {})),
                bool(p.get("required")),
                p.get("description", ""),
            )
            for p in op.get("parameters", ())
        ),
        body=kind,
        body_fields=fields_of(body, components) if body else (),
        responses=tuple(responses),
    )


def operations(spec: dict[str, Any]) -> list[Operation]:
    components = spec.get("components", {}).get("schemas", {})
    return [
        _operation(path, method, op, components)
        for path, methods in spec.get("paths", {}).items()
        for method, op in methods.items()
    ]


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request, templates: TemplatesDep) -> HTMLResponse:
    spec = request.app.openapi()
    components = spec.get("components", {}).get("schemas", {})
    schemas = [
        (name, schema.get("description", ""), fields_of(schema, components))
        for name, schema in sorted(components.items())
    ]
    return templates.TemplateResponse(
        request,
        "docs.html",
        {"info": spec["info"], "operations": operations(spec), "schemas": schemas},
    )
