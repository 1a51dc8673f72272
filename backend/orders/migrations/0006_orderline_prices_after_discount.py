"""OrderLine prices after the voucher, as Saleor shows them.

``total_price_amount`` held the line before its voucher share; it is renamed
``undiscounted_total_price_amount`` (same values) and the figure after the share becomes a
property, like the unit price after it. ``unit_price_amount`` always equalled
``undiscounted_unit_price_amount`` (checkoutComplete wrote both from one value); it is
dropped after checking that no row says otherwise (and refilled from it when migrating
back).
"""

from django.db import migrations, models


def refuse_if_unit_prices_differ(apps, schema_editor):
    OrderLine = apps.get_model("orders", "OrderLine")
    differing = OrderLine.objects.exclude(
        unit_price_amount=models.F("undiscounted_unit_price_amount")
    ).values_list("pk", flat=True)[:10]
    if differing:
        raise RuntimeError(
            "Order lines whose unit_price_amount differs from undiscounted_unit_price_amount "
            f"(would be lost): {list(differing)}"
        )


def restore_unit_prices(apps, schema_editor):
    OrderLine = apps.get_model("orders", "OrderLine")
    OrderLine.objects.update(unit_price_amount=models.F("undiscounted_unit_price_amount"))


class Migration(migrations.Migration):
    dependencies = [("orders", "0005_orderline_private_metadata")]

    operations = [
        migrations.RemoveConstraint(model_name="orderline", name="order_line_amounts_not_negative"),
        migrations.RemoveConstraint(
            model_name="orderline", name="order_line_discount_within_total"
        ),
        migrations.RenameField(
            model_name="orderline",
            old_name="total_price_amount",
            new_name="undiscounted_total_price_amount",
        ),
        migrations.RunPython(refuse_if_unit_prices_differ, restore_unit_prices),
        # A default only so that migrating back can re-add the column to existing rows.
        migrations.AlterField(
            model_name="orderline",
            name="unit_price_amount",
            field=models.BigIntegerField(default=0),
        ),
        migrations.RemoveField(model_name="orderline", name="unit_price_amount"),
        migrations.AddConstraint(
            model_name="orderline",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("undiscounted_total_price_amount__gte", 0),
                    ("undiscounted_unit_price_amount__gte", 0),
                ),
                name="order_line_amounts_not_negative",
            ),
        ),
        migrations.AddConstraint(
            model_name="orderline",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("discount_amount__gte", 0),
                    ("discount_amount__lte", models.F("undiscounted_total_price_amount")),
                ),
                name="order_line_discount_within_total",
            ),
        ),
    ]
