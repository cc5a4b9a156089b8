"""Parsing one message file (.txt, .md, .eml) into a `Message`, parsed once and shared by all rules."""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import email
import email.errors
import email.header
import email.policy
import email.utils
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import yaml

from ..errors import InputError, did_you_mean
from ..understanding.language_id import foreign_language
from ..yamlfile import describe_error, parse_yaml
from .sections import BodyParts, split_body

log = logging.getLogger(__name__)

KINDS = ("cold", "connection-note", "follow-up", "thank-you", "intro-request", "introduction", "check-in")
CHANNELS = ("email", "linkedin", "other")
RECIPIENT_TYPES = ("practitioner", "researcher", "recruiter", "alumni", "mentor", "peer", "hiring-manager")
FORMATS = ("txt", "md", "eml")
# The front-matter keys the coach reads (HEURISTICS: others are ignored, with a notice naming a near miss).
FRONT_MATTER_KEYS = ("kind", "channel", "subject", "sent", "previous", "to", "from", "disable", "event", "replied",
                    "outcome")
# What came of a sent message (front matter `outcome:`), for `due` and `stats`.
OUTCOMES = ("replied", "meeting", "declined", "no-reply")
# Far beyond any outreach message, and below spaCy's own limit, so one huge file cannot exhaust memory.
MAX_TEXT_CHARS = 50_000

_HEADER_LINE = re.compile(r"^(Subject|To|From|Cc|Date)[ \t]*:[ \t]*(.*)$", re.IGNORECASE)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.DOTALL)
_SUBJECT_KEY = re.compile(r"^subject[ \t]*:[ \t]*", re.IGNORECASE | re.MULTILINE)
_LINES = re.compile(r"[^\n]*\n|[^\n]+")
# Characters that show as nothing: Unicode's format characters (Cf), such as the soft hyphen, zero-width
# space and joiners, word joiner, bidi marks and the byte-order mark. Dropped before the rules read the text,
# so "pick\u200byour brain" reads as it looks. (tests/test_visible_text.py checks this is all of Cf.)
_FORMAT_CHARS = re.compile(
    "[\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]")
# Characters that show as a space (no-break and the other space separators, Zs): read as a plain space.
_SPACE_CHARS = re.compile("[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")

# Cues that settle a kind without reading the text (kinds.py reads the rest from the parse).
FRONT_MATTER_CUE, REPLY_CUE = "front matter", "reply"
# Kind inference from the text when front matter does not say (HEURISTICS: "When kind is absent").
_KIND_CUES = (
    ("introduction", re.compile(
        r"\b(I'?d (like|love) to introduce|I (want|wanted) to introduce|let me introduce|allow me to introduce"
        r"|meet each other|I'?m (looping|cc'?ing) in|connecting you two|you two should"
        r"|loop(ing)? (you|\w+)( (both|two|all))? in|putting you (two |both )?in touch|connect(ing)? you (with|two|both)"
        r"|you (two|both) (should|would|will|must)|(let|leave it to) you (two|both) (to )?(take it|connect|find))\b",
        re.I)),
    ("thank-you", re.compile(
        r"^\W*(?:\w+\W+){0,3}(thanks?|thank you)( (so|very) much)?( again)? for (taking the time|your time|"
        r"the time|\w+ing\b|the (call|chat|conversation|advice|coffee|review|tip|help))", re.I)),
    ("follow-up", re.compile(
        r"\b(following up|follow up on|circling back|my (last|previous|earlier) (note|email|message)"
        r"|bump(ing)? (this|my)|checking in on my"
        r"|(emailed|wrote to|messaged|reached out to|contacted) you (on|last|a|two|three|few|earlier|previously|back)"
        r"|(n't|not|never) heard (back )?from you"
        # After meeting them: "I enjoyed meeting you at...", "It was great talking with you".
        r"|enjoyed (meeting|talking|chatting|speaking|our)"
        r"|(was|were) (great|nice|lovely|good|a pleasure|wonderful) (to meet|meeting|to talk|talking|to chat|chatting))\b",
        re.I)),
)


