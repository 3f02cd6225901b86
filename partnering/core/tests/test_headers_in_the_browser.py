"""Chromium accepts the Permissions-Policy header as sent: no feature in it is unknown to the browser."""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"

# Playwright's sync API runs an event loop in this thread; the live server's database access is fine.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="Debian's chromium is not installed (apt-get install chromium)"),
]


def test_chromium_understands_every_feature_in_the_permissions_policy(live_server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
        )
        try:
            page = browser.new_page()
            messages = []
            page.on("console", lambda message: messages.append(message.text))
            response = page.goto(f"{live_server.url}/accounts/login/")
            page.wait_for_load_state("load")
            assert "camera=()" in response.headers["permissions-policy"]
            assert [text for text in messages if "Permissions-Policy" in text] == []
        finally:
            browser.close()
