"""The dashboard in headless Debian Chromium (Playwright, never `playwright install`): it loads with
no request to another host, filters, opens an event with its evidence, and escapes stored text."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
# The screenshot goes to tests/artifacts/ (git-ignored) so that a test run leaves the work tree
# clean; scripts/screenshot.py sets CONFLICTWATCH_SCREENSHOT to refresh docs/img/dashboard.png.
SCREENSHOT = Path(os.environ.get("CONFLICTWATCH_SCREENSHOT")
                  or Path(__file__).resolve().parents[1] / "artifacts" / "dashboard.png")


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/system-deps.sh (apt package 'chromium')")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _rows_types(page) -> list[str]:
    return page.locator("#events tbody tr[data-id] td:nth-child(2) span[title]").evaluate_all(
        "els => els.map(e => e.getAttribute('title'))")


def test_dashboard_offline_filter_and_event_view(browser, live_server):
    page = browser.new_page(viewport={"width": 1440, "height": 900})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: errors.append(f"dialog opened: {d.message}"))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    page.goto(live_server["url"] + "/")
    page.wait_for_selector("body[data-ready='1']", timeout=20_000)
    page.wait_for_selector(".leaflet-marker-icon", timeout=20_000)
    page.wait_for_selector("#map path.leaflet-interactive, #map svg path", state="attached", timeout=20_000)
    assert page.locator("#events tbody tr[data-id]").count() == 50
    assert page.locator("#chart rect").count() > 10

    # Brush a period on the timeline: the date filter, the table and the map follow it.
    page.wait_for_load_state("networkidle")  # the timeline is drawn from the last /stats answer
    # The drag is tried up to three times: in headless Chromium a re-render of the chart while the
    # pointer is down (layout settling) sometimes swallows the gesture; a brush that never takes fails.
    for _ in range(3):
        box = page.locator("#chart .overlay").bounding_box()
        y = box["y"] + box["height"] / 2
        page.mouse.move(box["x"] + box["width"] * 0.80, y)
        page.mouse.down()
        page.mouse.move(box["x"] + box["width"] * 0.90, y, steps=5)
        page.mouse.up()
        try:
            page.wait_for_function("() => document.querySelector('input[name=start]').value !== ''", timeout=5_000)
            break
        except PlaywrightTimeout:
            continue
    else:
        raise AssertionError("brushing the timeline never set the date filter")
    page.wait_for_selector("body[data-ready='1']", timeout=20_000)
    start = page.input_value("input[name=start]")
    end = page.input_value("input[name=end]")
    dates = page.locator("#events tbody tr[data-id] td:first-child").all_text_contents()
    assert dates and all(start <= d <= end for d in dates), (start, end, dates[:3])
    in_period = httpx.get(live_server["url"] + "/stats/count", params={"start": start, "end": end}).json()["events"]
    shown = page.evaluate("() => document.querySelectorAll('.leaflet-marker-icon').length")
    assert 0 < shown <= in_period
    assert any("format=geojson" in u and f"start={start}" in u and f"end={end}" in u for u in requests)
    page.click("#clear-brush")
    page.wait_for_function("() => document.querySelector('input[name=start]').value === ''")
    page.wait_for_selector("body[data-ready='1']", timeout=20_000)

    # "Only events in the map view": the map's extent filters the table, the counts and the timeline.
    page.check("input[name=in_view]")
    page.wait_for_selector("body[data-ready='1']", timeout=20_000)
    page.click(".leaflet-control-zoom-in")
    page.wait_for_function("() => document.body.dataset.ready === '1'", timeout=20_000)
    page.wait_for_timeout(600)
    page.wait_for_selector("body[data-ready='1']", timeout=20_000)
    bbox_requests = [u for u in requests if "stats/timeseries" in u and "bbox=" in u]
    assert len({u.split("bbox=")[1].split("&")[0] for u in bbox_requests}) >= 2  # followed the zoom
    page.uncheck("input[name=in_view]")
    page.wait_for_selector("body[data-ready='1']", timeout=20_000)

    # Filter: one event type; the table, the count and the API agree.
    page.select_option("select[name=event_type]", "Battles")
    page.wait_for_function("() => [...document.querySelectorAll('#events tbody td:nth-child(2) span[title]')]"
                           ".every(s => s.getAttribute('title') === 'Battles')", timeout=10_000)
    expected = httpx.get(live_server["url"] + "/stats/count", params={"event_type": "Battles"}).json()["events"]
    page.wait_for_function(f"() => document.getElementById('summary').textContent.includes('{expected:,}')",
                           timeout=10_000)
    assert set(_rows_types(page)) == {"Battles"}
    assert "event_type=Battles" in page.url
    subs = page.locator("select[name=sub_event_type] option").all_text_contents()
    assert subs[1:] == ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"]
    page.select_option("select[name=sub_event_type]", "Armed clash")
    page.wait_for_function("() => location.hash.includes('sub_event_type=Armed+clash')", timeout=10_000)
    page.select_option("select[name=sub_event_type]", "")

    # The hostile record renders as text, never as markup.
    page.select_option("select[name=event_type]", "Riots")
    page.fill("input[name=text]", "not bold")
    page.wait_for_selector("#events tbody tr[data-id='demo:hostile']", timeout=10_000)
    cell = page.locator("#events tbody tr[data-id='demo:hostile'] td:nth-child(3)")
    assert "<img" in cell.text_content()
    assert page.locator("#events img, #events b").count() == 0

    # Open the coded event: fields, highlighted evidence in the source text, sources.
    page.fill("input[name=text]", "")
    page.select_option("select[name=event_type]", "Violence against civilians")
    page.select_option("select[name=dataset]", "extracted")
    row = page.locator(f"#events tbody tr[data-id='{live_server['coded_id']}']")
    row.wait_for(timeout=10_000)
    row.click()
    page.wait_for_selector("#detail:not([hidden]) mark.ev-mark", timeout=10_000)
    marks = page.locator("#detail mark.ev-mark").evaluate_all(
        "els => els.map(e => [e.dataset.fields, e.textContent])")
    assert ["fatalities", "killed nine civilians"] in marks
    assert ["actor1", "UPC fighters"] in marks
    assert page.locator("#detail .sources a").get_attribute("href") == "https://demo.example.org/bambari"
    page.locator("#detail tr.has-ev", has_text="Fatalities").click()
    assert page.locator("#detail mark.active").first.text_content() == "killed nine civilians"

    # A wider view for the README: clear the filters, then open the coded event again.
    page.click("#reset")
    page.wait_for_function("() => document.querySelectorAll('#events tbody tr[data-id]').length === 50")
    page.wait_for_selector("body[data-ready='1']")
    page.wait_for_timeout(600)
    page.locator(f"#events tbody tr[data-id='{live_server['coded_id']}']").click()
    page.wait_for_selector("#detail:not([hidden]) mark.ev-mark")
    page.wait_for_timeout(1200)
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT))
    assert SCREENSHOT.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    others = sorted({u for u in requests
                     if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).netloc != live_server["host"]})
    assert others == [], f"requests left the server: {others}"
    assert not any("evil.example" in u for u in requests)
    assert errors == []
    page.close()


def test_api_docs_render_offline(browser, live_server):
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(live_server["url"] + "/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20_000)
    assert page.locator(".opblock-summary-path", has_text="/events").count() >= 2
    others = sorted({u for u in requests
                     if urlsplit(u).scheme not in ("data", "blob") and urlsplit(u).netloc != live_server["host"]})
    assert others == [], f"/docs requested other hosts: {others}"
    page.close()


def test_timeline_periods_match_the_store(browser, live_server):
    """The dashboard's period arithmetic (js/periods.js) agrees with TimeBucket's labels
    ("2024-W38": ISO weeks, "2024-09": months)."""
    from datetime import date, timedelta

    page = browser.new_page()
    page.goto(live_server["url"] + "/")
    days = [date(2020, 12, 27) + timedelta(days=i) for i in range(0, 800, 3)]
    got = page.evaluate("""async (days) => {
        const P = await import("./js/periods.js");
        return days.map((d) => [P.periodOf(Date.parse(d), "week"), P.periodOf(Date.parse(d), "month"),
                                P.periodDates(P.periodOf(Date.parse(d), "week"), "week")]);
    }""", [d.isoformat() for d in days])
    for d, (week, month, (first, last)) in zip(days, got, strict=True):
        iso = d.isocalendar()
        assert week == f"{iso.year}-W{iso.week:02d}" and month == f"{d.year}-{d.month:02d}"
        assert first <= d.isoformat() <= last and date.fromisoformat(first).weekday() == 0
    page.close()
