"""A person in a real browser: the stories page, a story, a citation link into the article,
search, a person; and a hostile article whose script never runs.

Needs Debian's chromium and chromium-driver (``make test`` installs them when run as root).
Screenshots of each page go to docs/screenshots/ when NEWSPRISM_SCREENSHOTS is set.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

import pytest

from tests.conftest import ROOT
from tests.web import browser
from tests.web.conftest import HOSTILE

pytestmark = pytest.mark.skipif(
    not browser.available() and not os.environ.get("CI"),
    reason="Debian's chromium and chromium-driver are not installed (make test installs them as root)",
)
SHOTS = ROOT / "docs" / "screenshots"


@pytest.fixture(scope="module")
def driver():
    with browser.chromium() as d:
        yield d


def _shot(driver, name: str) -> None:
    if os.environ.get("NEWSPRISM_SCREENSHOTS"):
        SHOTS.mkdir(parents=True, exist_ok=True)
        height = driver.execute_script("return document.body.scrollHeight")
        driver.set_window_size(1280, min(max(900, height), 5000))
        driver.save_screenshot(str(Path(SHOTS, f"{name}.png")))
        driver.set_window_size(1280, 1600)


def client_findings(site) -> list[dict]:
    """The key findings the story page should show, from the story's brief."""
    from newsprism.render.story.view import key_findings
    from newsprism.web.links import WEB_LINKS

    story = next(s for s in site.stories.values() if s.id == site.example_story)
    return key_findings(site.reports.peek(story.id, len(story.article_ids)), WEB_LINKS)


def _no_script_ran(driver) -> None:
    assert driver.execute_script("return window.pwned === undefined")
    from selenium.common.exceptions import NoAlertPresentException

    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018


def test_a_reader_goes_from_stories_to_a_cited_span(driver, server, site):
    from selenium.webdriver.common.by import By

    driver.get(server + "/stories")
    rows = driver.find_elements(By.CSS_SELECTOR, "tr.story-row")
    assert len(rows) == 2
    spark = rows[1].find_element(By.CSS_SELECTOR, "svg.spark")
    assert spark.is_displayed() and spark.find_element(By.TAG_NAME, "polyline").get_attribute("points")
    _shot(driver, "stories")
    driver.find_element(By.PARTIAL_LINK_TEXT, "Carrowmere harbour warehouse").click()
    assert driver.find_element(By.CSS_SELECTOR, "h1.story-title").text.startswith("Twelve hurt")
    findings = driver.find_element(By.ID, "findings")
    expected = client_findings(site)
    assert expected and all(f["kind"].upper() in findings.text.upper() for f in expected)
    assert "ALTERED QUOTE" in findings.text.upper()  # the example's negation-flipped quote
    # The findings box comes before the sections, and the pictures are drawn.
    assert findings.location["y"] < driver.find_element(By.ID, "summary").location["y"]
    assert len(driver.find_elements(By.CSS_SELECTOR, "svg.matrix rect.on")) > 20
    assert driver.find_elements(By.CSS_SELECTOR, "svg.graph .node")
    _shot(driver, "story")
    # Collapsing a section hides it (the progressive-enhancement button closes all).
    driver.find_element(By.CSS_SELECTOR, "button.toggle-all").click()
    assert not driver.find_element(By.CSS_SELECTOR, "#summary ol").is_displayed()
    driver.find_element(By.CSS_SELECTOR, "button.toggle-all").click()
    cleaned = {a.id for a in site.articles.values() if a.removed}  # an article cleaning took lines from
    link = next(
        a
        for a in driver.find_elements(By.CSS_SELECTOR, "#summary .cite")
        if a.get_attribute("href").split("/articles/")[1].split("?")[0] in cleaned
    )
    quoted = link.get_attribute("title")
    link.click()
    target = driver.find_element(By.CSS_SELECTOR, "mark.target")
    assert target.is_displayed()
    marked = " ".join(m.text for m in driver.find_elements(By.CSS_SELECTOR, "mark.target"))
    assert marked and marked.split()[0] in quoted
    # The span is scrolled into view.
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 30).until(
        lambda d: d.execute_script(
            "var r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight;",
            target,
        )
    )
    _shot(driver, "article")
    driver.find_element(By.CSS_SELECTOR, "details.removed summary").click()
    assert driver.find_element(By.CSS_SELECTOR, "details.removed td.reason").is_displayed()


