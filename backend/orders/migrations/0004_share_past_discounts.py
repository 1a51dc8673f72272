from django.db import migrations

from backend.core.money import apportion


def share_past_discounts(apps, schema_editor):
    """Orders placed before shares were stored: their (platform-wide) voucher discount is
    split over the producers' groups, then each group's lines, in proportion to their sums."""
    Order = apps.get_model("orders", "Order")
    FulfillmentGroup = apps.get_model("orders", "FulfillmentGroup")
    OrderLine = apps.get_model("orders", "OrderLine")
    for order in Order.objects.filter(discount_amount__gt=0).iterator():
        groups = list(FulfillmentGroup.objects.filter(order=order).order_by("pk"))
        shares = apportion(order.discount_amount, {g.pk: g.subtotal_amount for g in groups})
        for group in groups:
            group.discount_amount = shares[group.pk]
            lines = list(OrderLine.objects.filter(fulfillment_group=group).order_by("pk"))
            parts = apportion(group.discount_amount, {x.pk: x.total_price_amount for x in lines})
            for line in lines:
                line.discount_amount = parts[line.pk]
            OrderLine.objects.bulk_update(lines, ["discount_amount"])
        FulfillmentGroup.objects.bulk_update(groups, ["discount_amount"])


class Migration(migrations.Migration):
    dependencies = [("orders", "0003_voucher_shares")]

    operations = [migrations.RunPython(share_past_discounts, migrations.RunPython.noop)]
