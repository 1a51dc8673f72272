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
# No recycling: each recycle stalled the requests queued behind it for 1-2 s and emptied the
# worker's in-process caches (measured with bench/catalog.py and bench/trace.py), and no
# leak calls for it. If one ever does: GUNICORN_CMD_ARGS="--max-requests 50000".
max_requests = 0
accesslog = "-"
forwarded_allow_ips = "*"
control_socket_disable = True
# One listening socket per worker (SO_REUSEPORT): the kernel spreads new connections over the
# workers. With one shared socket the first worker to wake accepted a whole burst, so long-lived
# keep-alive connections (nginx's upstream pool, bench/checkout.py) all landed on one process and
# one core while the other worker idled (measured: 7-8 of 8 connections on one worker).
reuse_port = True
