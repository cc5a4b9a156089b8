"""The web page's JSON API, through Starlette's test client (no browser, no socket)."""
from __future__ import annotations

import importlib.util

import pytest

pytest.importorskip("starlette")
if importlib.util.find_spec("httpx2") is None and importlib.util.find_spec("httpx") is None:
    pytest.skip("Starlette's test client needs httpx2 (or httpx)", allow_module_level=True)

from starlette.testclient import TestClient  # noqa: E402

from outreach_coach import config as config_module
from outreach_coach.frontends.web import create_app
from outreach_coach.writing.templates import Catalogue

from .conftest import BAD_DRAFT, GOOD_DRAFT, TEST_RULE_ID  # noqa: E402

LIMIT = 4096


@pytest.fixture(scope="module")
def client(project):
    app = create_app(config_module.load(start=project), max_bytes=LIMIT)
    with TestClient(app, base_url="http://127.0.0.1:8765") as client:
        yield client


def post(client, path, body):
    return client.post(path, json=body)


def test_lint_returns_findings_with_rationale_and_offsets_the_page_can_highlight(client):
    # The emoji is one character to Python and two UTF-16 units to JavaScript, which highlights the text.
    text = BAD_DRAFT.replace("I just finished", "\N{ARTIST PALETTE} I just finished")
    response = post(client, "/api/lint", {"text": text})
    assert response.status_code == 200
    data = response.json()
    (finding,) = [f for f in data["findings"] if f["rule"] == TEST_RULE_ID]
    js_text = text.encode("utf-16-le")
    assert js_text[2 * finding["start"]:2 * finding["end"]].decode("utf-16-le") == "pick your brain"
    assert finding["line"] == 3 and finding["severity"] == "warning"
    assert "finding a topic" in finding["rationale"] and finding["source"].startswith("003")
    assert finding["suggestion"] == "Ask one specific question about their work instead."
    assert data["score"] < 100


def test_lint_of_a_clean_draft_finds_nothing(client):
    data = post(client, "/api/lint", {"text": GOOD_DRAFT}).json()
    assert data["findings"] == [] and data["score"] == 100


def test_recipient_fields_reach_the_message_like_front_matter(client):
    plain = post(client, "/api/lint", {"text": GOOD_DRAFT}).json()
    given = post(client, "/api/lint", {"text": GOOD_DRAFT, "kind": "connection-note", "channel": "linkedin",
                                       "to": {"name": "Priya", "type": "peer", "work": "ash glazes\nkiln logs"}}).json()
    assert (plain["kind"], plain["channel"]) == ("cold", "other")
    assert (given["kind"], given["channel"]) == ("connection-note", "linkedin")
    values = post(client, "/api/suggest", {"text": "Hello,\n\nOne question about glazes.\n",
                                           "to": {"name": "Priya Natarajan", "work": "ash glazes\nkiln logs"}}).json()
    assert values["values"]["name"] == "Priya"
    assert "ash glazes" in values["values"]["work"]


@pytest.mark.parametrize("body, status, words", [
    ({"text": 3}, 400, "'text'"),
    ({"text": "hi", "format": "docx"}, 400, "'format'"),
    ({"text": "hi", "kind": "pitch"}, 400, "'kind'"),
    ({"text": "hi", "to": {"type": "boss"}}, 400, "'to.type'"),
    ({"text": "hi", "to": {"email": "a@b.c"}}, 400, "unknown key 'email'"),
    ({"text": "hi", "path": "/etc/passwd"}, 400, "unknown key 'path'"),
    (["text"], 400, "JSON object"),
    ({"text": "---\nkind: [\n---\nHi", "format": "md"}, 422, "front matter"),
])
def test_bad_lint_requests_get_a_clear_json_error(client, body, status, words):
    response = post(client, "/api/lint", body)
    assert response.status_code == status
    assert words in response.json()["error"]


