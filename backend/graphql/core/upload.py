"""The ``Upload`` scalar of the GraphQL multipart request spec (as Saleor declares it).

Values are Django ``UploadedFile`` objects that ``GraphQLView`` put into the variables from
the multipart request's ``map``; the scalar cannot be written inline in a query.
"""

from __future__ import annotations

from typing import Any

import graphene


class Upload(graphene.Scalar):
    """Variables of this type must be set to null in mutations. They will be replaced with a
    filename from a following multipart part containing a binary file. See:
    https://github.com/jaydenseric/graphql-multipart-request-spec."""

    @staticmethod
    def serialize(value: Any) -> Any:
        return value

    @staticmethod
    def parse_literal(node: Any, _variables: Any = None) -> Any:
        return node

    @staticmethod
    def parse_value(value: Any) -> Any:
        return value
