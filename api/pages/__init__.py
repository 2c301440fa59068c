"""HTML pages: templates and their Content-Security-Policy, the query UI, the docs page.

Internal to :mod:`api`; nothing here is public API."""
