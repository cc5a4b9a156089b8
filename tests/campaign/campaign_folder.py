"""Writing a folder of outreach for the campaign tests: Markdown drafts with front matter, and email threads."""
from __future__ import annotations

from pathlib import Path

import yaml


def draft(folder: Path, name: str, body: str, **meta) -> Path:
    """A .md file with `meta` as front matter (dates as YYYY-MM-DD text)."""
    front = yaml.safe_dump(meta, sort_keys=False).strip() if meta else ""
    path = folder / name
    path.write_text((f"---\n{front}\n---\n" if front else "") + body)
    return path


def email_file(folder: Path, name: str, headers: dict[str, str], body: str) -> Path:
    path = folder / name
    path.write_text("".join(f"{key}: {value}\n" for key, value in headers.items()) + "\n" + body)
    return path
