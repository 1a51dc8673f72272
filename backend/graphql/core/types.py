"""Types shared by every part of the API."""

from __future__ import annotations

import graphene

from backend.core.money import CURRENCY
from backend.graphql.core.metadata import MetadataItem, metadata_items

__all__ = [
    "MetadataItem",
    "Money",
    "MoneyRange",
    "TaxedMoney",
    "TaxedMoneyRange",
    "Weight",
    "metadata_items",
]


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


class WeightUnitsEnum(graphene.Enum):
    """Saleor's weight units; OCOP Market keeps and reports weights in grams."""

    G = "g"
    LB = "lb"
    OZ = "oz"
    KG = "kg"
    TONNE = "tonne"


class Weight(graphene.ObjectType):
    """Represents weight value in a specific weight unit."""

    unit = graphene.Field(WeightUnitsEnum, required=True, description="Weight unit.")
    value = graphene.Float(required=True, description="Weight value.")

    @staticmethod
    def of_grams(grams: int | None) -> Weight | None:
        return None if grams is None else Weight(unit=WeightUnitsEnum.G, value=grams)
