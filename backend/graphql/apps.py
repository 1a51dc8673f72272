from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


class GraphQLConfig(AppConfig):
    name = "backend.graphql"
    label = "graphql_api"
    verbose_name = "GraphQL API"

    def ready(self) -> None:
        from backend.graphql.core.response_cache import bump_catalogue_version

        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(bump_catalogue_version, dispatch_uid=f"catalogue-version-{signal}")
