"""Fillable forms: definitions (`data/forms/`), their HTML, and the page markers (`<!-- form <id> -->`).

The browser half is docs/assets/forms/forms.js (drafts on the device, the printed document, help texts)."""
