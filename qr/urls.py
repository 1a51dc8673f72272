"""Traceability URLs. Digital Link paths live at the site root (/01/...), as GS1 requires."""

from django.urls import path, re_path

from qr.views import manage, public

app_name = "qr"

urlpatterns = [
    re_path(r"^01/", public.resolver, name="resolver"),
    path(".well-known/gs1resolver", public.resolver_description, name="gs1resolver"),
    re_path(r"^trace/01/", public.trace, name="trace"),
    re_path(r"^trace/epcis/01/", public.epcis, name="epcis"),
    re_path(r"^trace/qr/(?P<fmt>png|svg)/01/", public.qr_image, name="qr_image"),
    path(
        "trace/manage/<slug:producer_slug>/batches/",
        manage.batch_list_view,
        name="batch_list",
    ),
    path(
        "trace/manage/<slug:producer_slug>/batches/<int:batch_id>/",
        manage.batch_detail,
        name="batch_detail",
    ),
    path(
        "trace/manage/<slug:producer_slug>/label-jobs/<int:job_id>/",
        manage.label_job,
        name="label_job",
    ),
    path(
        "trace/manage/<slug:producer_slug>/label-jobs/<int:job_id>/pdf",
        manage.label_job_pdf,
        name="label_job_pdf",
    ),
]
