"""The checker "Có hòa giải được không?": its decision tree (`data/triage.yml`), read and validated like the quiz
banks (`model`), and rendered into the page as a numbered checklist that JavaScript turns into a one-question
flow (`render`; the browser half is docs/assets/tools/triage.js)."""