def _found(driver, css: str, reload: str | None = None, seconds: float = 60.0) -> list:
    """Elements matching ``css`` once the page shows them (a loaded machine is slow to submit a
    form, and person pages fill as the server's background briefs finish: ``reload`` that URL)."""
    import time

    from selenium.webdriver.common.by import By

    deadline = time.monotonic() + seconds
    while True:
        found = driver.find_elements(By.CSS_SELECTOR, css)
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.5)
        if reload:
            driver.get(reload)


def test_search_and_a_person(driver, server):
    from selenium.webdriver.common.by import By

    driver.get(server + "/stories")
    box = driver.find_element(By.CSS_SELECTOR, "form.search input[name=q]")
    box.send_keys("sprinkler AND union\n")
    hits = _found(driver, "a.hit")
    assert hits and _found(driver, ".snippet mark")
    _shot(driver, "search")
    box = driver.find_element(By.CSS_SELECTOR, "form.filters input[name=q]")
    box.clear()
    box.send_keys('"unclosed\n')
    assert "FTS5 syntax" in _found(driver, ".error-message")[0].text
    driver.get(server + "/people")
    _found(driver, "a.person", reload=server + "/people")
    driver.find_element(By.LINK_TEXT, "Maren Holloway").click()
    assert driver.find_element(By.CSS_SELECTOR, "h1.person-name").text == "Maren Holloway"
    assert _found(driver, "tr.flagged", reload=driver.current_url)  # an altered version of her words
    _shot(driver, "person")
    driver.get(server + "/outlets/" + quote("Tidewater Herald"))
    assert "hedges" in driver.find_element(By.CSS_SELECTOR, "table.profile").text
    _shot(driver, "outlet")


def test_a_hostile_article_runs_no_script_and_stays_in_its_elements(driver, server, site):
    from selenium.webdriver.common.by import By

    driver.get(f"{server}/articles/{site.hostile_article}")
    _no_script_ran(driver)
    title = driver.find_element(By.CSS_SELECTOR, "h1.article-title")
    assert "<script>window.pwned=1</script>" in title.text
    assert not title.find_elements(By.XPATH, "./*")  # text only, no element broke out
    assert driver.find_element(By.CSS_SELECTOR, "td.author").text.startswith("Eve <b onmouseover=")
    assert "\x1b" not in driver.page_source
    assert not driver.find_elements(By.XPATH, "//h1[normalize-space()='INJECTED']")
    assert not driver.find_elements(By.CSS_SELECTOR, "a[href^='javascript']")
    assert len(driver.find_elements(By.TAG_NAME, "script")) == 1
    assert len(driver.find_elements(By.TAG_NAME, "img")) == 0
    paragraphs = driver.find_elements(By.CSS_SELECTOR, ".text p")
    # The cleaner cuts markup tags out of the body; they stay readable, as text, among the removals.
    assert len(paragraphs) == 3 and "a closing tag INJECTED appear" in paragraphs[1].text
    removed = [td.get_attribute("textContent") for td in driver.find_elements(By.CSS_SELECTOR, "#removed td")]
    assert "<h1>" in removed and "</mark>" in removed and '<img src=x onerror="window.pwned=8">' in removed
    for url in (
        f"/stories/{site.hostile_story}",
        "/stories",
        "/outlets/" + quote(HOSTILE["outlet"], safe=""),
    ):
        driver.get(server + url)
        _no_script_ran(driver)
        assert not driver.find_elements(By.TAG_NAME, "img")
        assert len(driver.find_elements(By.TAG_NAME, "script")) == 1
