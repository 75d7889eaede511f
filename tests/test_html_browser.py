"""The HTML report in a real headless browser (Debian's chromium): findings shown, filters work."""

import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(not (CHROMIUM and DRIVER),
                                reason="needs Debian's chromium and chromium-driver (.ci/run installs them)")


@pytest.fixture
def browser(tmp_path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(DRIVER), options=options)
    driver.set_window_size(1400, 1000)
    yield driver
    driver.quit()


def test_report_shows_findings_and_filters_by_family(cli, tmp_path, browser):
    from selenium.webdriver.common.by import By

    (tmp_path / "list.md").write_text(
        "# 名单\n\n| 姓名 | 身份证号 |\n|---|---|\n| 张建国 | 110105199003077657 |\n\n20xx年工作\n", encoding="utf-8")
    assert cli("check", "list.md", "--format", "html", "--output", "report.html").exit_code == 1
    browser.get((tmp_path / "report.html").as_uri())
    assert "检查报告" in browser.title
    rows = browser.find_elements(By.CSS_SELECTOR, "tr.finding")
    families = {row.get_attribute("data-family") for row in rows}
    assert {"pii", "fields"} <= families
    assert "1101**********7657" in browser.find_element(By.TAG_NAME, "body").text
    assert "110105199003077657" not in browser.page_source
    browser.find_element(By.CSS_SELECTOR, 'input[value="pii"]').click()
    visible = [r for r in browser.find_elements(By.CSS_SELECTOR, "tr.finding") if r.is_displayed()]
    assert visible and all(r.get_attribute("data-family") != "pii" for r in visible)
    browser.save_screenshot(str(tmp_path / "report.png"))
    assert Path(tmp_path / "report.png").stat().st_size > 1000
