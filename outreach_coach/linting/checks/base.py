"""What every check type shares: declared parameters, declared parse needs, and the hits it yields."""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from ...errors import did_you_mean
from ...understanding.reading import Reading

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from ...inputs.messages import Message


@dataclass(frozen=True)
class Param:
    """One parameter a check type accepts in a rule's `check:` block."""

    name: str
    type: type | tuple[type, ...]
    default: Any = None
    help: str = ""
    required: bool = False
    # Numeric parameters are counts, lengths and ratios: below this (or NaN) they make no sense.
    minimum: float = 0


@dataclass(frozen=True)
class Hit:
    """What a check reports: a span of `message.text`, variables for the message, an optional suggestion."""

    start: int
    end: int
    variables: Mapping[str, str] = field(default_factory=dict)
    suggestion: str | None = None


@dataclass(frozen=True)
class Context:
    """One message as a check sees it: the parsed message, its spaCy doc, the rule's scope, and the
    message's `Reading` (what it asks, offers, references), shared by every rule that runs on it."""

    message: "Message"
    doc: "Doc | None"
    scope: tuple[int, int]
    reading: "Reading | None" = None

    def __post_init__(self) -> None:
        if self.reading is None and self.doc is not None:
            object.__setattr__(self, "reading", Reading(self.message, self.doc))

    @property
    def scope_text(self) -> str:
        return self.message.text[self.scope[0]:self.scope[1]]

    def in_scope(self, start: int, end: int) -> bool:
        return self.scope[0] <= start and end <= self.scope[1]

    def within(self, section: str) -> "Context":
        """The same message seen through another section ("all" is the whole text)."""
        text = self.message.text
        scope = (0, len(text)) if section == "all" else self.message.sections.get(section, (0, 0))
        return Context(self.message, self.doc, scope, self.reading)


class Check:
    """Base class of check types. Subclasses declare `params` and `needs`, and implement `run`."""

    params: ClassVar[tuple[Param, ...]] = ()
    needs: ClassVar[frozenset[str]] = frozenset()

    def __init__(self, options: Mapping[str, Any]):
        self.options = dict(options)

    def features(self) -> frozenset[str]:
        """The parse features this configured check needs (see nlp.FEATURE_COMPONENTS)."""
        return self.needs

    def prepare(self, nlp: "Language") -> None:
        """Build anything that needs the model's vocabulary (matchers); called once per loaded model."""

    def run(self, ctx: Context) -> Iterator[Hit]:
        raise NotImplementedError


def validate_options(check_cls: type[Check], raw: Mapping[str, Any], where: str) -> dict[str, Any]:
    """Check a rule's parameters against the type's declaration; fill defaults; name the bad key."""
    known = {param.name: param for param in check_cls.params}
    for key in raw:
        if key not in known:
            names = ", ".join(known) or "none"
            raise ValueError(f"{where}: unknown key '{key}'{did_you_mean(str(key), known)} (parameters: {names})")
    options: dict[str, Any] = {}
    for name, param in known.items():
        if name not in raw:
            if param.required:
                raise ValueError(f"{where}: missing key '{name}' ({param.help})")
            options[name] = param.default
            continue
        value = raw[name]
        if not isinstance(value, param.type) or (isinstance(value, bool) and param.type in (int, float, (int, float))):
            expected = getattr(param.type, "__name__", None) or "/".join(t.__name__ for t in param.type)
            raise ValueError(f"{where}: key '{name}' must be {expected}, not {value!r}")
        if isinstance(value, (int, float)) and not value >= param.minimum:
            raise ValueError(f"{where}: key '{name}' must be at least {param.minimum}, not {value!r}")
        options[name] = value
    return options
