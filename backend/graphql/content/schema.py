from __future__ import annotations

from typing import Any

import graphene
from graphql import GraphQLError

from backend.channels.models import Channel
from backend.channels.selectors import NoDefaultChannel, channel_for_request
from backend.content.models import Menu as MenuModel
from backend.content.selectors import page_queryset_for_user
from backend.graphql.catalog.types.common import with_channel
from backend.graphql.channels.types import request_channel
from backend.graphql.content.types import Menu, Page, PageCountableConnection
from backend.graphql.core.connection import connection_args, resolve_connection
from backend.graphql.core.enums import LanguageCodeEnum, language_code_value
from backend.graphql.core.filters import StringFilterInput, pks_of, string_q
from backend.graphql.core.ids import decode_id


class PageWhereInput(graphene.InputObjectType):
    ids = graphene.List(graphene.NonNull(graphene.ID), description="Page IDs.")
    slug = graphene.Field(StringFilterInput, description="Filter by slug.")


class ContentQueries(graphene.ObjectType):
    page = graphene.Field(
        Page,
        id=graphene.ID(description="ID of the page."),
        slug=graphene.String(description="The slug of the page."),
        slug_language_code=graphene.Argument(
            LanguageCodeEnum, description="Language code of the translated slug."
        ),
        channel=graphene.String(description="Slug of a channel (accepted, as Saleor)."),
        description="Look up a page by ID or slug.",
    )
    pages = graphene.Field(
        PageCountableConnection,
        where=graphene.Argument(PageWhereInput, description="Where filtering options."),
        search=graphene.String(description="Search by title or slug."),
        channel=graphene.String(description="Slug of a channel (accepted, as Saleor)."),
        **connection_args(),
        description="List of the shop's pages.",
    )
    menu = graphene.Field(
        Menu,
        channel=graphene.String(
            description="Slug of the channel whose published collections the items show "
            "(default: the only channel)."
        ),
        id=graphene.ID(description="ID of the menu."),
        name=graphene.String(description="The menu's name."),
        slug=graphene.String(description="The menu's slug."),
        description="Look up a navigation menu by ID, name or slug.",
    )

    @staticmethod
    def resolve_page(
        root: object,
        info: graphene.ResolveInfo,
        id: str | None = None,
        slug: str | None = None,
        slug_language_code: Any = None,
        channel: str | None = None,
    ) -> Any:
        if bool(id) == bool(slug):
            raise GraphQLError("Argument 'id' or 'slug' must be specified.")
        if channel:
            request_channel(info, channel)
        pages = page_queryset_for_user(user=info.context.user)
        if id:
            pk = decode_id(id, "Page")
            return pages.filter(pk=int(pk)).first() if pk.isdigit() else None
        if slug_language_code:
            return pages.filter(
                translations__language_code=language_code_value(slug_language_code),
                translations__slug=slug,
            ).first()
        return pages.filter(slug=slug).first()

    @staticmethod
    def resolve_pages(root: object, info: graphene.ResolveInfo, **args: Any) -> Any:
        if args.get("channel"):
            request_channel(info, args["channel"])
        pages = page_queryset_for_user(user=info.context.user)
        where = args.get("where") or {}
        if where.get("ids"):
            pages = pages.filter(pk__in=pks_of(where["ids"], "Page"))
        pages = pages.filter(string_q("slug", where.get("slug")))
        if args.get("search"):
            pages = pages.filter(title__icontains=args["search"])
        return resolve_connection(
            PageCountableConnection, pages, args, sort_fields=["slug"], connection_name="pages"
        )

    @staticmethod
    def resolve_menu(
        root: object,
        info: graphene.ResolveInfo,
        channel: str | None = None,
        id: str | None = None,
        name: str | None = None,
        slug: str | None = None,
    ) -> Any:
        if not (id or slug or name):
            raise GraphQLError("At least one of arguments is required: 'id', 'name', 'slug'.")
        channel_obj = _menu_channel(info, channel)
        menus = MenuModel.objects.all()
        if id:
            pk = decode_id(id, "Menu")
            menu = menus.filter(pk=int(pk)).first() if pk.isdigit() else None
        elif slug:
            menu = menus.filter(slug=slug).first()
        else:
            menu = menus.filter(name=name).first()
        return None if menu is None else with_channel([menu], channel_obj)[0]


def _menu_channel(info: graphene.ResolveInfo, slug: str | None) -> Channel | None:
    """The channel whose published collections a menu links to: the named one (an unknown
    name is an error), else the default one. With no single default channel shoppers see
    no collections, as in Saleor; staff see them all anyway."""
    if slug:
        return request_channel(info, slug)
    try:
        return channel_for_request(user=info.context.user, slug=None)
    except NoDefaultChannel:
        return None
