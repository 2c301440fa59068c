"""The SPARQL side of the endpoint: scanning a query before it runs, content negotiation, result serialization, the service description.

Internal to :mod:`api`; nothing here is public API."""
