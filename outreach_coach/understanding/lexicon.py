"""The coach's vocabulary: named word sets in YAML files (`lexicon/`, one file per family), loaded on first use.

A notion module names the sets it reads as module constants (`NEGATION = WordSet("clauses", "negation")`);
nothing is read from disk until a rule first asks a set for a word. A user's config can add words to
any set (`lexicon: {tone.acronyms: [NCLEX]}`) without touching Python.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Set
from dataclasses import dataclass
from pathlib import Path

from ..bundled import bundled_folder
from ..errors import ConfigError, did_you_mean
from ..yamlfile import load_yaml_file

FAMILY_KEYS = frozenset({"about", "serves", "sets"})
SET_KEYS = frozenset({"why", "notions", "words", "includes"})


@dataclass(frozen=True)
class WordList:
    """One named set: its words, why it exists, and the notions that read it."""

    family: str
    name: str
    why: str
    notions: tuple[str, ...]
    words: frozenset[str]
    includes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Family:
    """One lexicon file: what it is about, the rules its notions serve, and its sets."""

    name: str
    about: str
    serves: tuple[str, ...]
    sets: Mapping[str, WordList]
    file: str


def load_family(path: Path) -> Family:
    """Read and validate one family file; every error names the file and, where it can, the set and key."""
    data = load_yaml_file(path)
    where = str(path)
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: a lexicon file must be a mapping with keys {', '.join(sorted(FAMILY_KEYS))}")
    _known_keys(data, FAMILY_KEYS, where)
    about, serves, raw_sets = data.get("about"), data.get("serves") or [], data.get("sets")
    if not isinstance(about, str) or not about.strip():
        raise ConfigError(f"{where}: key 'about' must be a line of text")
    if not _texts(serves):
        raise ConfigError(f"{where}: key 'serves' must be a list of rule ids")
    if not isinstance(raw_sets, dict) or not raw_sets:
        raise ConfigError(f"{where}: key 'sets' must map set names to sets")
    family = path.stem
    sets = {}
    for name, raw in raw_sets.items():
        here = f"{where}: set '{name}'"
        if not isinstance(raw, dict):
            raise ConfigError(f"{here}: must be a mapping with keys {', '.join(sorted(SET_KEYS))}")
        _known_keys(raw, SET_KEYS, here)
        why, notions = raw.get("why"), raw.get("notions") or []
        words, includes = raw.get("words") or [], raw.get("includes") or []
        if not isinstance(why, str) or not why.strip():
            raise ConfigError(f"{here}: key 'why' must say in a line why the set exists")
        if not _texts(notions):
            raise ConfigError(f"{here}: key 'notions' must be a list of names")
        if not _texts(words) or not _texts(includes) or not (words or includes):
            raise ConfigError(f"{here}: key 'words' must be a list of text (or 'includes' a list of sets)")
        includes = [item if "." in item else f"{family}.{item}" for item in includes]
        sets[name] = WordList(family, name, why.strip(), tuple(notions), frozenset(words), tuple(includes))
    return Family(family, about.strip(), tuple(serves), sets, where)


def _known_keys(data: dict, known: frozenset[str], where: str) -> None:
    for key in data:
        if key not in known:
            raise ConfigError(f"{where}: unknown key '{key}'{did_you_mean(str(key), known)}")


def _texts(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


class Lexicon:
    """Every family in the lexicon folder, with a user's additions applied."""

    def __init__(self, families: Mapping[str, Family]):
        self.families = dict(families)
        lists = {(f.name, s.name): s for f in families.values() for s in f.sets.values()}
        self._words: dict[tuple[str, str], frozenset[str]] = {}
        for key in lists:
            self._resolve(key, lists, ())

    def _resolve(self, key: tuple[str, str], lists: Mapping[tuple[str, str], WordList],
                 seen: tuple[tuple[str, str], ...]) -> frozenset[str]:
        """A set's own words and those of the sets it includes (each resolved once)."""
        if key in self._words:
            return self._words[key]
        word_list = lists[key]
        where = f"{self.families[key[0]].file}: set '{key[1]}'"
        words = set(word_list.words)
        for item in word_list.includes:
            included = tuple(item.split(".", 1))
            if included not in lists:
                known = [".".join(k) for k in lists]
                raise ConfigError(f"{where}: key 'includes': no set '{item}'{did_you_mean(item, known)}")
            if included in seen or included == key:
                raise ConfigError(f"{where}: key 'includes': '{item}' includes this set again")
            words |= self._resolve(included, lists, seen + (key,))
        self._words[key] = frozenset(words)
        return self._words[key]

    @classmethod
    def load(cls, folder: Path | None = None) -> "Lexicon":
        folder = folder or bundled_folder("lexicon")
        return cls({path.stem: load_family(path) for path in sorted(folder.glob("*.yaml"))})

    def words(self, family: str, name: str) -> frozenset[str]:
        return self._words[(family, name)]

    def extended(self, additions: Mapping[str, Iterable[str]], where: str = "<config>") -> "Lexicon":
        """A copy with words added to sets named `family.set`; an unknown name is an error naming it.

        Words added to a set reach the sets that include it too.
        """
        families = dict(self.families)
        for key in additions:
            family, _, name = key.partition(".")
            if family in families and name in families[family].sets:
                word_list = families[family].sets[name]
                sets = {**families[family].sets, name: WordList(
                    family, name, word_list.why, word_list.notions, word_list.words | frozenset(additions[key]),
                    word_list.includes)}
                families[family] = Family(family, families[family].about, families[family].serves, sets,
                                          families[family].file)
        known = [f"{family}.{name}" for family, name in self._words]
        for key in additions:
            if tuple(key.partition(".")[::2]) not in self._words:
                raise ConfigError(f"{where}: key 'lexicon': no word set '{key}'{did_you_mean(key, known)}")
        return Lexicon(families)

    def serving(self, rule_id: str) -> list[Family]:
        """The families whose notions the rule reads."""
        return [family for family in self.families.values() if rule_id in family.serves]


