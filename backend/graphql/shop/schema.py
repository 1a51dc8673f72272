import graphene
from django.conf import settings


class LanguageDisplay(graphene.ObjectType):
    code = graphene.String(required=True, description="Language code, e.g. vi.")
    language = graphene.String(required=True, description="Language name.")


class CountryDisplay(graphene.ObjectType):
    code = graphene.String(required=True, description="ISO 3166 country code.")
    country = graphene.String(required=True, description="Country name.")


class Domain(graphene.ObjectType):
    host = graphene.String(required=True, description="The host name of the domain.")
    ssl_enabled = graphene.Boolean(required=True, description="Whether SSL is enabled.")
    url = graphene.String(required=True, description="The absolute URL of the API.")


class Shop(graphene.ObjectType):
    name = graphene.String(required=True, description="The marketplace's name.")
    description = graphene.String(description="What the marketplace is.")
    languages = graphene.List(LanguageDisplay, required=True, description="Languages served.")
    default_country = graphene.Field(CountryDisplay, description="The default country.")
    domain = graphene.Field(Domain, required=True, description="The marketplace's domain.")

    @staticmethod
    def resolve_languages(root: "Shop", info: graphene.ResolveInfo) -> list[LanguageDisplay]:
        return [LanguageDisplay(code=code, language=str(name)) for code, name in settings.LANGUAGES]

    @staticmethod
    def resolve_default_country(root: "Shop", info: graphene.ResolveInfo) -> CountryDisplay:
        return CountryDisplay(code="VN", country="Việt Nam")

    @staticmethod
    def resolve_domain(root: "Shop", info: graphene.ResolveInfo) -> Domain:
        url = settings.PUBLIC_URL
        host = url.split("://", 1)[-1].split("/", 1)[0]
        return Domain(host=host, ssl_enabled=url.startswith("https://"), url=f"{url}/graphql/")


class ShopQueries(graphene.ObjectType):
    shop = graphene.Field(Shop, required=True, description="The marketplace's settings.")

    @staticmethod
    def resolve_shop(root: object, info: graphene.ResolveInfo) -> Shop:
        return Shop(
            name="OCOP Market",
            description="Chợ sản phẩm OCOP: đặc sản địa phương Việt Nam.",
        )
