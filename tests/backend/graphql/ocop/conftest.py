from tests.backend.ocop.factories import world  # noqa: F401
