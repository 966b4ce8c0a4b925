"""Publishing: the phone offline copy (service worker + manifest), the nginx CSP, release checks."""
