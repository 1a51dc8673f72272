"""gunicorn serving the WSGI app with threaded workers. Sized by WEB_CONCURRENCY (processes)
and WEB_THREADS (threads each); stateless, scale out freely.

Every view is synchronous Django, so WSGI: under ASGI each request would hop through
``sync_to_async`` onto one thread per worker and gain nothing. Threads let a worker overlap
PostgreSQL and Redis waits and keep client connections alive behind nginx.
"""

import os

bind = "0.0.0.0:8000"
worker_class = "gthread"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("WEB_THREADS", "4"))
timeout = 30
graceful_timeout = 20
keepalive = 5
# Recycling a worker stalls the requests queued behind it for a second or two (measured
# with bench/catalog.py): rare enough to guard against slow leaks, not every few seconds.
max_requests = 20000
max_requests_jitter = 2000
accesslog = "-"
forwarded_allow_ips = "*"
control_socket_disable = True
