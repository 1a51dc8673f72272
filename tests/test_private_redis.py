"""The fallback Redis that lets `make test` run where no Redis server is installed."""

import redis

from tests.celery_helpers import _private_redis


def test_private_redis_server_starts_and_answers():
    # when
    url = _private_redis()

    # then: it is a real Redis bound to the loopback address, reused within the process
    client = redis.Redis.from_url(url)
    assert client.ping() is True
    assert client.info("server")["redis_version"].startswith("6.")
    assert url.startswith("redis://127.0.0.1:")
    assert _private_redis() == url
