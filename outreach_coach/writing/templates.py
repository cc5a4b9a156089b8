"""Templates as data: the catalogue of better messages, their headers, and sandboxed rendering.

A template is a Jinja file `<folder>/<id>.md.j2`. It opens with a Jinja comment holding a YAML
header (id, situation, kinds, channels, recipient-types, signals, fixes, variables); the rest
renders to a message file (.md with front matter) that the linter reads.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..bundled import bundled_folder, is_bundled
from ..config import Config
from ..errors import ConfigError, did_you_mean
from ..inputs.messages import CHANNELS, KINDS, RECIPIENT_TYPES
from ..yamlfile import load_yaml_text
from .situation import SIGNALS

if TYPE_CHECKING:
    from jinja2.sandbox import SandboxedEnvironment

log = logging.getLogger(__name__)

SUFFIX = ".md.j2"
TEMPLATE_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*(?:/[a-z0-9]+(?:-[a-z0-9]+)*)*$")
_HEADER = re.compile(r"\A\{#-?(.*?)-?#\}\n?", re.DOTALL)
HEADER_KEYS = {"id", "situation", "kinds", "default-for", "channels", "recipient-types", "signals", "fixes",
               "variables"}
VARIABLE_KEYS = {"description", "required", "example", "type"}
VARIABLE_TYPES = ("text", "list")


class RenderError(ValueError):
    """Values that cannot fill a template: missing or unknown variables, or a value of the wrong type."""


@dataclass(frozen=True)
class Variable:
    """One slot of a template."""

    name: str
    description: str
    required: bool
    example: Any
    type: str = "text"

    @property
    def label(self) -> str:
        """The name as a person reads it: 'what_you_did' -> 'What you did'."""
        return self.name.replace("_", " ").capitalize()


@dataclass(frozen=True)
class Template:
    """One validated template: where it fits, what it fixes, its variables and its Jinja body."""

    id: str
    situation: str
    kinds: tuple[str, ...]
    default_for: tuple[str, ...]
    channels: tuple[str, ...]
    recipient_types: tuple[str, ...]
    signals: tuple[str, ...]
    fixes: tuple[str, ...]
    variables: tuple[Variable, ...]
    body: str
    file: str

    def variable(self, name: str) -> Variable | None:
        """The declared variable of that name, if any."""
        return next((v for v in self.variables if v.name == name), None)

    def example_values(self) -> dict[str, Any]:
        """The template's own example value for every variable."""
        return {v.name: v.example for v in self.variables}


def builtin_templates_dir() -> Path:
    """The shipped templates: inside the installed package, or the repository's `templates/` in a checkout."""
    return bundled_folder("templates")


def template_id(folder: Path, path: Path) -> str:
    """The id of a template file: its path inside the folder without the suffix."""
    return path.relative_to(folder).as_posix()[: -len(SUFFIX)]


