"""The folders the package ships (rules, templates, lexicon): inside an installed wheel, or beside the package in a checkout."""
from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_folder(name: str) -> Path:
    """The packaged folder `name`, or the checkout's top-level one when running from source."""
    packaged = PACKAGE_DIR / name
    return packaged if packaged.is_dir() else PACKAGE_DIR.parent / name


BUNDLED_FOLDERS = ("rules", "templates", "lexicon")


def is_bundled(path: Path) -> bool:
    """Whether a file is one the package ships (its own rules, templates or lexicon), not a user's."""
    resolved = path.resolve()
    return any(resolved.is_relative_to(bundled_folder(name).resolve()) for name in BUNDLED_FOLDERS)
