"""The JSON API's work, free of any web framework: validate a request body, call the library, shape the answer."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...inputs.messages import CHANNELS, FORMATS, KINDS, RECIPIENT_TYPES
from ...linting.engine import Coach, FileResult
from ...writing import drafts, suggest
from ...writing.templates import Catalogue, RenderError, render

RECIPIENT_FIELDS = ("name", "role", "org", "type", "work", "shared")
LIST_FIELDS = ("work", "shared")
SUGGESTIONS = 3


class ApiError(Exception):
    """A request the API refuses: an HTTP status and a one-line reason."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Draft:
    """A draft as the page sends it: the text, its format, and metadata given beside it (as front matter)."""

    text: str
    format: str
    meta: dict[str, Any]

    @property
    def name(self) -> str:
        return f"draft.{self.format}"


def read_draft(body: Any) -> Draft:
    """Validate a lint or suggest request: {text, format?, kind?, channel?, subject?, to?: {name, role, ...}}."""
    if not isinstance(body, dict):
        raise ApiError(400, "the request body must be a JSON object")
    _only(body, ("text", "format", "kind", "channel", "subject", "to"), "request")
    text = body.get("text")
    if not isinstance(text, str):
        raise ApiError(400, "'text' must be the draft as a string")
    fmt = body.get("format") or "txt"
    if fmt not in FORMATS:
        raise ApiError(400, f"'format' must be one of {', '.join(FORMATS)}")
    meta: dict[str, Any] = {}
    for key, allowed in (("kind", KINDS), ("channel", CHANNELS)):
        if body.get(key):
            meta[key] = _choice(body[key], key, allowed)
    if body.get("subject"):
        meta["subject"] = _text(body["subject"], "subject")
    recipient = _recipient(body.get("to") or {})
    if recipient:
        meta["to"] = recipient
    # Offsets are counted on LF text, as files are read.
    return Draft(text.replace("\r\n", "\n").replace("\r", "\n"), fmt, meta)


def _recipient(value: Any) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ApiError(400, "'to' must be an object with name, role, org, type, work, shared")
    _only(value, RECIPIENT_FIELDS, "to")
    recipient: dict[str, Any] = {}
    for key, item in value.items():
        if key in LIST_FIELDS:
            items = _lines(item, f"to.{key}")
            if items:
                recipient[key] = items
        elif key == "type" and item:
            recipient[key] = _choice(item, "to.type", RECIPIENT_TYPES)
        elif item:
            recipient[key] = _text(item, f"to.{key}")
    return recipient


def _only(body: dict, keys: tuple[str, ...], where: str) -> None:
    unknown = sorted(set(body) - set(keys))
    if unknown:
        raise ApiError(400, f"unknown key '{unknown[0]}' in {where} (known: {', '.join(keys)})")


def _choice(value: Any, key: str, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise ApiError(400, f"'{key}' must be one of {', '.join(allowed)}")
    return value


def _text(value: Any, key: str) -> str:
    if not isinstance(value, str):
        raise ApiError(400, f"'{key}' must be a string")
    return value.strip()


def _lines(value: Any, key: str) -> list[str]:
    """A list field: a list of strings, or one string with an item per line."""
    if isinstance(value, str):
        value = value.splitlines()
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ApiError(400, f"'{key}' must be a list of strings (or one string, an item per line)")
    return [item.strip() for item in value if item.strip()]


def lint_draft(coach: Coach, draft: Draft) -> dict[str, Any]:
    """Lint a draft; findings carry the rule's rationale and source, and UTF-16 offsets for highlighting."""
    result = coach.lint_text(draft.text, draft.name, draft.format, draft.meta)
    if result.error:
        raise ApiError(422, f"{draft.name}: {result.error}")
    return result_json(coach, result, draft.text)


def result_json(coach: Coach, result: FileResult, text: str) -> dict[str, Any]:
    """A lint result as JSON: kind, channel, score and findings."""
    line_starts = [0]
    line_starts += [i + 1 for i, char in enumerate(text) if char == "\n"]
    findings = []
    for finding in result.findings:
        rule = coach.rules.get(finding.rule)
        start = line_starts[finding.line - 1] + finding.column - 1
        end = line_starts[finding.end_line - 1] + finding.end_column - 1
        findings.append({
            **finding.to_dict(),
            # The page highlights with JavaScript string offsets, which count UTF-16 code units.
            "start": _utf16(text, start), "end": _utf16(text, max(start, end)),
            "rationale": rule.rationale if rule else "", "source": str(rule.source) if rule else "",
        })
    return {"kind": result.kind, "channel": result.channel, "score": result.score, "findings": findings}


def _utf16(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


def templates_json(catalogue: Catalogue) -> dict[str, Any]:
    """The catalogue: each template's id, situation, where it fits and its variables."""
    return {"templates": [{
        "id": t.id, "situation": t.situation, "kinds": list(t.kinds), "channels": list(t.channels),
        "recipient_types": list(t.recipient_types),
        "variables": [{"name": v.name, "label": v.label, "description": v.description, "required": v.required,
                       "type": v.type, "example": v.example} for v in t.variables],
    } for t in catalogue.all().values()]}


def suggest_draft(coach: Coach, catalogue: Catalogue, draft: Draft, limit: int = SUGGESTIONS) -> dict[str, Any]:
    """The templates that fit a draft, best first, and the template values the draft already supplies."""
    result = coach.lint_text(draft.text, draft.name, draft.format, draft.meta)
    if result.error or result.message is None:
        raise ApiError(422, f"{draft.name}: {result.error}")
    ranked = suggest.rank(coach.reading_of(result), result.findings, catalogue)[:limit]
    return {"suggestions": [s.to_dict() for s in ranked], "values": drafts.values_from(result.message)}


def render_request(coach: Coach, catalogue: Catalogue, body: Any) -> dict[str, Any]:
    """Render a template from {template, values} and lint the result, so the page can show it is clean."""
    if not isinstance(body, dict):
        raise ApiError(400, "the request body must be a JSON object")
    _only(body, ("template", "values"), "request")
    tid, values = body.get("template"), body.get("values") or {}
    if not isinstance(tid, str) or not isinstance(values, dict):
        raise ApiError(400, "send {'template': '<id>', 'values': {'<variable>': '<text>' or ['<text>', ...]}}")
    try:
        template = catalogue.get(tid)
        missing = [v for v in template.variables if v.required and not values.get(v.name)]
        if missing:
            # Said as the page labels the fields, so the writer knows which box to fill.
            raise ApiError(400, "Fill in first: " + "; ".join(f"{v.label} ({v.description})" for v in missing))
        text = render(template, values)
    except RenderError as err:
        raise ApiError(404 if tid not in catalogue.all() else 400, str(err)) from None
    result = coach.lint_text(text, f"{tid.replace('/', '-')}.md", "md")
    if result.error:
        raise ApiError(422, f"template '{tid}' rendered a message that cannot be read: {result.error}")
    message = result.message
    body = message.text[message.sections["message"][0]:] if message else text
    return {"template": tid, "text": text, "subject": message.subject if message else None, "body": body,
            "lint": result_json(coach, result, text)}
