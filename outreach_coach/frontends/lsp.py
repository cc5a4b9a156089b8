"""A Language Server Protocol server (pygls) that lints message documents as people type.

One coach per config file, found upward from each document's folder as `lint` does; the spaCy model
loads once per process (`nlp.load` is cached), and a change re-lints only the changed document, after
a short pause in typing.
"""
from __future__ import annotations

import asyncio
import logging
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from lsprotocol import types as lsp
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace.position_codec import ServerTextPosition, ServerTextRange

from .. import __version__
from .. import config as config_module
from ..errors import ConfigError
from ..inputs.messages import format_for
from ..linting.engine import Coach
from ..linting.findings import Finding, Severity
from .lsp_guard import FramedInput, QuietProtocol

log = logging.getLogger(__name__)

SOURCE = "outreach-coach"
SHOW_SUGGESTION = "outreach-coach.showSuggestion"
DEBOUNCE_SECONDS = 0.3
_SEVERITIES = {
    Severity.ERROR: lsp.DiagnosticSeverity.Error,
    Severity.WARNING: lsp.DiagnosticSeverity.Warning,
    Severity.SUGGESTION: lsp.DiagnosticSeverity.Information,
}


@dataclass(frozen=True)
class Linted:
    """What the server knows about a document after its last lint: findings and their server ranges."""

    coach: Coach
    findings: tuple[tuple[Finding, ServerTextRange], ...]


class CoachServer(LanguageServer):
    """The language server: holds the coaches, the last findings per document and the pending lints."""

    def __init__(self, debounce: float = DEBOUNCE_SECONDS):
        super().__init__(SOURCE, __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental,
                         protocol_cls=QuietProtocol)
        self.debounce = debounce
        self.linted: dict[str, Linted] = {}
        self._coaches: dict[tuple[str | None, int], Coach] = {}
        self._pending: dict[str, asyncio.Task] = {}
        # One worker: the coach and spaCy are used from one thread at a time, the event loop stays free.
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="outreach-coach-lint")

    def coach_for(self, path: Path | None) -> Coach:
        """The coach for a document: config discovered from its folder (cwd for unsaved ones), reloaded when edited."""
        found = config_module.discover(path.parent if path else None)
        key = (str(found) if found else None, found.stat().st_mtime_ns if found else 0)
        if key not in self._coaches:
            coach = Coach(config_module.load(found))
            # The coach of an earlier version of the same config file is no longer wanted.
            self._coaches = {k: c for k, c in self._coaches.items() if k[0] != key[0]}
            self._coaches[key] = coach
        return self._coaches[key]

    def schedule(self, uri: str, delay: float) -> None:
        """Lint a document after `delay` seconds, replacing a lint of it still waiting."""
        pending = self._pending.pop(uri, None)
        if pending:
            pending.cancel()
        self._pending[uri] = asyncio.get_running_loop().create_task(self._lint_later(uri, delay))

    def forget(self, uri: str) -> None:
        """Drop a closed document's state and clear its diagnostics."""
        pending = self._pending.pop(uri, None)
        if pending:
            pending.cancel()
        self.linted.pop(uri, None)
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    async def _lint_later(self, uri: str, delay: float) -> None:
        await asyncio.sleep(delay)
        document = self.workspace.get_text_document(uri)
        version, source = document.version, document.source
        outcome = await asyncio.get_running_loop().run_in_executor(self._worker, self.lint_source, uri, source)
        if self._pending.get(uri) is asyncio.current_task():
            del self._pending[uri]
        if self.workspace.get_text_document(uri).version != version:
            return  # a newer change has its own lint on the way
        if isinstance(outcome, Linted):
            self.linted[uri] = outcome
            diagnostics = [_diagnostic(finding, document.range_to_client_units(span))
                           for finding, span in outcome.findings]
        else:
            self.linted.pop(uri, None)
            diagnostics = outcome
        self.text_document_publish_diagnostics(
            lsp.PublishDiagnosticsParams(uri=uri, diagnostics=diagnostics, version=version))

    def lint_source(self, uri: str, source: str) -> Linted | list[lsp.Diagnostic]:
        """Lint a document's text: its findings, or diagnostics for an unreadable config or file (none if not a message)."""
        path = Path(to_fs_path(uri)) if uri.startswith("file:") else None
        name = str(path) if path else uri
        try:
            coach = self.coach_for(path)
            if path and not any(fnmatch(path.name, pattern) for pattern in coach.config.globs):
                return []
            # Lines and columns are counted on LF text; dropping the CR of CRLF leaves both unchanged.
            result = coach.lint_text(source.replace("\r\n", "\n"), name, format_for(name))
        except ConfigError as err:  # a bad config, rule file or missing model: say so on the document
            return [_problem(str(err))]
        if result.error:
            return [_problem(result.error)]
        return Linted(coach, tuple((finding, _server_range(finding)) for finding in result.findings))


