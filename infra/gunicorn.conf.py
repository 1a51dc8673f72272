"""gunicorn with uvicorn workers (ASGI). Sized by WEB_CONCURRENCY; stateless, scale out freely."""

import os

bind = "0.0.0.0:8000"
worker_class = "uvicorn.workers.UvicornWorker"
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
timeout = 30
graceful_timeout = 20
keepalive = 5
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
forwarded_allow_ips = "*"
control_socket_disable = True
