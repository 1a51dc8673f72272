from django.apps import AppConfig


class OrdersConfig(AppConfig):
    name = "backend.orders"
    label = "orders"
    verbose_name = "Orders"

    def ready(self) -> None:
        from backend.accounts.signals import user_data_exporting, user_deleting
        from backend.orders.personal_data import on_user_data_exporting, on_user_deleting

        user_deleting.connect(on_user_deleting, dispatch_uid="orders-user-deleting")
        user_data_exporting.connect(on_user_data_exporting, dispatch_uid="orders-user-export")
