"""The local web page (`outreach-coach serve`): a Starlette app over the same library the CLI uses."""
from __future__ import annotations

from .app import LOCAL_HOSTS, create_app

__all__ = ["LOCAL_HOSTS", "create_app"]
