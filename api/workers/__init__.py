"""Query worker processes: the pool, the pipe to each worker, the code a worker runs, jobs (analyses and explorer views), snapshots, allocator tuning.

Internal to :mod:`api`; nothing here is public API."""
