"""Vietnamese administrative units (2025 two-tier list) as GraphQL types."""

from __future__ import annotations

import graphene

from backend.accounts import vn_units


class Province(graphene.ObjectType):
    """A province or centrally-run city (one of 34 since 1 July 2025)."""

    code = graphene.String(required=True, description="Official province code, e.g. 38.")
    name = graphene.String(required=True, description="Province name, e.g. Thanh Hóa.")
    full_name = graphene.String(required=True, description="Full name, e.g. Tỉnh Thanh Hóa.")

    @staticmethod
    def from_code(code: str) -> Province | None:
        unit = vn_units.province_by_code(code) if code else None
        if unit is None:
            return None
        return Province(code=unit.code, name=unit.name, full_name=unit.full_name)


class Commune(graphene.ObjectType):
    """A commune, ward or special zone (xã, phường, đặc khu)."""

    code = graphene.String(required=True, description="Official commune code.")
    name = graphene.String(required=True, description="Commune name.")
    full_name = graphene.String(required=True, description="Full name, e.g. Phường Đông Sơn.")

    @staticmethod
    def from_code(code: str) -> Commune | None:
        unit = vn_units.ward_by_code(code) if code else None
        if unit is None:
            return None
        return Commune(code=unit.code, name=unit.name, full_name=unit.full_name)