@dataclass(frozen=True)
class Recipient:
    """What the writer knows about the person written to."""

    name: str | None = None
    role: str | None = None
    org: str | None = None
    type: str | None = None
    work: tuple[str, ...] = ()
    shared: tuple[str, ...] = ()


@dataclass(frozen=True)
class Message:
    """One draft: its metadata, and the text rules analyse, mapped back to the file.

    `text` is the subject (if any), a blank line, then the body without quoted history;
    `sections` gives the (start, end) of subject, greeting, body and signature within it.
    """

    path: str
    format: str
    source: str
    meta: Mapping[str, Any]
    kind: str
    kind_inferred: bool
    channel: str
    subject: str | None
    sent: dt.date
    previous: dt.date | None
    to: Recipient
    sender: str | None
    disabled: frozenset[str]
    text: str
    sections: Mapping[str, tuple[int, int]]
    context: str
    origin: tuple[int, ...] = field(repr=False)
    line_starts: tuple[int, ...] = field(repr=False)
    language: str | None = None  # set only when the body is surely not English (languageid.py)
    replied: dt.date | bool | None = None  # front matter `replied:` a date, or False; None when not said
    outcome: str | None = None  # front matter `outcome:`, one of OUTCOMES
    kind_cue: str = ""  # what the kind was read from (front matter, a reply, wording, a clause)

    def section(self, name: str) -> str:
        start, end = self.sections.get(name, (0, 0))
        return self.text[start:end]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) in the original file of a character offset in `text`."""
        offset = min(max(offset, 0), len(self.origin) - 1)
        source_offset = self.origin[offset]
        line = bisect.bisect_right(self.line_starts, source_offset)
        return line, source_offset - self.line_starts[line - 1] + 1

    def end_position(self, end: int) -> tuple[int, int]:
        """(line, column) just past the character before `end` (an exclusive span end)."""
        if end <= 0:
            return self.position(0)
        line, column = self.position(end - 1)
        last = self.origin[min(end - 1, len(self.origin) - 1)]
        # A span ending on a line break (or mapped to the file's end) ends there, not past the line.
        past_line = last >= len(self.source) or self.source[last] == "\n"
        return line, column if past_line else column + 1


class _TextBuilder:
    """Concatenates pieces of the source while remembering where each character came from."""

    def __init__(self, source: str):
        self.source = source
        self.parts: list[str] = []
        self.origin: list[int] = []

    def add(self, piece: str, source_start: int | None) -> None:
        """Add a piece found at source_start; a piece that was decoded (not verbatim) is mapped line by line."""
        if source_start is None:
            self.origin.extend([0] * len(piece))
        elif self.source[source_start:source_start + len(piece)] == piece:
            self.origin.extend(range(source_start, source_start + len(piece)))
        else:
            self._add_searched(piece, source_start)
        self.parts.append(piece)

    def _add_searched(self, piece: str, cursor: int) -> None:
        # Quoted-printable, base64 and HTML bodies differ from the file: find each decoded line near the
        # cursor; a line not found is pinned to the start of the next source line, so positions stay in-file.
        source = self.source
        cursor = min(cursor, len(source))
        for line in _LINES.findall(piece):
            content = line.rstrip("\n")
            found = source.find(content, cursor, cursor + 3 * len(content) + 200) if content.strip() else -1
            if found >= 0:
                self.origin.extend(range(found, found + len(content)))
                cursor = found + len(content)
                self.origin.extend([cursor] * (len(line) - len(content)))
                cursor += source.startswith("\n", cursor)
            else:
                self.origin.extend([cursor] * len(line))
                newline = source.find("\n", cursor)
                cursor = len(source) if newline < 0 else newline + 1

    @property
    def length(self) -> int:
        return len(self.origin)

    def build(self) -> tuple[str, tuple[int, ...]]:
        end = self.origin[-1] + 1 if self.origin else 0
        return "".join(self.parts), tuple(self.origin + [min(end, len(self.source))])


def format_for(path: str, stdin_filename: str | None = None) -> str:
    """The input format from a file name (.md, .eml, anything else is plain text)."""
    name = (stdin_filename or path).lower()
    if name.endswith(".md") or name.endswith(".markdown"):
        return "md"
    if name.endswith(".eml"):
        return "eml"
    return "txt"


def parse(source: str, path: str = "<text>", fmt: str | None = None, today: dt.date | None = None,
          extra_meta: Mapping[str, Any] | None = None) -> Message:
    """Parse decoded file text into a Message; `extra_meta` keys replace the file's own; InputError on bad metadata."""
    fmt = fmt or format_for(path)
    original = source
    source, where = visible_text(source)
    if fmt == "md":
        meta, body, body_start = _split_front_matter(source, path)
    elif fmt == "eml":
        meta, body, body_start = _split_eml(source, path)
    else:
        meta, body, body_start = _split_header_block(source)
    message = _assemble(source, path, fmt, {**meta, **(extra_meta or {})}, body, body_start, today or dt.date.today())
    return message if where is None else _mapped_to(message, original, where)


