"""Combining check types: one rule that fires on whichever of several checks finds something."""
from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ...inputs.messages import KINDS
from .base import Check, Context, Hit, Param, validate_options

if TYPE_CHECKING:
    from spacy.language import Language

# The sections a part may look at instead of the rule's scope (as in a rule's `scope:`).
PART_SCOPES = ("subject", "greeting", "body", "signature", "message", "all")


class AnyOf(Check):
    """Fires on the hits of each of several checks, overlaps merged; a part may set its own `scope` and `kinds`."""

    params = (Param("checks", list, required=True, help="check blocks: {type, scope, kinds (optional), parameters}"),)

    def __init__(self, options):
        super().__init__(options)
        from . import CHECK_TYPES

        self.parts: list[tuple[Check, str | None, frozenset[str]]] = []
        for index, block in enumerate(self.options["checks"]):
            where = f"checks[{index}]"
            if not isinstance(block, dict) or block.get("type") not in CHECK_TYPES:
                raise ValueError(f"{where}: must be a mapping with a known 'type' ({', '.join(sorted(CHECK_TYPES))})")
            scope = block.get("scope")
            if scope is not None and scope not in PART_SCOPES:
                raise ValueError(f"{where}: scope {scope!r} is not one of {', '.join(PART_SCOPES)}")
            kinds = block.get("kinds", [])
            if not isinstance(kinds, list) or any(kind not in KINDS for kind in kinds):
                raise ValueError(f"{where}: kinds must be a list drawn from {', '.join(KINDS)}")
            raw = {k: v for k, v in block.items() if k not in ("type", "scope", "kinds")}
            cls = CHECK_TYPES[block["type"]]
            options = validate_options(cls, raw, where)
            try:
                part = cls(options)
            except ValueError as err:
                raise ValueError(f"{where}: {err}") from None
            self.parts.append((part, scope, frozenset(kinds)))

    def features(self) -> frozenset[str]:
        return frozenset().union(*(part.features() for part, _scope, _kinds in self.parts))

    def prepare(self, nlp: "Language") -> None:
        for part, _scope, _kinds in self.parts:
            part.prepare(nlp)

    def run(self, ctx: Context) -> Iterator[Hit]:
        hits = []
        for part, scope, kinds in self.parts:
            if not kinds or ctx.message.kind in kinds:
                hits.extend(part.run(ctx if scope is None else ctx.within(scope)))
        # Two parts often find the same words ("I need you to" and "need you to reply by Friday"): one finding.
        kept_end = -1
        for hit in sorted(hits, key=lambda h: (h.start, -h.end)):
            if hit.start >= kept_end or hit.start == hit.end:
                yield hit
                kept_end = max(kept_end, hit.end)