def _server_range(finding: Finding) -> ServerTextRange:
    return ServerTextRange(ServerTextPosition(finding.line - 1, finding.column - 1),
                           ServerTextPosition(finding.end_line - 1, finding.end_column - 1))


def _diagnostic(finding: Finding, span: lsp.Range) -> lsp.Diagnostic:
    return lsp.Diagnostic(
        range=span, message=finding.message, severity=_SEVERITIES[finding.severity], code=finding.rule,
        source=SOURCE, data={"suggestion": finding.suggestion} if finding.suggestion else None,
    )


def _problem(text: str) -> lsp.Diagnostic:
    start = lsp.Position(line=0, character=0)
    return lsp.Diagnostic(range=lsp.Range(start=start, end=start), message=text,
                          severity=lsp.DiagnosticSeverity.Error, source=SOURCE)


def hover_text(linted: Linted, finding: Finding) -> str:
    """Markdown for a hover: the finding, the rule's rationale and source article, and the suggestion."""
    rule = linted.coach.rules.get(finding.rule)
    parts = [f"**{finding.rule}** ({finding.severity.label}): {finding.message}"]
    if rule is not None:
        parts += [f"**Why:** {rule.rationale}", f"**Source:** article {rule.source}"]
    if finding.suggestion:
        parts.append(f"**Instead:** {finding.suggestion}")
    return "\n\n".join(parts)


def build_server(debounce: float = DEBOUNCE_SECONDS) -> CoachServer:
    """A server with every feature registered."""
    server = CoachServer(debounce)

    @server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: CoachServer, params: lsp.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: CoachServer, params: lsp.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: CoachServer, params: lsp.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: CoachServer, params: lsp.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(lsp.TEXT_DOCUMENT_HOVER)
    def hover(ls: CoachServer, params: lsp.HoverParams) -> lsp.Hover | None:
        linted = ls.linted.get(params.text_document.uri)
        if linted is None:
            return None
        document = ls.workspace.get_text_document(params.text_document.uri)
        where = document.position_from_client_units(params.position)
        texts = [hover_text(linted, finding) for finding, span in linted.findings if where in span]
        if not texts:
            return None
        return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.Markdown, value="\n\n---\n\n".join(texts)))

    @server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                    lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]))
    def code_action(ls: CoachServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
        actions = []
        for diagnostic in params.context.diagnostics:
            data = diagnostic.data if isinstance(diagnostic.data, dict) else {}  # a client may send anything here
            suggestion = data.get("suggestion") if diagnostic.source == SOURCE else None
            if isinstance(suggestion, str) and suggestion:
                title = f"{diagnostic.code}: {suggestion}"
                actions.append(lsp.CodeAction(
                    title=title, kind=lsp.CodeActionKind.QuickFix, diagnostics=[diagnostic],
                    command=lsp.Command(title=title, command=SHOW_SUGGESTION, arguments=[diagnostic.code, suggestion]),
                ))
        return actions

    @server.command(SHOW_SUGGESTION)
    def show_suggestion(ls: CoachServer, rule_id: str, suggestion: str) -> None:
        ls.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Info, message=f"{rule_id}: {suggestion}"))

    return server


def main(debounce: float = DEBOUNCE_SECONDS) -> None:
    """Run the server over standard input and output until the client exits."""
    build_server(debounce).start_io(FramedInput(sys.stdin.buffer))
