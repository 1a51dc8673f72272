from django.urls import path

from storefront_theme import account_views, purchase_views

app_name = "storefront_purchase"

urlpatterns = [
    path("gio-hang/", purchase_views.cart_detail, name="cart"),
    path("gio-hang/them/", purchase_views.cart_add, name="cart-add"),
    path("gio-hang/cap-nhat/", purchase_views.cart_update, name="cart-update"),
    path("thanh-toan/", purchase_views.checkout_page, name="checkout"),
    path("api/communes/<str:province_code>/", purchase_views.communes, name="communes"),
    path("don-hang/<uuid:token>/", purchase_views.order_detail, name="order"),
    path("don-hang/<uuid:token>/trang-thai/", purchase_views.order_status, name="order-status"),
    path("tai-khoan/", account_views.account_home, name="account"),
    path("tai-khoan/dang-ky/", account_views.register, name="register"),
    path("tai-khoan/xac-nhan/", account_views.confirm, name="confirm"),
    path("tai-khoan/dang-nhap/", account_views.sign_in, name="sign-in"),
    path("tai-khoan/dang-xuat/", account_views.sign_out, name="sign-out"),
    path("tai-khoan/don-hang/", account_views.orders, name="orders"),
    path("tai-khoan/dia-chi/", account_views.addresses, name="addresses"),
    path("tai-khoan/dia-chi/<int:address_id>/", account_views.address_edit, name="address-edit"),
    path(
        "tai-khoan/dia-chi/<int:address_id>/xoa/",
        account_views.address_delete,
        name="address-delete",
    ),
    path(
        "tai-khoan/dia-chi/<int:address_id>/mac-dinh/",
        account_views.address_default,
        name="address-default",
    ),
    path("tai-khoan/xoa/", account_views.delete_account, name="delete"),
]
