"""`lsp` and `serve`: the coach where people write, in an editor or a local web page."""
from __future__ import annotations

import click

from .common import load_config
from .lint import config_option


def _need(module: str, extra: str) -> None:
    """Stop with a one-line hint when an optional extra is not installed."""
    import importlib.util

    if importlib.util.find_spec(module) is None:
        raise click.ClickException(f"this command needs the '{extra}' extra: {install_hint(extra)}")


def install_hint(extra: str) -> str:
    """How to install an extra, in both the places people install from (the package is not only on an index)."""
    return f"pip install '.[{extra}]' from a clone, or pip install 'outreach-coach[{extra}]' from an index"


@click.command("lsp")
@click.option("--debounce", type=click.FloatRange(0, 10), default=0.3, show_default=True,
              help="Seconds of quiet after a change before the document is linted again.")
def lsp_command(debounce):
    """Run the language server over stdio (for editors; config is found from each document's folder)."""
    _need("pygls", "lsp")
    from ..lsp import main

    main(debounce)


@click.command("serve")
@config_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the page is for you alone, so keep it on this machine unless you mean it.")
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True, help="Port to listen on.")
def serve_command(config_path, host, port):
    """Serve the local web page: paste a draft, see findings, and write a better one from a template."""
    _need("starlette", "web")
    _need("uvicorn", "web")
    import uvicorn

    from ..web import allowed_hosts, create_app

    app = create_app(load_config(config_path), allowed_hosts(host))
    click.echo(f"outreach-coach: serving on http://{host}:{port}/ (Ctrl+C to stop)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="warning")
