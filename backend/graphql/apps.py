from django.apps import AppConfig, apps
from django.db.models.signals import m2m_changed, post_delete, post_save


class GraphQLConfig(AppConfig):
    name = "backend.graphql"
    label = "graphql_api"
    verbose_name = "GraphQL API"

    def ready(self) -> None:
        from backend.graphql.core.response_cache import (
            CATALOGUE_APPS,
            STOCK_MODELS,
            bump_catalogue_version,
            bump_stock_version,
        )
        from backend.inventory.signals import stock_levels_changed

        stock_levels_changed.connect(bump_stock_version, dispatch_uid="stock-version")

        # Per model, not global: a delete listener on every model would stop Django from
        # fast-deleting rows of unrelated apps (checkout cleanup, sessions...).
        for model in apps.get_models():
            if model._meta.app_label not in CATALOGUE_APPS:
                continue
            uid = f"catalogue-version-{model._meta.label}"
            if model._meta.label in STOCK_MODELS:
                post_save.connect(bump_stock_version, sender=model, dispatch_uid=f"{uid}-save")
                post_delete.connect(bump_stock_version, sender=model, dispatch_uid=f"{uid}-del")
                continue
            post_save.connect(bump_catalogue_version, sender=model, dispatch_uid=f"{uid}-save")
            post_delete.connect(bump_catalogue_version, sender=model, dispatch_uid=f"{uid}-del")
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(
                    bump_catalogue_version,
                    sender=field.remote_field.through,
                    dispatch_uid=f"{uid}-m2m-{field.name}",
                )