def visible_text(source: str) -> tuple[str, tuple[int, ...] | None]:
    """`source` as it reads (format characters dropped, space characters made ' '), and where each of its
    characters (plus its end) lies in `source`; None when nothing changed, as for any ASCII text."""
    if source.isascii():
        return source, None
    spaced = _SPACE_CHARS.sub(" ", source)  # one for one: offsets unchanged
    pieces, where, start = [], [], 0
    for match in _FORMAT_CHARS.finditer(spaced):
        pieces.append(spaced[start:match.start()])
        where.extend(range(start, match.start()))
        start = match.end()
    if start == 0 and spaced == source:
        return source, None
    pieces.append(spaced[start:])
    where.extend(range(start, len(spaced) + 1))
    return "".join(pieces), tuple(where)


def _mapped_to(message: Message, original: str, where: tuple[int, ...]) -> Message:
    """The message parsed from visible text, with positions pointing into the original file text."""
    line_starts = tuple([0] + [i + 1 for i, ch in enumerate(original) if ch == "\n"])
    return dataclasses.replace(message, source=original, origin=tuple(where[o] for o in message.origin),
                               line_starts=line_starts)


def _split_front_matter(source: str, path: str) -> tuple[dict, str, int]:
    match = _FRONT_MATTER.match(source)
    if not match:
        return {}, source, 0
    try:
        meta = parse_yaml(match.group(1) or "") or {}
    except yaml.YAMLError as err:
        raise InputError(path, f"front matter{describe_error(err, first_line=2)}") from None
    if not isinstance(meta, dict):
        raise InputError(path, f"front matter must be a mapping of keys, not {_show(meta)}")
    for key in meta:
        if str(key).lower() not in FRONT_MATTER_KEYS:
            log.warning("%s: front matter key '%s' is not one the coach reads, so it is ignored%s", path, key,
                        did_you_mean(str(key).lower(), FRONT_MATTER_KEYS))
    return meta, source[match.end():], match.end()


def _split_header_block(source: str) -> tuple[dict, str, int]:
    lines = source.split("\n")
    meta: dict[str, Any] = {}
    consumed = 0
    for line in lines:
        match = _HEADER_LINE.match(line)
        if not match:
            break
        meta[match.group(1).lower()] = match.group(2).strip()
        consumed += len(line) + 1
    # A header block counts only when a blank line ends it.
    if not meta or consumed >= len(source) or lines[len(meta)].strip():
        return {}, source, 0
    start = consumed + len(lines[len(meta)]) + 1
    return meta, source[start:], start


def _split_eml(source: str, path: str) -> tuple[dict, str, int]:
    try:
        parsed = email.message_from_string(source, policy=email.policy.compat32)
        if parsed.defects and not parsed.keys():
            raise InputError(path, "not an email message: no readable headers")
        meta: dict[str, Any] = {}
        for key in ("subject", "to", "from", "date", "message-id", "in-reply-to", "references"):
            value = parsed.get(key)
            if value is not None:
                meta[key] = _header_text(str(value))
        body = _eml_text(parsed)
    except (email.errors.MessageError, LookupError, ValueError) as err:
        raise InputError(path, f"cannot read the email: {_show(str(err))}") from None
    except RecursionError:  # the stdlib parser and walk() recurse once per level of nested multiparts
        raise InputError(path, "cannot read the email: its parts are nested too deeply") from None
    if body is None:
        raise InputError(path, "email has no text part to read")
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    start = source.find(body[: min(len(body), 200)]) if body.strip() else -1
    if start < 0:
        # A decoded body (quoted-printable, base64, HTML) is not in the file as is: map it from the headers' end.
        start = source.find("\n\n") + 2 if "\n\n" in source else 0
    return meta, body, start


