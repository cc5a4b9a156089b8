"""The local web page (`outreach-coach serve`): a Starlette app over the same library the CLI uses."""
from __future__ import annotations

from .app import allowed_hosts, create_app

__all__ = ["allowed_hosts", "create_app"]
