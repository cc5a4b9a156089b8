"""The web page in a real browser (Debian's chromium driven by Playwright): from a bad draft to a clean one.

Skips when the web extra, Playwright or /usr/bin/chromium is absent. Screenshots of each step are saved
in the test's temporary folder; set OUTREACH_COACH_SCREENSHOT to a path to also save the page there.
"""
from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("starlette")
uvicorn = pytest.importorskip("uvicorn")
sync_api = pytest.importorskip("playwright.sync_api")

from outreach_coach import config as config_module
from outreach_coach.frontends.web import create_app
from outreach_coach.linting.engine import Coach

from .conftest import TEST_RULE_ID  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync"]
DRAFT = """\
Hi Marcus,

I'm a second-year law student and I'd love to pick your brain about tenant law sometime.

Thanks,
Jordan
"""

if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)


@contextlib.contextmanager
def serving(config):
    """The app for a config on a free loopback port, served by uvicorn in a thread; yields its address."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    instance = uvicorn.Server(uvicorn.Config(create_app(config), log_level="warning"))
    thread = threading.Thread(target=instance.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not instance.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert instance.started, "the web server did not start"
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}/"
    finally:
        instance.should_exit = True
        thread.join(10)
        sock.close()


@pytest.fixture(scope="module")
def server(project):
    with serving(config_module.load(start=project)) as address:
        yield address


@pytest.fixture(scope="module")
def page():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.set_default_timeout(30_000)
        yield page
        browser.close()


def test_from_a_bad_draft_to_a_rendered_template_that_lints_clean(server, page, project, tmp_path):
    shots = iter(range(1, 10))

    def shot(step: str) -> None:
        page.screenshot(path=str(tmp_path / f"{next(shots)}-{step}.png"), full_page=True)

    page.goto(server)
    assert page.title() == "outreach-coach"
    page.fill("#to-name", "Marcus Bell")
    page.fill("#to-role", "Housing attorney at a legal aid clinic")
    page.fill("#to-work", "guide to security-deposit disputes for renters")
    page.fill("#draft", DRAFT)
    shot("draft")

    page.click("#check")
    mark = page.wait_for_selector(f"mark[data-rule~='{TEST_RULE_ID}']")
    assert mark.inner_text() == "pick your brain"
    assert mark.get_attribute("class") in ("error", "warning")  # the worst of the findings it covers
    finding = page.locator(f"#findings li[data-rule='{TEST_RULE_ID}']")
    assert "open-ended free advice" in finding.inner_text()
    assert "Instead: Ask one specific question" in finding.inner_text()
    assert "score" in page.inner_text("#score")
    mark.click()
    assert "active" in finding.get_attribute("class")
    shot("findings")

    # A locator, not an element handle: the list is redrawn when the check comes back, and a locator
    # finds the button again instead of clicking one that has left the page.
    suggested = page.locator(".suggestions button").first
    suggested.wait_for()
    template_id = suggested.get_attribute("data-template")
    suggested.click()
    assert page.input_value("#template") == template_id
    assert page.input_value("#var-name") == "Marcus"  # pre-filled from the draft's greeting
    fill_from_examples(page)
    shot("template")

    page.click("#render")
    page.wait_for_selector("#output-box:not([hidden])")
    shot("rendered")
    assert page.inner_text("#output-lint").startswith("Lints clean")
    body = page.input_value("#output")
    assert body.startswith("Hi Marcus")

    with page.expect_download() as download:
        page.click("#download")
    saved = tmp_path / "download.md"
    download.value.save_as(saved)
    text = saved.read_text(encoding="utf-8")
    assert text.startswith("---\n") and body in text
    # The page says clean; check the download independently with the library, as its user would.
    result = Coach(config_module.load(start=project)).lint_text(text, str(saved))
    assert result.error is None and result.findings == ()

    if os.environ.get("OUTREACH_COACH_SCREENSHOT"):
        save_screenshot(page, os.environ["OUTREACH_COACH_SCREENSHOT"])


def fill_from_examples(page) -> None:
    """Type each empty field's example (its placeholder, after "e.g. "), as a writer copying it would."""
    for field in page.query_selector_all("#variables input, #variables textarea"):
        if not field.input_value():
            field.fill(field.get_attribute("placeholder").removeprefix("e.g. "))


def test_the_page_keeps_the_writers_template_values_and_rendered_message_through_edits(server, page, tmp_path):
    page.goto(server)
    assert page.locator("#check").bounding_box()["y"] + 30 < 800, "the Check button is off a 1280x800 window"
    page.fill("#draft", DRAFT)
    page.click("#check")
    first = page.locator(".suggestions button").first.get_attribute("data-template")
    chosen = next(tid for tid in ("follow-up/thank-you", "cold/researcher") if tid != first)
    page.select_option("#template", chosen)

    # Fields say what they are: a human label, the header's help, required ones marked, examples as examples.
    label = page.locator("#variables label").first
    assert label.locator(".field-name").inner_text().startswith("Name")
    assert page.locator("#variables .required").count() >= 3
    assert page.get_attribute("#var-sender", "placeholder").startswith("e.g. ")
    assert page.get_attribute("#var-sender", "aria-describedby") == "var-sender-help"
    page.click("#render")
    assert "Fill in first:" in page.inner_text("#render-status")
    empty = next(f for f in page.query_selector_all("#variables [required]") if not f.input_value())
    assert f"{empty.get_attribute('data-label')} (" in page.inner_text("#render-status")
    assert empty.get_attribute("aria-invalid") == "true"

    fill_from_examples(page)
    page.fill("#var-sender", "Jordan Price")
    page.click("#render")
    page.wait_for_selector("#output-box:not([hidden])")
    rendered = page.input_value("#output")
    assert rendered.rstrip().endswith("Jordan Price")

    # One more edit of the draft: it is checked again and the suggestions refresh, the writer's work stays.
    page.focus("#draft")
    page.keyboard.press("End")
    page.keyboard.type(" P.S. I read your guide twice.")
    page.wait_for_function("document.querySelector('#status').textContent === ''")
    page.wait_for_timeout(1500)
    page.wait_for_selector(".suggestions button")
    assert page.input_value("#template") == chosen
    assert page.input_value("#var-sender") == "Jordan Price"
    assert page.is_visible("#output-box") and page.input_value("#output") == rendered
    page.screenshot(path=str(tmp_path / "kept.png"), full_page=False)
    if os.environ.get("OUTREACH_COACH_SCREENSHOT"):
        page.screenshot(path=os.environ["OUTREACH_COACH_SCREENSHOT"].replace(".png", "-template.png"), full_page=True)


def save_screenshot(page, path: str) -> None:
    """The page for the docs: the built-in rules only, a draft checked, its findings and suggestions."""
    with serving(config_module.Config()) as address:
        page.set_viewport_size({"width": 1280, "height": 800})
        page.goto(address)
        page.fill("#to-name", "Marcus Bell")
        page.fill("#draft", DRAFT)
        page.click("#check")
        page.wait_for_selector("mark")
        page.wait_for_selector(".suggestions button")
        page.screenshot(path=path, full_page=True)