def _header_text(value: str) -> str:
    """A header's text: folded lines joined, RFC 2047 encoded words decoded when they can be."""
    value = re.sub(r"\n[ \t]+", " ", value).strip()
    if "=?" not in value:
        return value
    try:
        return str(email.header.make_header(email.header.decode_header(value)))
    except (email.errors.HeaderParseError, LookupError, UnicodeError):
        return value


def _eml_text(parsed: email.message.Message) -> str | None:
    plain, html = None, None
    for part in parsed.walk():
        if part.get_content_maintype() == "multipart" or part.get_filename():
            continue
        subtype = part.get_content_subtype()
        if part.get_content_maintype() != "text" or subtype not in ("plain", "html"):
            continue
        payload = part.get_payload(decode=True)
        if payload is None:
            payload = str(part.get_payload()).encode()
        charset = part.get_content_charset() or "utf-8"
        try:
            text = payload.decode(charset, errors="replace")
        except LookupError:
            text = payload.decode("utf-8", errors="replace")
        if subtype == "plain" and plain is None:
            plain = text
        elif subtype == "html" and html is None:
            html = text
    if plain is not None:
        return plain
    if html is not None:
        from .html import html_to_text
        return html_to_text(html)
    return None


def _assemble(source: str, path: str, fmt: str, meta: dict, body: str, body_start: int, today: dt.date) -> Message:
    meta = {str(key).lower(): value for key, value in meta.items()}
    subject = _optional_str(meta, "subject", path)
    to = _recipient(meta.get("to"), path)
    parts: BodyParts = split_body(body)
    kind, inferred, kind_cue = _kind(meta, parts, path)
    channel = _choice(meta, "channel", CHANNELS, path)
    if channel is None:
        channel = "email" if subject is not None or fmt == "eml" else ("linkedin" if kind == "connection-note" else "other")

    builder = _TextBuilder(source)
    sections: dict[str, tuple[int, int]] = {}
    if subject is not None:
        builder.add(subject, _locate_subject(source, subject))
        sections["subject"] = (0, builder.length)
        builder.add("\n\n", None)
    body_offset = builder.length
    for piece_start, piece_end in parts.kept:
        builder.add(body[piece_start:piece_end], body_start + piece_start if body_start >= 0 else None)
    text, origin = builder.build()
    if len(text) > MAX_TEXT_CHARS:
        raise InputError(path, f"message is {len(text):,} characters, over the {MAX_TEXT_CHARS:,} the coach analyses")

    def to_text(span: tuple[int, int]) -> tuple[int, int]:
        return span[0] + body_offset, span[1] + body_offset

    sections["greeting"] = to_text(parts.greeting)
    sections["body"] = to_text(parts.content)
    sections["signature"] = to_text(parts.signature)
    sections["message"] = (body_offset, len(text))
    line_starts = tuple([0] + [i + 1 for i, ch in enumerate(source) if ch == "\n"])
    sent, previous = _date(meta, "sent", path) or _eml_date(meta) or today, _date(meta, "previous", path)
    if previous and previous > sent:
        log.warning("%s: front matter 'previous' (%s) is after this message's date (%s): check the dates; "
                    "timing is not checked", path, previous.isoformat(), sent.isoformat())
    return Message(
        path=path, format=fmt, source=source, meta=meta, kind=kind, kind_inferred=inferred, kind_cue=kind_cue,
        channel=channel, subject=subject, sent=sent, previous=previous, to=to, sender=_sender(meta.get("from")),
        disabled=frozenset(_str_list(meta.get("disable"), "disable", path)),
        text=text, sections=sections, context=parts.context, origin=origin, line_starts=line_starts,
        language=foreign_language(parts.kept_text[parts.content[0]:parts.content[1]]),
        replied=_replied(meta, path), outcome=_choice(meta, "outcome", OUTCOMES, path),
    )


