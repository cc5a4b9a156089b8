"""Rules as data: loading, validating and configuring the YAML rule files."""
from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..articles import ARTICLES
from ..bundled import bundled_folder
from ..config import Config
from ..errors import ConfigError, did_you_mean
from ..inputs.messages import CHANNELS, KINDS, RECIPIENT_TYPES
from ..yamlfile import load_yaml_file
from .checks import CHECK_TYPES, Check
from .checks.base import validate_options
from .findings import Severity

log = logging.getLogger(__name__)

SCOPES = ("subject", "greeting", "body", "signature", "message", "all")
RULE_ID = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
RULE_KEYS = {
    "id", "severity", "applies-to", "scope", "check", "message", "suggestion", "rationale",
    "source", "examples", "enabled", "quoted",
}
APPLIES_TO_KEYS = {"kinds": KINDS, "channels": CHANNELS, "recipient-types": RECIPIENT_TYPES,
                   "not-recipient-types": RECIPIENT_TYPES}


@dataclass(frozen=True)
class Source:
    article: str
    section: str

    @property
    def title(self) -> str:
        return ARTICLES.get(self.article, self.article)

    def __str__(self) -> str:
        return f"{self.article} ({self.title}): {self.section}" if self.section else f"{self.article} ({self.title})"


@dataclass(frozen=True)
class Rule:
    """One validated rule: what it checks, where it applies, what it says and why."""

    id: str
    severity: Severity
    check_type: str
    check: Check
    scope: str
    kinds: frozenset[str]
    channels: frozenset[str]
    recipient_types: frozenset[str]
    not_recipient_types: frozenset[str]
    message: str
    suggestion: str
    rationale: str
    source: Source
    fires: tuple[str, ...]
    passes: tuple[str, ...]
    enabled: bool
    quoted: bool
    file: str

    def applies(self, message) -> bool:
        """Whether this rule looks at a message of this kind, channel and recipient type."""
        if self.id in message.disabled:
            return False
        if self.kinds and message.kind not in self.kinds:
            return False
        if self.channels and message.channel not in self.channels:
            return False
        rtype = message.to.type
        if self.recipient_types and rtype not in self.recipient_types:
            return False
        return not (rtype and rtype in self.not_recipient_types)

    def parameters(self) -> Mapping[str, Any]:
        return self.check.options


def rule_files(folders: Iterable[Path]) -> Iterator[Path]:
    """Each rule file once, even when a folder is listed twice or reached by another path (by resolved path)."""
    seen: set[Path] = set()
    for folder in folders:
        if not folder.is_dir():
            raise ConfigError(f"{folder}: rule folder not found")
        for path in sorted(folder.glob("*.yaml")):
            if path.resolve() not in seen:
                seen.add(path.resolve())
                yield path


def load_rule(path: Path) -> Rule:
    """Load and validate one rule file (one rule per file)."""
    data = load_yaml_file(path)
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: a rule file holds one mapping (id, severity, check, ...)")
    rule_id = data.get("id")
    if not isinstance(rule_id, str) or not RULE_ID.match(rule_id):
        raise ConfigError(f"{path}: key 'id' must be a lower-case kebab-case rule id, not {rule_id!r}")
    where = f"{path}: rule '{rule_id}'"
    for key in data:
        if key not in RULE_KEYS:
            raise ConfigError(f"{where}: unknown key '{key}' (known: {', '.join(sorted(RULE_KEYS))})")
    try:
        severity = Severity.parse(str(_required(data, "severity", where)))
    except ValueError as err:
        raise ConfigError(f"{where}: key 'severity': {err}") from None
    check_block = _required(data, "check", where)
    if not isinstance(check_block, dict) or "type" not in check_block:
        raise ConfigError(f"{where}: key 'check' must be a mapping with a 'type'")
    check_type = check_block["type"]
    if check_type not in CHECK_TYPES:
        raise ConfigError(f"{where}: key 'check.type': unknown type {check_type!r} "
                          f"(known: {', '.join(sorted(CHECK_TYPES))})")
    raw_options = {k: v for k, v in check_block.items() if k != "type"}
    check = _build_check(check_type, raw_options, f"{where}: check")
    scope = data.get("scope", "message")
    if scope not in SCOPES:
        raise ConfigError(f"{where}: key 'scope': {scope!r} is not one of {', '.join(SCOPES)}")
    applies = data.get("applies-to") or {}
    if not isinstance(applies, dict):
        raise ConfigError(f"{where}: key 'applies-to' must be a mapping")
    sets = {}
    for key, value in applies.items():
        if key not in APPLIES_TO_KEYS:
            raise ConfigError(f"{where}: unknown key 'applies-to.{key}' (known: {', '.join(APPLIES_TO_KEYS)})")
        if not isinstance(value, list) or any(v not in APPLIES_TO_KEYS[key] for v in value):
            raise ConfigError(f"{where}: key 'applies-to.{key}' must be a list drawn from "
                              f"{', '.join(APPLIES_TO_KEYS[key])}")
        sets[key] = frozenset(value)
    source = _required(data, "source", where)
    if not isinstance(source, dict) or not isinstance(source.get("article"), str):
        raise ConfigError(f"{where}: key 'source' must be a mapping with 'article' (and 'section')")
    examples = data.get("examples") or {}
    if not isinstance(examples, dict) or set(examples) - {"fires", "passes"}:
        raise ConfigError(f"{where}: key 'examples' must be a mapping with 'fires' and 'passes' lists")
    for key in ("enabled", "quoted"):
        if key in data and not isinstance(data[key], bool):
            raise ConfigError(f"{where}: key '{key}' must be true or false")
    return Rule(
        id=rule_id, severity=severity, check_type=check_type, check=check, scope=scope,
        kinds=sets.get("kinds", frozenset()), channels=sets.get("channels", frozenset()),
        recipient_types=sets.get("recipient-types", frozenset()),
        not_recipient_types=sets.get("not-recipient-types", frozenset()),
        message=_text(data, "message", where, required=True), suggestion=_text(data, "suggestion", where),
        rationale=_text(data, "rationale", where, required=True),
        source=Source(source["article"], str(source.get("section", ""))),
        fires=_examples(examples, "fires", where), passes=_examples(examples, "passes", where),
        enabled=data.get("enabled", True), quoted=data.get("quoted", False), file=str(path),
    )


