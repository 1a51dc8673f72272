"""Error types, inputs and helpers shared by the catalogue mutations (Saleor's shapes)."""

from __future__ import annotations

from typing import Any

import graphene

from backend.graphql.core.ids import pk_from_global_id
from backend.graphql.core.metadata import MetadataInput, metadata_dict


class ProductErrorCode(graphene.Enum):
    """Saleor's product error codes."""

    ALREADY_EXISTS = "ALREADY_EXISTS"
    DUPLICATED_INPUT_ITEM = "DUPLICATED_INPUT_ITEM"
    GRAPHQL_ERROR = "GRAPHQL_ERROR"
    INVALID = "INVALID"
    INVALID_PRICE = "INVALID_PRICE"
    NOT_FOUND = "NOT_FOUND"
    REQUIRED = "REQUIRED"
    UNIQUE = "UNIQUE"
    PRODUCT_NOT_ASSIGNED_TO_CHANNEL = "PRODUCT_NOT_ASSIGNED_TO_CHANNEL"
    UNSUPPORTED_MEDIA_PROVIDER = "UNSUPPORTED_MEDIA_PROVIDER"
    NOT_PRODUCTS_IMAGE = "NOT_PRODUCTS_IMAGE"


class ProductError(graphene.ObjectType):
    """An error of a product mutation."""

    field = graphene.String(description="Name of the input field that caused the error, or null.")
    message = graphene.String(description="The error message.")
    code = graphene.Field(ProductErrorCode, required=True, description="The error code.")


class ProductChannelListingError(graphene.ObjectType):
    """An error of a channel listing mutation."""

    field = graphene.String(description="Name of the input field that caused the error, or null.")
    message = graphene.String(description="The error message.")
    code = graphene.Field(ProductErrorCode, required=True, description="The error code.")


class BulkStockError(graphene.ObjectType):
    """An error of a stock update; ``index`` is the position of the failing stock input."""

    field = graphene.String(description="Name of the input field that caused the error, or null.")
    message = graphene.String(description="The error message.")
    code = graphene.Field(ProductErrorCode, required=True, description="The error code.")
    index = graphene.Int(description="Index of the stock input that caused the error.")


class SeoInput(graphene.InputObjectType):
    title = graphene.String(description="SEO title.")
    description = graphene.String(description="SEO description.")

    class Meta:
        description = "SEO fields."


class StockInput(graphene.InputObjectType):
    warehouse = graphene.ID(required=True, description="Warehouse (of the variant's producer).")
    quantity = graphene.Int(required=True, description="Quantity of items available for sell.")

    class Meta:
        description = "Stock of a variant in one warehouse."


def to_pk(global_id: str | None, type_name: str, field: str) -> int:
    return pk_from_global_id(global_id, type_name=type_name, field=field)


def stocks_data(stocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        {
            "warehouse_id": to_pk(item["warehouse"], "Warehouse", "warehouse"),
            "quantity": item["quantity"],
        }
        for item in stocks
    ]


def product_data(input_data: dict[str, Any]) -> dict[str, Any]:
    """Model fields from ProductInput; absent or null fields are left unchanged."""
    data: dict[str, Any] = {}
    for key in ("name", "slug", "description", "rating"):
        if input_data.get(key) is not None:
            data[key] = input_data[key]
    if input_data.get("category") is not None:
        data["category_id"] = to_pk(input_data["category"], "Category", "category")
    seo = input_data.get("seo")
    if seo is not None:
        if seo.get("title") is not None:
            data["seo_title"] = seo["title"]
        if seo.get("description") is not None:
            data["seo_description"] = seo["description"]
    if input_data.get("weight") is not None:
        data["weight_grams"] = input_data["weight"]
    for key, model_key in (("metadata", "metadata"), ("private_metadata", "private_metadata")):
        if input_data.get(key) is not None:
            data[model_key] = metadata_dict(input_data[key])
    return data


def variant_data(input_data: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for key in ("sku", "name", "gtin", "track_inventory", "quantity_limit_per_customer"):
        if input_data.get(key) is not None:
            data[key] = input_data[key]
    if input_data.get("weight") is not None:
        data["weight_grams"] = input_data["weight"]
    for key in ("metadata", "private_metadata"):
        if input_data.get(key) is not None:
            data[key] = metadata_dict(input_data[key])
    return data


class ProductInput(graphene.InputObjectType):
    category = graphene.ID(description="ID of the product's category.")
    description = graphene.JSONString(description="Product description (EditorJS JSON).")
    name = graphene.String(description="Product name.")
    slug = graphene.String(description="Product slug; generated from the name when empty.")
    seo = graphene.Field(SeoInput, description="Search engine optimization fields.")
    weight = graphene.Int(description="Weight in grams.")
    rating = graphene.Float(description="Product rating.")
    metadata = graphene.List(graphene.NonNull(MetadataInput), description="Public metadata.")
    private_metadata = graphene.List(
        graphene.NonNull(MetadataInput), description="Private metadata."
    )

    class Meta:
        description = "Fields of a product; null leaves a field unchanged."


class ProductCreateInput(ProductInput):
    product_type = graphene.ID(required=True, description="ID of the type of the product.")
    producer = graphene.ID(
        description=(
            "ID of the producer selling it (OCOP extension); may be left out by a member of "
            "exactly one producer."
        )
    )

    class Meta:
        description = "Fields required to create a product."


class ProductVariantInput(graphene.InputObjectType):
    sku = graphene.String(description="Stock keeping unit.")
    name = graphene.String(description="Variant name.")
    gtin = graphene.String(description="GTIN-8/12/13/14 barcode (OCOP extension).")
    track_inventory = graphene.Boolean(description="Whether stock is tracked.")
    weight = graphene.Int(description="Weight in grams.")
    quantity_limit_per_customer = graphene.Int(description="Most a customer may buy.")
    metadata = graphene.List(graphene.NonNull(MetadataInput), description="Public metadata.")
    private_metadata = graphene.List(
        graphene.NonNull(MetadataInput), description="Private metadata."
    )

    class Meta:
        description = "Fields of a product variant; null leaves a field unchanged."


class ProductVariantCreateInput(ProductVariantInput):
    sku = graphene.String(required=True, description="Stock keeping unit.")
    product = graphene.ID(required=True, description="Product ID of which type is the variant.")
    stocks = graphene.List(
        graphene.NonNull(StockInput), description="Stocks of the variant per warehouse."
    )

    class Meta:
        description = "Fields required to create a product variant."