def _locate_subject(source: str, subject: str) -> int:
    found = source.find(subject)
    if found >= 0:
        return found
    key = _SUBJECT_KEY.search(source)
    return key.end() if key else 0


def _show(value: Any, limit: int = 60) -> str:
    """A value for a one-line error: its repr, flattened and shortened."""
    shown = " ".join(repr(value).split())
    return shown if len(shown) <= limit else shown[:limit - 3] + "..."


def _kind(meta: dict, parts: BodyParts, path: str) -> tuple[str, bool, str]:
    """(kind, inferred, cue). A reply's structure settles it; wording gives a first reading the parse may revise."""
    kind = _choice(meta, "kind", KINDS, path)
    if kind:
        return kind, False, FRONT_MATTER_CUE
    subject = str(meta.get("subject") or "")
    if parts.context or meta.get("in-reply-to") or re.match(r"\s*re:", subject, re.I):
        return "follow-up", True, REPLY_CUE
    content = parts.kept_text[parts.content[0]:parts.content[1]]
    for cue_kind, pattern in _KIND_CUES:
        found = pattern.search(content)
        if found:
            return cue_kind, True, f"wording: '{found.group(0)}'"
    return "cold", True, ""


def _choice(meta: dict, key: str, allowed: tuple[str, ...], path: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if not isinstance(value, str) or value.strip().lower() not in allowed:
        raise InputError(path, f"front matter '{key}': {_show(value)} is not one of {', '.join(allowed)}")
    return value.strip().lower()


def _optional_str(meta: dict, key: str, path: str) -> str | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, (dict, list)):
        raise InputError(path, f"front matter '{key}' must be text, not {_show(value)}")
    return str(value)


def _str_list(value: Any, key: str, path: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(item, (str, int, float)) for item in value):
        return [str(item) for item in value]
    raise InputError(path, f"front matter '{key}' must be a list of text")


def _recipient(value: Any, path: str) -> Recipient:
    if value is None:
        return Recipient()
    if isinstance(value, str):
        name, _address = email.utils.parseaddr(value)
        return Recipient(name=(name or value).strip() or None)
    if not isinstance(value, dict):
        raise InputError(path, f"front matter 'to' must be a name or a mapping, not {_show(value)}")
    fields = {str(k).lower(): v for k, v in value.items()}
    rtype = _choice(fields, "type", RECIPIENT_TYPES, path) if "type" in fields else None
    for key in ("name", "role", "org"):
        if fields.get(key) is not None and isinstance(fields[key], (dict, list)):
            raise InputError(path, f"front matter 'to.{key}' must be text")
    return Recipient(
        name=_text_or_none(fields.get("name")), role=_text_or_none(fields.get("role")),
        org=_text_or_none(fields.get("org")), type=rtype,
        work=tuple(_str_list(fields.get("work"), "to.work", path)),
        shared=tuple(_str_list(fields.get("shared"), "to.shared", path)),
    )


def _text_or_none(value: Any) -> str | None:
    return None if value is None else str(value).strip() or None


def _sender(value: Any) -> str | None:
    if isinstance(value, dict):
        return _text_or_none(value.get("name"))
    if isinstance(value, str):
        name, _address = email.utils.parseaddr(value)
        return name or value
    return None


def _date(meta: dict, key: str, path: str) -> dt.date | None:
    value = meta.get(key)
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip())
    except ValueError:
        raise InputError(path, f"front matter '{key}': {_show(value)} is not a date (YYYY-MM-DD)") from None


def _replied(meta: dict, path: str) -> dt.date | bool | None:
    """Front matter `replied:`: the date of their answer, or false for none yet."""
    if meta.get("replied") is False:
        return False
    try:
        return _date(meta, "replied", path)
    except InputError:
        raise InputError(path, f"front matter 'replied': {_show(meta['replied'])} is not a date (YYYY-MM-DD) "
                               "or false") from None


def _eml_date(meta: dict) -> dt.date | None:
    if not isinstance(meta.get("date"), str):
        return None
    try:
        return email.utils.parsedate_to_datetime(meta["date"]).date()
    except (TypeError, ValueError):
        return None
