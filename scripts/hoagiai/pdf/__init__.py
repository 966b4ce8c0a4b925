"""PDF output through Debian chromium's headless printer."""
