"""What the command modules share: exit codes and loading the coach from the global options."""
from __future__ import annotations

import enum
from pathlib import Path

from ... import config as config_module
from ...config import Config


class ExitCode(enum.IntEnum):
    CLEAN = 0
    FINDINGS = 1
    USAGE = 2


def load_config(config_path: str | None) -> Config:
    """The config named by --config, or the one discovered from the working directory upward."""
    return config_module.load(Path(config_path) if config_path else None)
