"""HTTP plumbing below the routes: body limit, per-client admission, security headers, the transport, and the one JSON error shape.

Internal to :mod:`api`; nothing here is public API."""
