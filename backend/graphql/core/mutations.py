"""The base for every mutation: validate input, call one service, shape the payload."""

from __future__ import annotations

from typing import Any

import graphene
from django.core.exceptions import ValidationError
from django.db import transaction
from graphene.types.mutation import MutationOptions

from backend.core.errors import DomainError, NotFound, PermissionDenied
from backend.graphql.core.errors import (
    PermissionDeniedError,
    domain_error_to_dict,
    normalise_code,
    validation_error_to_dicts,
)


class BaseMutationOptions(MutationOptions):
    error_type_class: type[graphene.ObjectType] | None = None
    error_type_field: str = "errors"
    permission_check: Any = None


class BaseMutation(graphene.Mutation):
    """Runs ``perform_mutation`` in one transaction; errors roll everything back.

    Subclasses declare ``error_type_class`` (Saleor's ``XError`` type) in Meta and may set
    ``permission_check = staticmethod(lambda user: bool)`` for who may call them at all.
    """

    class Meta:
        abstract = True

    @classmethod
    def __init_subclass_with_meta__(
        cls,
        error_type_class: type[graphene.ObjectType] | None = None,
        error_type_field: str = "errors",
        permission_check: Any = None,
        _meta: BaseMutationOptions | None = None,
        **options: Any,
    ) -> None:
        if not _meta:
            _meta = BaseMutationOptions(cls)
        _meta.error_type_class = error_type_class
        _meta.error_type_field = error_type_field
        _meta.permission_check = permission_check
        if error_type_class is not None:
            cls.errors = graphene.List(
                graphene.NonNull(error_type_class),
                required=True,
                description="Errors of this mutation; empty when it succeeded.",
            )
        super().__init_subclass_with_meta__(_meta=_meta, **options)

    @classmethod
    def check_permissions(cls, info: graphene.ResolveInfo) -> None:
        check = cls._meta.permission_check
        if check is not None and not check(info.context.user):
            raise PermissionDeniedError()

    @classmethod
    def mutate(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        cls.check_permissions(info)
        try:
            with transaction.atomic():
                return cls.perform_mutation(root, info, **data)
        except PermissionDenied as exc:
            raise PermissionDeniedError(exc.message) from exc
        except NotFound as exc:
            return cls.error_payload([domain_error_to_dict(exc)])
        except DomainError as exc:
            return cls.error_payload([domain_error_to_dict(exc)])
        except ValidationError as exc:
            return cls.error_payload(validation_error_to_dicts(exc))

    @classmethod
    def perform_mutation(cls, root: Any, info: graphene.ResolveInfo, **data: Any) -> Any:
        raise NotImplementedError

    @classmethod
    def error_payload(cls, errors: list[dict[str, Any]]) -> Any:
        error_class = cls._meta.error_type_class
        if error_class is None:
            raise ValueError(f"{cls.__name__} has no error_type_class")
        code_enum = error_class._meta.fields["code"].type  # NonNull(Enum)
        enum = getattr(code_enum, "of_type", code_enum)
        shaped = [
            error_class(
                field=item["field"],
                message=item["message"],
                code=normalise_code(item["code"], enum._meta.enum),
            )
            for item in errors
        ]
        return cls(**{cls._meta.error_type_field: shaped})

    @classmethod
    def success(cls, **payload: Any) -> Any:
        return cls(**{cls._meta.error_type_field: []}, **payload)
