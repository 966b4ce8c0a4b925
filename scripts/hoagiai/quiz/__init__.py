"""Quiz banks (`quizzes/*.yml`): load and check, render for the web, print papers, export.

Never imports mkdocs: `scripts/mkdocs_hooks.py` calls `embed.embed_quizzes`.
"""
