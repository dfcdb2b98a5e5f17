from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt
from django.views.static import serve

from backend.core import health, storefront
from backend.core.graphql.view import PortalGraphQLView
from backend.orders.downloads import download as orders_download
from plugins.order_workflow.packing_list import packing_list
from price_rules.excel.downloads import download as price_download

urlpatterns = [
    path("admin/", admin.site.urls),
    path("graphql/", csrf_exempt(PortalGraphQLView.as_view(graphiql=settings.GRAPHIQL))),
    path("health/live", health.live),
    path("health/ready", health.ready),
    # Signed, short-lived links to price workbooks (price_rules/excel/downloads.py).
    path("downloads/prices/<str:token>/", price_download, name="price-xlsx"),
    # The order list's workbook, the same way (backend/orders/downloads.py).
    path("downloads/orders/<str:token>/", orders_download, name="orders-xlsx"),
    # A dispatch's packing list to print (plugins/order_workflow/packing_list.py).
    path("orders/dispatches/<int:dispatch_id>/packing-list/", packing_list,
         name="packing-list"),
    # Invoices and UPDs as PDF, by signed links (plugins/credit/downloads.py).
    path("", include("plugins.credit.urls")),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

# Last: every other page address belongs to the storefront (a single-page app).
urlpatterns += [
    re_path(storefront.PAGE_PATTERN, storefront.storefront_index, name="storefront"),
]
