"""Demo navigation and an About page. Idempotent."""

from __future__ import annotations

from django.utils import timezone

from backend.catalog.models import Category, Collection
from backend.content.models import Menu, MenuItem, Page

ABOUT = (
    "OCOP Market là chợ trực tuyến của các sản phẩm OCOP (Mỗi xã một sản phẩm): đặc sản "
    "do hợp tác xã, hộ kinh doanh và doanh nghiệp địa phương làm ra."
)


def load_demo_content() -> None:
    about, _ = Page.objects.get_or_create(
        slug="gioi-thieu",
        defaults={
            "title": "Giới thiệu OCOP Market",
            "content": {"blocks": [{"type": "paragraph", "data": {"text": ABOUT}}]},
            "is_published": True,
            "published_at": timezone.now(),
        },
    )
    navbar, _ = Menu.objects.get_or_create(slug="navbar", defaults={"name": "navbar"})
    for order, sector in enumerate(Category.objects.filter(level=0).order_by("ocop_sector")):
        MenuItem.objects.get_or_create(
            menu=navbar, category=sector, defaults={"name": sector.name, "sort_order": order}
        )
    featured = Collection.objects.filter(slug="noi-bat").first()
    if featured is not None:
        MenuItem.objects.get_or_create(
            menu=navbar, collection=featured, defaults={"name": featured.name, "sort_order": 50}
        )
    footer, _ = Menu.objects.get_or_create(slug="footer", defaults={"name": "footer"})
    MenuItem.objects.get_or_create(menu=footer, page=about, defaults={"name": about.title})