def test_requests_must_be_json_and_within_the_size_limit(client):
    not_json = client.post("/api/lint", content=b"text=hi", headers={"content-type": "application/x-www-form-urlencoded"})
    assert not_json.status_code == 415 and "application/json" in not_json.json()["error"]
    broken = client.post("/api/lint", content=b"{text", headers={"content-type": "application/json"})
    assert broken.status_code == 400 and "not valid JSON" in broken.json()["error"]
    big = post(client, "/api/lint", {"text": "word " * LIMIT})
    assert big.status_code == 413 and "limit" in big.json()["error"]

    def chunks():  # no Content-Length: the limit must hold while reading
        yield b'{"text": "'
        for _ in range(LIMIT // 64 + 1):
            yield b"x" * 64
        yield b'"}'
    streamed = client.post("/api/lint", content=chunks(), headers={"content-type": "application/json"})
    assert streamed.status_code == 413


def test_unknown_endpoints_and_methods_answer_in_json(client):
    assert client.get("/api/nothing").json()["error"].startswith("no such endpoint")
    wrong = client.get("/api/lint")
    assert wrong.status_code == 405 and "GET /api/lint" in wrong.json()["error"]


def test_only_requests_addressed_to_this_machine_are_answered(client):
    assert client.get("/", headers={"host": "attacker.example"}).status_code == 400
    assert client.get("/", headers={"host": "localhost:8765"}).status_code == 200


def test_the_page_and_its_files_are_served_with_no_outside_sources(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "default-src 'self'" in page.headers["content-security-policy"]
    for asset in ("/static/app.js", "/static/style.css"):
        assert client.get(asset).status_code == 200
        assert asset in page.text
    assert "http://" not in page.text and "https://" not in page.text


def test_templates_lists_the_catalogue_with_its_variables(client, project):
    data = client.get("/api/templates").json()
    catalogue = Catalogue.load(config_module.load(start=project))
    assert [t["id"] for t in data["templates"]] == list(catalogue.all())
    for entry in data["templates"]:
        template = catalogue.get(entry["id"])
        assert [v["name"] for v in entry["variables"]] == [v.name for v in template.variables]
        assert entry["situation"] == template.situation


def test_suggest_ranks_templates_from_the_catalogue(client):
    data = post(client, "/api/suggest", {"text": BAD_DRAFT}).json()
    ids = {t["id"] for t in client.get("/api/templates").json()["templates"]}
    assert 1 <= len(data["suggestions"]) <= 3
    assert all(s["id"] in ids and s["reason"] for s in data["suggestions"])
    assert data["values"]["name"] == "Priya" and data["values"]["sender"] == "Lena"


def test_render_fills_a_template_and_the_result_lints_clean(client, project):
    template = Catalogue.load(config_module.load(start=project)).get("cold/question-about-their-work")
    data = post(client, "/api/render", {"template": template.id, "values": template.example_values()}).json()
    assert data["template"] == template.id
    assert data["lint"]["findings"] == []
    assert data["body"] in data["text"] and data["subject"] in data["text"]
    assert not data["body"].startswith("---")


def test_render_names_what_is_missing_or_unknown(client, project):
    template = Catalogue.load(config_module.load(start=project)).get("cold/question-about-their-work")
    values = template.example_values()
    missing = [v for v in template.variables if v.required][1]
    del values[missing.name]
    response = post(client, "/api/render", {"template": template.id, "values": values})
    # Named as the page labels the field, with the template's help for it.
    assert response.status_code == 400
    assert f"Fill in first: {missing.label} ({missing.description})" == response.json()["error"]
    unknown = post(client, "/api/render", {"template": "cold/nothing-like-this", "values": {}})
    assert unknown.status_code == 404 and "no template" in unknown.json()["error"]


@pytest.mark.parametrize("tid", ["../../etc/passwd", "/etc/passwd", "cold/../../rules/too-long", "cold\\x"])
def test_render_reads_no_file_outside_the_catalogue(client, tid):
    response = post(client, "/api/render", {"template": tid, "values": {}})
    assert response.status_code == 404
    assert "not a template id" in response.json()["error"]


def test_an_unexpected_failure_is_still_a_json_error(project, monkeypatch):
    from outreach_coach.frontends.web import api

    def broken(coach, draft):
        raise RuntimeError("the parser fell over")

    monkeypatch.setattr(api, "lint_draft", broken)
    app = create_app(config_module.load(start=project))
    with TestClient(app, base_url="http://127.0.0.1:8765", raise_server_exceptions=False) as client:
        response = post(client, "/api/lint", {"text": "hi"})
    assert response.status_code == 500
    assert response.json() == {"error": "the parser fell over"}
