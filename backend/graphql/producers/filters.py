from __future__ import annotations

from typing import Any

import graphene
from django.db.models import QuerySet

from backend.graphql.producers.enums import ProducerLegalFormEnum, ProducerStatusEnum
from producers import selectors
from producers.models import Producer
from producers.permissions import is_reviewing_staff


class ProducerFilterInput(graphene.InputObjectType):
    search = graphene.String(description="Part of the producer's name (accents optional).")
    province = graphene.String(description="Province code (2025 units), e.g. 38.")
    legal_form = graphene.List(
        graphene.NonNull(ProducerLegalFormEnum), description="Any of these legal forms."
    )
    status = graphene.Field(
        ProducerStatusEnum,
        description="Staff only: producers in this status (e.g. PENDING for the review queue). "
        "Ignored for everyone else, who see approved producers only.",
    )

    class Meta:
        description = "Filters for the producers list."


def filter_producers(actor: Any, filter_input: dict[str, Any] | None) -> QuerySet[Producer]:
    data = filter_input or {}
    if data.get("status") and is_reviewing_staff(actor):
        status = getattr(data["status"], "value", data["status"])
        queryset = selectors.producers_for_staff(actor=actor, status=status)
    else:
        queryset = selectors.producers_public_list()
    if data.get("search"):
        queryset = selectors.search_producers(queryset, data["search"])
    if data.get("province"):
        queryset = queryset.filter(province_code=data["province"])
    if data.get("legal_form"):
        forms = [getattr(form, "value", form) for form in data["legal_form"]]
        queryset = queryset.filter(legal_form__in=forms)
    return selectors.with_public_certificates(queryset)
