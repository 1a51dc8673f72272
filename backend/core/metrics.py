"""Prometheus metrics in the text exposition format, without a client library.

Request counters and latency histograms live in each web process (scrape every process,
or run one per container); task counts go through the shared cache so the web process can
report what workers did; webhook failures are read from the database.
"""

from __future__ import annotations

import threading
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable

from django.core.cache import cache

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)
TASK_STATES = ("succeeded", "failed", "retried")


class RequestMetrics:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.counts: defaultdict[tuple[str, str], int] = defaultdict(int)
        self.buckets = [0] * (len(LATENCY_BUCKETS) + 1)
        self.latency_sum = 0.0
        self.latency_count = 0

    def observe(self, *, method: str, status: int, seconds: float) -> None:
        with self._lock:
            self.counts[(method, str(status))] += 1
            self.buckets[bisect_left(LATENCY_BUCKETS, seconds)] += 1
            self.latency_sum += seconds
            self.latency_count += 1

    def render(self) -> list[str]:
        with self._lock:
            lines = [
                "# HELP ocop_http_requests_total HTTP requests by method and status.",
                "# TYPE ocop_http_requests_total counter",
            ]
            for (method, status), count in sorted(self.counts.items()):
                lines.append(
                    f'ocop_http_requests_total{{method="{method}",status="{status}"}} {count}'
                )
            lines += [
                "# HELP ocop_http_request_duration_seconds Time to answer a request.",
                "# TYPE ocop_http_request_duration_seconds histogram",
            ]
            cumulative = 0
            for bound, count in zip((*LATENCY_BUCKETS, "+Inf"), self.buckets, strict=True):
                cumulative += count
                lines.append(
                    f'ocop_http_request_duration_seconds_bucket{{le="{bound}"}} {cumulative}'
                )
            lines.append(f"ocop_http_request_duration_seconds_sum {self.latency_sum:.6f}")
            lines.append(f"ocop_http_request_duration_seconds_count {self.latency_count}")
        return lines


requests = RequestMetrics()


def _task_key(state: str) -> str:
    return f"metrics:tasks:{state}"


def task_finished(state: str) -> None:
    """Count a finished Celery task (called from worker signals)."""
    key = _task_key(state)
    cache.add(key, 0, timeout=None)
    try:
        cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=None)


def render_tasks() -> list[str]:
    values = cache.get_many([_task_key(state) for state in TASK_STATES])
    lines = [
        "# HELP ocop_celery_tasks_total Celery tasks finished, by outcome.",
        "# TYPE ocop_celery_tasks_total counter",
    ]
    for state in TASK_STATES:
        lines.append(
            f'ocop_celery_tasks_total{{state="{state}"}} {values.get(_task_key(state), 0)}'
        )
    return lines


def render_gauge(name: str, help_text: str, value: int) -> list[str]:
    return [f"# HELP {name} {help_text}", f"# TYPE {name} gauge", f"{name} {value}"]


# Apps add their own figures (``metrics.register(fn)`` in AppConfig.ready) without core
# importing them.
_collectors: list[Callable[[], list[str]]] = []


def register(collector: Callable[[], list[str]]) -> None:
    if collector not in _collectors:
        _collectors.append(collector)


def render_all() -> str:
    lines = requests.render() + render_tasks()
    for collector in _collectors:
        lines += collector()
    return "\n".join(lines) + "\n"
