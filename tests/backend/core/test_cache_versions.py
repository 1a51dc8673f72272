from django.core.cache import cache

from backend.core.cache_versions import cache_version, cache_version_bump


def test_a_bump_moves_the_version_forward():
    # given
    before = cache_version("test:version")

    # when
    cache_version_bump("test:version")

    # then
    assert cache_version("test:version") > before


def test_an_evicted_counter_restarts_above_every_value_it_had():
    # given: a version entries were keyed by, bumped a few times, then evicted
    cache_version("test:evicted")
    for _ in range(3):
        cache_version_bump("test:evicted")
    old = cache_version("test:evicted")
    cache.delete("test:evicted")

    # when / then: both reading and bumping start again above it
    assert cache_version("test:evicted") > old
    cache.delete("test:evicted")
    cache_version_bump("test:evicted")
    assert cache_version("test:evicted") > old
