"""Content models and checks: the legal documents register, citations, page checks."""