def _build_check(check_type: str, options: Mapping[str, Any], where: str) -> Check:
    cls = CHECK_TYPES[check_type]
    try:
        validated = validate_options(cls, options, where)
    except ValueError as err:
        raise ConfigError(str(err)) from None
    try:
        return cls(validated)
    except Exception as err:  # a check rejecting its parameters (e.g. a bad regex) is a config error
        raise ConfigError(f"{where}: invalid parameters: {' '.join(str(err).split())}") from None


def _required(data: dict, key: str, where: str) -> Any:
    if key not in data or data[key] is None:
        raise ConfigError(f"{where}: missing key '{key}'")
    return data[key]


def _text(data: dict, key: str, where: str, required: bool = False) -> str:
    value = _required(data, key, where) if required else data.get(key, "")
    if not isinstance(value, str):
        raise ConfigError(f"{where}: key '{key}' must be text")
    return value.strip()


def _examples(examples: dict, key: str, where: str) -> tuple[str, ...]:
    value = examples.get(key) or []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: key 'examples.{key}' must be a list of texts")
    return tuple(value)  # rendered and checked only by `rules check` and the tests (rulecheck.py)


def expand_example(text: str) -> str:
    """An example as a message file: examples may build long texts with Jinja loops (sandboxed)."""
    if "{%" not in text and "{{" not in text:
        return text
    from ..writing.sandbox import render

    return render(text)


def builtin_rules_dir() -> Path:
    """The shipped rules: inside the installed package, or the repository's `rules/` in a checkout."""
    return bundled_folder("rules")


class RuleSet:
    """The rules in force: built-ins, then user folders (a user rule with the same id replaces it), then config."""

    def __init__(self, rules: Iterable[Rule]):
        self.all = {rule.id: rule for rule in rules}
        self.enabled = tuple(rule for rule in self.all.values() if rule.enabled)
        # Worked out once: which rules need the parse, and the features they need together.
        self.parsing = frozenset(rule.id for rule in self.enabled if rule.check.features())
        self._features = frozenset().union(*(rule.check.features() for rule in self.enabled))

    @classmethod
    def load(cls, config: Config | None = None) -> "RuleSet":
        config = config or Config()
        rules: dict[str, Rule] = {}
        for path in rule_files((builtin_rules_dir(), *config.rule_paths)):
            rule = load_rule(path)
            if rule.id in rules and Path(rules[rule.id].file).parent == path.parent:
                raise ConfigError(f"{path}: rule '{rule.id}': key 'id': already defined in {rules[rule.id].file}")
            rules[rule.id] = rule
        _check_ids(rules, config)
        return cls(_configure(rule, config) for rule in rules.values())

    def get(self, rule_id: str) -> Rule | None:
        return self.all.get(rule_id)

    def features(self) -> frozenset[str]:
        """The parse features the enabled rules need (see nlp.FEATURE_COMPONENTS)."""
        return self._features


def _check_ids(rules: Mapping[str, Rule], config: Config) -> None:
    for rule_id in config.rules:
        if rule_id not in rules:
            raise ConfigError(f"{config.source}: rule '{rule_id}': no such rule{did_you_mean(rule_id, rules)}")
    for pattern, ids in config.per_file_disable:
        for rule_id in ids:
            if rule_id not in rules:
                raise ConfigError(f"{config.source}: key 'per-file-disable': '{pattern}': no rule '{rule_id}'"
                                  f"{did_you_mean(rule_id, rules)}")


def _configure(rule: Rule, config: Config) -> Rule:
    settings = config.settings(rule.id)
    changes: dict[str, Any] = {}
    if settings.enabled is not None:
        changes["enabled"] = settings.enabled
    if settings.severity is not None:
        changes["severity"] = settings.severity
    if settings.options:
        merged = {**rule.check.options, **settings.options}
        changes["check"] = _build_check(rule.check_type, merged, f"{config.source}: rule '{rule.id}'")
    return replace(rule, **changes) if changes else rule
