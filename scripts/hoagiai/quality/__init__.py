"""Quality gates over a built site (issue 12): our own link and anchor checker, a reading-level report,
and thin runners for axe-core (in Chromium), the Nu HTML checker (vnu.jar) and Lighthouse (npm).

Pure Python plus subprocesses: nothing here imports mkdocs. The browser runners take a Playwright page
that the caller opened, so the tests can walk many pages in one browser.
"""