_base: Lexicon | None = None
_current: Lexicon | None = None
_additions: Mapping[str, tuple[str, ...]] = {}


def current_base() -> Lexicon:
    """The built-in lexicon without any config's additions, loaded once."""
    global _base
    if _base is None:
        _base = Lexicon.load()
    return _base


def current() -> Lexicon:
    """The process's lexicon, loaded on first use, with the configured additions."""
    global _current
    if _current is None:
        _current = current_base().extended(_additions) if _additions else current_base()
    return _current


def configure(additions: Mapping[str, tuple[str, ...]], where: str = "<config>") -> None:
    """Use a config's additions from now on (checked against the sets at once)."""
    global _current, _additions
    if dict(additions) == dict(_additions):
        return
    _current = current_base().extended(additions, where)
    _additions = dict(additions)
    for word_set in WordSet.instances:
        word_set._words = None


class WordSet(Set):
    """A lexicon set as a module constant: a read-only set of words that loads itself when first read."""

    instances: list["WordSet"] = []
    __slots__ = ("family", "name", "_words")

    def __init__(self, family: str, name: str):
        self.family, self.name, self._words = family, name, None
        WordSet.instances.append(self)

    def _loaded(self) -> frozenset[str]:
        if self._words is None:
            self._words = current().words(self.family, self.name)
        return self._words

    def __contains__(self, word: object) -> bool:
        return word in (self._words if self._words is not None else self._loaded())

    def __iter__(self) -> Iterator[str]:
        return iter(self._loaded())

    def __len__(self) -> int:
        return len(self._loaded())

    def __hash__(self) -> int:
        return hash((self.family, self.name))

    def __repr__(self) -> str:
        return f"WordSet({self.family!r}, {self.name!r})"

    @classmethod
    def _from_iterable(cls, iterable: Iterable[str]) -> frozenset[str]:
        return frozenset(iterable)

    # Set algebra on the loaded frozenset itself: the mixins' element-by-element versions are slow.
    def __or__(self, other: Iterable[str]) -> frozenset[str]:
        return self._loaded() | _words(other)

    __ror__ = __or__

    def __and__(self, other: Iterable[str]) -> frozenset[str]:
        return self._loaded() & _words(other)

    __rand__ = __and__

    def __sub__(self, other: Iterable[str]) -> frozenset[str]:
        return self._loaded() - _words(other)

    def __rsub__(self, other: Iterable[str]) -> frozenset[str]:
        return _words(other) - self._loaded()


def _words(value: Iterable[str]) -> frozenset[str] | set[str]:
    if isinstance(value, WordSet):
        return value._loaded()
    return value if isinstance(value, (set, frozenset)) else frozenset(value)
