"""Filters of OCOP's payment lists (bank notices, producer ledger entries)."""

from __future__ import annotations

import graphene

from backend.graphql.payments import enums


class BankNoticeFilterInput(graphene.InputObjectType):
    status = graphene.List(
        graphene.NonNull(enums.BankNoticeStatusEnum),
        description="Any of these statuses; [FLAGGED] lists the notices waiting for staff.",
    )
    flags = graphene.List(
        graphene.NonNull(enums.BankNoticeFlagEnum), description="Any of these flags."
    )
    search = graphene.String(description="Bank reference, transfer description or order number.")

    class Meta:
        description = "Filters for the bank notices list."


class ProducerLedgerEntryFilterInput(graphene.InputObjectType):
    kinds = graphene.List(
        graphene.NonNull(enums.ProducerLedgerEntryKindEnum), description="Any of these kinds."
    )

    class Meta:
        description = "Filters for a producer's ledger entries."
