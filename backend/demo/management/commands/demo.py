"""``manage.py demo``: load the demo dealer network and catalog (safe to run again)."""

from __future__ import annotations

import time

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Count

from backend.accounts.models import Membership, Organization, User
from backend.catalog.models import (
    Attribute,
    Category,
    Product,
    ProductImage,
    ProductType,
    ProductVariant,
)
from backend.checkout.models import SavedCart
from backend.demo.catalog import load_catalog, load_images
from backend.demo.catalog_plan import plan_catalog
from backend.demo.network import DEMO_PASSWORD, load_network
from backend.demo.orders import load_orders
from backend.demo.plugins import load_plugin_demos
from backend.demo.prices import load_prices
from backend.demo.stock import load_stock
from backend.orders.models import Order
from inventory.models import IncomingSupply, StockItem, Warehouse
from price_rules.models import PriceList, PriceListEntry, Promotion


class Command(BaseCommand):
    help = ("Load the demo data: a manufacturer with dealers, sub-dealers, end clients, users "
            "for every role, a catalog of 300 products with 1,500 variants and images, and "
            "their prices, warehouses and stock, and three months of orders. "
            "Running it again creates nothing.")

    def add_arguments(self, parser):
        parser.add_argument("--image-workers", type=int, default=2,
                            help="threads drawing product images (default 2)")

    def handle(self, *args, image_workers: int = 2, **options):
        started = time.perf_counter()
        plan = plan_catalog()
        with transaction.atomic():
            network = load_network()
        network_done = time.perf_counter()
        with transaction.atomic():
            catalog, product_ids = load_catalog(plan)
        catalog_done = time.perf_counter()
        with transaction.atomic():
            prices = load_prices(network.organizations)
        prices_done = time.perf_counter()
        with transaction.atomic():
            stock = load_stock(network.organizations)
        stock_done = time.perf_counter()
        orders = load_orders(network.organizations)  # its own transaction, nobody mailed
        orders_done = time.perf_counter()
        with transaction.atomic():
            load_images(plan, product_ids, catalog, workers=image_workers)
        images_done = time.perf_counter()
        plugins_created = load_plugin_demos()
        finished = time.perf_counter()
        elapsed = finished - started

        created = (network.created + catalog.created + prices.created + stock.created
                   + orders.created + plugins_created)
        self.stdout.write(self._summary())
        self.stdout.write(f"time: network {network_done - started:.1f} s, catalog "
                          f"{catalog_done - network_done:.1f} s, prices "
                          f"{prices_done - catalog_done:.1f} s, stock "
                          f"{stock_done - prices_done:.1f} s, orders "
                          f"{orders_done - stock_done:.1f} s, images "
                          f"{images_done - orders_done:.1f} s, plugins "
                          f"{finished - images_done:.1f} s")
        verdict = (f"created {created} rows" if created
                   else "already loaded, nothing changed")
        self.stdout.write(self.style.SUCCESS(
            f"Demo data ready in {elapsed:.1f} s ({verdict}). "
            f"Sign in as admin@demo.local (or any user in backend/demo/README.md) "
            f"with password {DEMO_PASSWORD}."))

    def _summary(self) -> str:
        kinds = dict(Organization.objects.values_list("kind").annotate(n=Count("id")))
        rows = [
            ("organizations", Organization.objects.count()),
            ("  manufacturers", kinds.get("MANUFACTURER", 0)),
            ("  dealers", kinds.get("DEALER", 0)),
            ("  sub-dealers", kinds.get("SUB_DEALER", 0)),
            ("  end clients", kinds.get("END_CLIENT", 0)),
            ("users", User.objects.count()),
            ("memberships", Membership.objects.count()),
            ("categories", Category.objects.count()),
            ("product types", ProductType.objects.count()),
            ("attributes", Attribute.objects.count()),
            ("products", Product.objects.count()),
            ("variants", ProductVariant.objects.count()),
            ("images", ProductImage.objects.count()),
            ("price lists", PriceList.objects.count()),
            ("price entries", PriceListEntry.objects.count()),
            ("promotions", Promotion.objects.count()),
            ("warehouses", Warehouse.objects.count()),
            ("stock rows", StockItem.objects.count()),
            ("incoming supply", IncomingSupply.objects.count()),
            ("orders", Order.objects.count()),
            ("saved carts", SavedCart.objects.count()),
        ]
        return "\n".join(f"{label:<16}{count:>6}" for label, count in rows)
