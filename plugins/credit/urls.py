"""The credit plugin's pages outside the API: its documents as PDF, by signed links."""

from django.urls import path

from .downloads import invoice_download, upd_download

urlpatterns = [
    path("downloads/invoices/<int:invoice_id>/pdf/", invoice_download, name="invoice-pdf"),
    path("downloads/dispatches/<int:dispatch_id>/upd/", upd_download, name="upd-pdf"),
]
