"""A real browser through search → article → entity against a real ``kabar serve``.

Uses Debian's chromium (never ``playwright install``); skipped, with the
reason, only when /usr/bin/chromium is absent. ``.ci/run`` installs it.
"""
import os

import pytest

from tests.store.records import XSS

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def page():
    if not os.path.exists(CHROMIUM):
        pytest.skip(f"no {CHROMIUM}: apt-get install -y chromium (.ci/run does)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page()
        dialogs = []
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.dialogs = dialogs
        yield page
        browser.close()


def shows_as_text(page) -> None:
    """The script is on the page as visible text, and nothing ran it."""
    assert XSS in page.inner_text("main")
    assert page.evaluate("document.querySelectorAll('main script').length") == 0
    assert page.dialogs == []


def test_browser_search_article_entity_show_script_as_text(kabar_server, page):
    page.goto(f"{kabar_server}/")
    page.fill("form.filters input[name=q]", "peretas")
    page.click("form.filters button")
    page.wait_for_url("**/search?**")
    assert "1 article" in page.inner_text("p.count")
    shows_as_text(page)

    page.click("ol.hits a.title")
    page.wait_for_url("**/articles/evil-3")
    assert page.inner_text("h1") == f"Peretas {XSS}"
    shows_as_text(page)
    assert page.locator(".text .quote.direct").count() >= 1

    page.click("article .text a.ent-PER")
    page.wait_for_url("**/entities/*")
    assert page.inner_text("h1").startswith(f"Budi {XSS} Santoso")
    shows_as_text(page)
    assert "adalah lelucon" in page.inner_text("table.quotes")

    page.go_back()
    page.click("a:has-text('raw text')")
    page.wait_for_url("**/articles/evil-3/raw")
    shows_as_text(page)


def test_browser_claims_and_events_pages_render(kabar_server, page):
    page.goto(f"{kabar_server}/claims")
    assert "Para pejabat Israel" in page.inner_text("main")
    page.goto(f"{kabar_server}/events?type=ACCUSE")
    assert "Retno Marsudi" in page.inner_text("table.events")
    page.goto(f"{kabar_server}/events?type=AID&from=&to=")
    assert "No events stored for these filters" in page.inner_text("table.events")
