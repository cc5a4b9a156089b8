"""The language server, driven over JSON-RPC on stdio as an editor drives it (one server process per module)."""
from __future__ import annotations

import asyncio
import os
import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("pygls")

from lsprotocol import types as lsp  # noqa: E402
from pygls.lsp.client import LanguageClient  # noqa: E402

from tests.conftest import REPO  # noqa: E402

from .conftest import BAD_DRAFT, GOOD_DRAFT, TEST_RULE_ID, write_project  # noqa: E402

TIMEOUT = 60  # the first lint loads spaCy
DEBOUNCE = 0.2


def _converter():
    """lsprotocol's converter, reading a code action that carries a command as a CodeAction, as editors do."""
    from typing import Union

    from pygls.protocol import default_converter

    converter = default_converter()

    def code_action(obj, _type):
        kind = lsp.Command if isinstance(obj.get("command"), str) else lsp.CodeAction
        return converter.structure(obj, kind)

    converter.register_structure_hook(Union[lsp.Command, lsp.CodeAction], code_action)
    return converter


class Editor:
    """A pretend editor: a pygls client on its own event loop thread, recording every publishDiagnostics."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.published: list[lsp.PublishDiagnosticsParams] = []
        self.shown: list[str] = []
        self.versions: dict[str, int] = {}
        self.client = self.run(self._start())

    def run(self, coroutine, timeout: float = TIMEOUT):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    async def _start(self) -> LanguageClient:
        client = LanguageClient("test-editor", "1", converter_factory=_converter)

        @client.feature(lsp.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: lsp.PublishDiagnosticsParams) -> None:
            self.published.append(params)

        @client.feature(lsp.WINDOW_SHOW_MESSAGE)
        def shown(params: lsp.ShowMessageParams) -> None:
            self.shown.append(params.message)

        # The server runs from the repository: config must come from each document's folder, not the cwd.
        await client.start_io(sys.executable, "-m", "outreach_coach", "lsp", "--debounce", str(DEBOUNCE), cwd=REPO)
        await client.initialize_async(lsp.InitializeParams(capabilities=lsp.ClientCapabilities()))
        client.initialized(lsp.InitializedParams())
        return client

    def stop(self) -> None:
        self.run(self.client.shutdown_async(None))
        self.client.exit(None)
        self.run(self.client.stop())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)

    def _send(self, method, params) -> None:
        self.loop.call_soon_threadsafe(method, params)

    def open(self, path: Path, text: str) -> str:
        uri = path.as_uri()
        self.versions[uri] = 1
        self._send(self.client.text_document_did_open, lsp.DidOpenTextDocumentParams(
            text_document=lsp.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)))
        return uri

    def replace(self, uri: str, text: str) -> None:
        self.versions[uri] += 1
        self._send(self.client.text_document_did_change, lsp.DidChangeTextDocumentParams(
            text_document=lsp.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            content_changes=[lsp.TextDocumentContentChangeWholeDocument(text=text)]))

    def close(self, uri: str) -> None:
        self._send(self.client.text_document_did_close, lsp.DidCloseTextDocumentParams(
            text_document=lsp.TextDocumentIdentifier(uri=uri)))

    def diagnostics(self, uri: str, since: int = 0) -> list[lsp.Diagnostic]:
        """Wait for the first publish for uri after the first `since` publishes, and return its diagnostics."""
        deadline = time.monotonic() + TIMEOUT
        while time.monotonic() < deadline:
            for params in self.published[since:]:
                if params.uri == uri:
                    return list(params.diagnostics)
            time.sleep(0.01)
        raise AssertionError(f"no diagnostics published for {uri}")

    def request(self, method, params):
        return self.run(method(params))


@pytest.fixture(scope="module")
def editor():
    editor = Editor()
    yield editor
    editor.stop()


def utf16_position(text: str, offset: int) -> lsp.Position:
    """Where an offset falls, as LSP counts it: 0-based line, UTF-16 code units into the line."""
    before = text[:offset]
    line_start = before.rfind("\n") + 1
    return lsp.Position(line=before.count("\n"), character=len(before[line_start:].encode("utf-16-le")) // 2)


def test_open_reports_the_finding_at_its_range_and_a_clean_change_clears_it(editor, project):
    # An emoji before the phrase takes two UTF-16 units: the range must count them as the editor does.
    text = BAD_DRAFT.replace("I just finished", "\N{ARTIST PALETTE} I just finished")
    uri = editor.open(project / "drafts" / "residency.md", text)
    diagnostics = editor.diagnostics(uri)
    ours = [d for d in diagnostics if d.code == TEST_RULE_ID]
    assert len(ours) == 1
    start = text.index("pick your brain")
    assert ours[0].range == lsp.Range(start=utf16_position(text, start),
                                      end=utf16_position(text, start + len("pick your brain")))
    assert ours[0].severity == lsp.DiagnosticSeverity.Warning
    assert ours[0].source == "outreach-coach"
    assert "open-ended free advice" in ours[0].message

    before = len(editor.published)
    editor.replace(uri, GOOD_DRAFT)
    assert editor.diagnostics(uri, since=before) == []


def test_hover_on_a_diagnostic_shows_the_rationale_and_source(editor, project):
    uri = editor.open(project / "drafts" / "hover.md", BAD_DRAFT)
    (diagnostic,) = [d for d in editor.diagnostics(uri) if d.code == TEST_RULE_ID]
    inside = lsp.Position(line=diagnostic.range.start.line, character=diagnostic.range.start.character + 3)
    hover = editor.request(editor.client.text_document_hover_async, lsp.HoverParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), position=inside))
    assert "puts the work of finding a topic on them" in hover.contents.value
    assert "003" in hover.contents.value and "a test-only rule" in hover.contents.value
    outside = lsp.Position(line=0, character=0)
    assert editor.request(editor.client.text_document_hover_async, lsp.HoverParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), position=outside)) is None


def test_code_action_offers_the_rule_suggestion_and_shows_it(editor, project):
    uri = editor.open(project / "drafts" / "action.md", BAD_DRAFT)
    diagnostics = [d for d in editor.diagnostics(uri) if d.code == TEST_RULE_ID]
    actions = editor.request(editor.client.text_document_code_action_async, lsp.CodeActionParams(
        text_document=lsp.TextDocumentIdentifier(uri=uri), range=diagnostics[0].range,
        context=lsp.CodeActionContext(diagnostics=diagnostics)))
    assert [a.title for a in actions] == [f"{TEST_RULE_ID}: Ask one specific question about their work instead."]
    command = actions[0].command
    editor.request(editor.client.workspace_execute_command_async, lsp.ExecuteCommandParams(
        command=command.command, arguments=command.arguments))
    deadline = time.monotonic() + 5
    while not editor.shown and time.monotonic() < deadline:
        time.sleep(0.01)
    assert editor.shown[-1] == f"{TEST_RULE_ID}: Ask one specific question about their work instead."


def test_a_change_relints_only_that_document(editor, project):
    first = editor.open(project / "drafts" / "first.md", BAD_DRAFT)
    second = editor.open(project / "drafts" / "second.md", BAD_DRAFT)
    editor.diagnostics(first)
    editor.diagnostics(second)
    before = len(editor.published)
    for words in ("sometime", "soon", "this month"):  # typing: only the last text is linted and published
        editor.replace(first, BAD_DRAFT.replace("sometime", words))
    editor.diagnostics(first, since=before)
    time.sleep(DEBOUNCE * 4)
    later = editor.published[before:]
    assert [p.uri for p in later] == [first]
    assert later[0].version == editor.versions[first]


def test_files_that_are_not_messages_get_no_diagnostics(editor, project):
    uri = editor.open(project / "drafts" / "notes.py", BAD_DRAFT)
    assert editor.diagnostics(uri) == []


def test_a_broken_config_is_reported_on_the_document(editor, tmp_path):
    (tmp_path / ".outreach-coach.yaml").write_text("fail-on: sometimes\n", encoding="utf-8")
    uri = editor.open(tmp_path / "draft.md", BAD_DRAFT)
    (diagnostic,) = editor.diagnostics(uri)
    assert diagnostic.severity == lsp.DiagnosticSeverity.Error
    assert ".outreach-coach.yaml" in diagnostic.message and "fail-on" in diagnostic.message


def test_closing_a_document_clears_its_diagnostics(editor, project):
    uri = editor.open(project / "drafts" / "closing.md", BAD_DRAFT)
    assert editor.diagnostics(uri)
    before = len(editor.published)
    editor.close(uri)
    assert editor.diagnostics(uri, since=before) == []


def test_an_email_file_with_crlf_line_ends_gets_ranges_in_the_file(editor, project):
    text = ("Subject: Glaze question\r\nTo: Priya <priya@example.org>\r\n\r\n"
            + BAD_DRAFT.replace("\n", "\r\n"))
    uri = editor.open(project / "drafts" / "glazes.eml", text)
    (diagnostic,) = [d for d in editor.diagnostics(uri) if d.code == TEST_RULE_ID]
    lines = text.split("\r\n")
    line = next(i for i, content in enumerate(lines) if "pick your brain" in content)
    column = lines[line].index("pick your brain")
    assert diagnostic.range == lsp.Range(start=lsp.Position(line=line, character=column),
                                         end=lsp.Position(line=line, character=column + len("pick your brain")))


def test_an_edited_config_applies_to_the_next_lint(editor, tmp_path):
    root = write_project(tmp_path)
    uri = editor.open(root / "draft.md", BAD_DRAFT)
    assert TEST_RULE_ID in {d.code for d in editor.diagnostics(uri)}
    config = root / ".outreach-coach.yaml"
    config.write_text(f"rule-paths: [rules]\ndisable: [{TEST_RULE_ID}]\n", encoding="utf-8")
    stat = config.stat()
    os.utime(config, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))  # a clearly newer mtime
    before = len(editor.published)
    editor.replace(uri, BAD_DRAFT + "\n")
    assert TEST_RULE_ID not in {d.code for d in editor.diagnostics(uri, since=before)}