def load_template(path: Path, expected_id: str) -> Template:
    """Read and validate one template file; errors name the file and the key."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise ConfigError(f"{path}: cannot read: {err}") from None
    match = _HEADER.match(text)
    if not match:
        raise ConfigError(f"{path}: a template starts with a {{# ... #}} comment holding its YAML header")
    header = load_yaml_text(match.group(1), str(path), trusted=is_bundled(path))
    if not isinstance(header, dict):
        raise ConfigError(f"{path}: the template header must be a mapping (id, situation, variables, ...)")
    where = f"{path}: template '{expected_id}'"
    for key in header:
        if key not in HEADER_KEYS:
            raise ConfigError(f"{where}: unknown key '{key}' (known: {', '.join(sorted(HEADER_KEYS))})")
    if header.get("id") != expected_id:
        raise ConfigError(f"{where}: key 'id' must be {expected_id!r} (the path without {SUFFIX}), "
                          f"not {header.get('id')!r}")
    situation = header.get("situation")
    if not isinstance(situation, str) or not situation.strip():
        raise ConfigError(f"{where}: key 'situation' must be text saying when the template fits")
    body = text[match.end():]
    body_line = text[:match.end()].count("\n")  # lines above the body, so errors name the file's own line
    template = Template(
        id=expected_id, situation=" ".join(situation.split()),
        kinds=_choices(header, "kinds", KINDS, where), default_for=_choices(header, "default-for", KINDS, where),
        channels=_choices(header, "channels", CHANNELS, where),
        recipient_types=_choices(header, "recipient-types", RECIPIENT_TYPES, where),
        signals=_choices(header, "signals", SIGNALS, where), fixes=_choices(header, "fixes", None, where),
        variables=_variables(header.get("variables"), where), body=body, file=str(path),
    )
    _check_body(template, where, body_line)
    return template


def _choices(header: dict, key: str, allowed: tuple[str, ...] | None, where: str) -> tuple[str, ...]:
    value = header.get(key) or []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: key '{key}' must be a list of names")
    if allowed is not None:
        wrong = [item for item in value if item not in allowed]
        if wrong:
            raise ConfigError(f"{where}: key '{key}': {', '.join(wrong)} not one of {', '.join(allowed)}")
    return tuple(value)


def _variables(value: Any, where: str) -> tuple[Variable, ...]:
    if not isinstance(value, dict) or not value:
        raise ConfigError(f"{where}: key 'variables' must map each variable name to its description")
    variables = []
    for name, spec in value.items():
        at = f"{where}: variable '{name}'"
        if not isinstance(name, str) or not name.isidentifier():
            raise ConfigError(f"{at}: a variable name is a plain identifier")
        if not isinstance(spec, dict):
            raise ConfigError(f"{at}: must be a mapping with description, required and example")
        for key in spec:
            if key not in VARIABLE_KEYS:
                raise ConfigError(f"{at}: unknown key '{key}' (known: {', '.join(sorted(VARIABLE_KEYS))})")
        description, required = spec.get("description"), spec.get("required")
        kind = spec.get("type", "text")
        if not isinstance(description, str) or not description.strip():
            raise ConfigError(f"{at}: key 'description' must be text")
        if not isinstance(required, bool):
            raise ConfigError(f"{at}: key 'required' must be true or false (every variable says)")
        if kind not in VARIABLE_TYPES:
            raise ConfigError(f"{at}: key 'type' must be one of {', '.join(VARIABLE_TYPES)}")
        variable = Variable(name, description.strip(), required, spec.get("example"), kind)
        try:
            _check_value(variable, variable.example)
        except RenderError as err:
            raise ConfigError(f"{at}: key 'example': {err}") from None
        variables.append(variable)
    return tuple(variables)


def _check_body(template: Template, where: str, body_line: int) -> None:
    """The body must parse, and use exactly the variables its header declares."""
    from jinja2 import TemplateSyntaxError, meta, nodes

    try:
        tree = _environment().parse(template.body)
    except TemplateSyntaxError as err:
        raise ConfigError(f"{where}: line {body_line + err.lineno}: {err.message}") from None
    if any(True for _ in tree.find_all((nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends))):
        raise ConfigError(f"{where}: a template stands alone: no include, import or extends")
    used = meta.find_undeclared_variables(tree)
    declared = {v.name for v in template.variables}
    if used - declared:
        raise ConfigError(f"{where}: the body uses undeclared variables: {', '.join(sorted(used - declared))}")
    if declared - used:
        raise ConfigError(f"{where}: declared variables the body never uses: {', '.join(sorted(declared - used))}")


def _environment() -> "SandboxedEnvironment":
    """A bounded sandbox (StrictUndefined, capped loops and sizes) with no loader, so no include reaches a file."""
    from .sandbox import BoundedSandbox

    env = BoundedSandbox(keep_trailing_newline=True, autoescape=False, trim_blocks=True, lstrip_blocks=True)
    # A value in front matter is written as a JSON string, which is also valid YAML whatever it holds.
    env.filters["yaml"] = lambda value: json.dumps(str(value), ensure_ascii=False)
    env.filters["longdate"] = _long_date
    return env


def _long_date(value: Any) -> str:
    """'2026-11-02' as 'Monday 2 November'; anything that is not an ISO date is left as it is."""
    try:
        day = dt.date.fromisoformat(str(value).strip())
    except ValueError:
        return str(value)
    return f"{day:%A} {day.day} {day:%B}"


def _check_value(variable: Variable, value: Any) -> None:
    if variable.type == "list":
        if not isinstance(value, list) or not value or not all(isinstance(v, (str, int, float)) for v in value):
            raise RenderError(f"'{variable.name}' must be a list of texts")
    elif isinstance(value, (dict, list)) or (value is None and variable.required):
        raise RenderError(f"'{variable.name}' must be text")


def check_known(template: Template, names: Iterable[str]) -> None:
    """Raise RenderError naming every value name the template does not declare."""
    unknown = sorted(set(names) - {v.name for v in template.variables})
    if unknown:
        known = ", ".join(v.name for v in template.variables)
        raise RenderError(f"template '{template.id}': unknown variables: {', '.join(unknown)} (known: {known})")


def render(template: Template, values: Mapping[str, Any]) -> str:
    """Render a template with values; missing required or unknown variables raise RenderError naming all."""
    check_known(template, values)
    missing = [v.name for v in template.variables if v.required and _blank(values.get(v.name))]
    if missing:
        raise RenderError(f"template '{template.id}': missing required variables: {', '.join(missing)}")
    filled: dict[str, Any] = {}
    for variable in template.variables:
        value = values.get(variable.name)
        if _blank(value):
            filled[variable.name] = [] if variable.type == "list" else ""
            continue
        _check_value(variable, value)
        filled[variable.name] = [str(v) for v in value] if variable.type == "list" else str(value).strip()
    from jinja2 import TemplateError

    from .sandbox import render as render_sandboxed

    try:
        return render_sandboxed(template.body, filled, _environment())
    except TemplateError as err:  # includes the sandbox's SecurityError and bounds
        raise RenderError(f"template '{template.id}' ({template.file}): {err}") from None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, (str, list)) and not value)


class Catalogue:
    """The templates in force: user folders from config first, then the built-in ones."""

    def __init__(self, folders: Iterable[Path], skip_broken: bool = False):
        self.folders = tuple(folders)
        self._all: dict[str, Template] | None = None
        # With skip_broken, a broken user template is left out (and reported once) rather than stopping `lint`.
        self.skip_broken = skip_broken
        self.broken: dict[str, str] = {}

    @classmethod
    def load(cls, config: Config | None = None, skip_broken: bool = False) -> "Catalogue":
        """The config's template folders, then the built-in one."""
        config = config or Config()
        return cls((*config.template_paths, builtin_templates_dir()), skip_broken)

    def all(self) -> dict[str, Template]:
        """Every template by id, the first folder that holds an id winning."""
        if self._all is None:
            found: dict[str, Template] = {}
            for folder in self.folders:
                if not folder.is_dir():
                    raise ConfigError(f"{folder}: template folder not found")
                for path in sorted(folder.rglob(f"*{SUFFIX}")):
                    tid = template_id(folder, path)
                    # A symlink leading out of the folder is not one of its templates.
                    if tid not in found and tid not in self.broken and path.resolve().is_relative_to(folder.resolve()):
                        self._add(found, folder, path, tid)
            self._all = dict(sorted(found.items()))
        return self._all

    def _add(self, found: dict[str, Template], folder: Path, path: Path, tid: str) -> None:
        try:
            found[tid] = load_template(path, tid)
        except ConfigError as err:
            if not self.skip_broken or folder == builtin_templates_dir():
                raise  # a shipped template is never broken on purpose: fail loudly
            log.warning("%s (template left out)", err)
            self.broken[tid] = str(err)

    def get(self, tid: str) -> Template:
        """One template by id; a malformed id (e.g. '../x') or an unknown one raises RenderError."""
        if not TEMPLATE_ID.match(tid):
            raise RenderError(f"{tid!r} is not a template id (lower-case words joined by '/'; no '..', no suffix)")
        template = self.all().get(tid)
        if tid in self.broken:
            raise RenderError(f"template {tid!r} cannot be used: {self.broken[tid]}")
        if template is None:
            raise RenderError(f"no template {tid!r}{did_you_mean(tid, self.all())}; see 'outreach-coach template list'")
        return template
