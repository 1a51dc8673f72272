"""Types shared by every part of the API."""

from __future__ import annotations

from typing import Any

import graphene

from backend.core.money import CURRENCY


class Money(graphene.ObjectType):
    """Represents amount of money in specific currency (VND: whole đồng)."""

    currency = graphene.String(required=True, description="Currency code (always VND).")
    amount = graphene.Float(required=True, description="Amount of money, in whole đồng.")

    @staticmethod
    def of(amount: int) -> Money:
        return Money(currency=CURRENCY, amount=amount)


class MoneyRange(graphene.ObjectType):
    """Represents a range of amounts of money."""

    start = graphene.Field(Money, description="Lower bound of a price range.")
    stop = graphene.Field(Money, description="Upper bound of a price range.")


class TaxedMoney(graphene.ObjectType):
    """A price with net and gross amounts (VAT-inclusive prices: net equals gross here)."""

    currency = graphene.String(required=True, description="Currency code.")
    gross = graphene.Field(Money, required=True, description="Amount of money including taxes.")
    net = graphene.Field(Money, required=True, description="Amount of money without taxes.")
    tax = graphene.Field(Money, required=True, description="Amount of taxes.")

    @staticmethod
    def of(amount: int) -> TaxedMoney:
        return TaxedMoney(
            currency=CURRENCY, gross=Money.of(amount), net=Money.of(amount), tax=Money.of(0)
        )


class TaxedMoneyRange(graphene.ObjectType):
    """Represents a range of monetary values."""

    start = graphene.Field(TaxedMoney, description="Lower bound of a price range.")
    stop = graphene.Field(TaxedMoney, description="Upper bound of a price range.")


class MetadataItem(graphene.ObjectType):
    """A key-value pair of metadata."""

    key = graphene.String(required=True, description="Key of a metadata item.")
    value = graphene.String(required=True, description="Value of a metadata item.")


def metadata_items(metadata: dict[str, Any] | None) -> list[MetadataItem]:
    return [MetadataItem(key=key, value=str(value)) for key, value in (metadata or {}).items()]
