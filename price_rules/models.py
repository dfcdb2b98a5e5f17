"""The rules that prices are resolved from: price groups, lists with their tiers and
assignments, a dealer's resale markup, promotions, volume discounts, minimum resale prices.

Thin rows. What a rule means (which list wins, how promotions stack, how a floor binds) is
decided by the pure engine (``price_rules/engine``); the checks here are those the database
can hold on its own, so that no code path can store a row the engine would misread
(a tier without a positive price, an assignment to two kinds of target at once).
"""

from __future__ import annotations

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.db.models import Q

from backend.accounts.models import Organization
from backend.catalog.models import Category, Product, ProductVariant, Unit
from backend.core.models import PortalModel


def exactly_one(*conditions: Q) -> Q:
    """True when exactly one of ``conditions`` holds (each is a plain column test)."""
    alternatives = Q()
    for index, chosen in enumerate(conditions):
        others = [~c for i, c in enumerate(conditions) if i != index]
        case = chosen
        for other in others:
            case &= other
        alternatives |= case
    return alternatives


class Rounding(models.TextChoices):
    CENT = "CENT", "to 0.01"
    WHOLE = "WHOLE", "to whole units"


class PriceGroup(PortalModel):
    """A named set of organizations ("Gold dealers") that lists and promotions of its owner
    are assigned to."""

    owner = models.ForeignKey(Organization, on_delete=models.CASCADE,
                              related_name="price_groups")
    name = models.CharField(max_length=120)
    members = models.ManyToManyField(Organization, through="PriceGroupMember",
                                     related_name="price_group_memberships", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["owner_id", "name"]
        constraints = [models.UniqueConstraint(fields=["owner", "name"],
                                               name="price_group_owner_name_unique")]

    def __str__(self) -> str:
        return self.name


class PriceGroupMember(PortalModel):
    group = models.ForeignKey(PriceGroup, on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE,
                                     related_name="price_group_links")

    class Meta:
        ordering = ["group_id", "organization_id"]
        constraints = [models.UniqueConstraint(fields=["group", "organization"],
                                               name="price_group_member_unique")]
        # "The groups of this buyer": resolution asks it for every request.
        indexes = [models.Index(fields=["organization", "group"],
                                name="price_group_member_org_idx")]

    def __str__(self) -> str:
        return f"{self.organization_id} in {self.group_id}"


class PriceListKind(models.TextChoices):
    PURCHASE = "PURCHASE", "purchase list (the owner's prices to the organizations below it)"
    RESALE = "RESALE", "resale list (a dealer's prices to its sub-dealers; bound by MAP)"


class PriceList(PortalModel):
    owner = models.ForeignKey(Organization, on_delete=models.PROTECT,
                              related_name="price_lists")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=16, choices=PriceListKind.choices,
                            default=PriceListKind.PURCHASE)
    currency = models.CharField(max_length=3, default="RUB")
    valid_from = models.DateField(null=True, blank=True)
    valid_until = models.DateField(null=True, blank=True)
    priority = models.IntegerField(default=0)
    prices_include_vat = models.BooleanField(default=False)
    is_base = models.BooleanField(
        default=False, help_text="The owner's base list: floors per category are a "
                                 "percentage of its prices.")
    fallback = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="fallen_back_by")
    # A derived list: its entries are computed from ``source`` by the formula
    # round((price x factor) x (1 + percent/100) + amount).
    source = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT,
                               related_name="derived_lists")
    formula_factor = models.DecimalField(max_digits=9, decimal_places=6, default=1)
    formula_percent = models.DecimalField(max_digits=7, decimal_places=3, default=0)
    formula_amount = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    formula_rounding = models.CharField(max_length=8, choices=Rounding.choices,
                                        default=Rounding.CENT)
    # Set when a MAP floor change left a tier of this (resale) list below the floor:
    # floors are not refused retroactively, the list is flagged for its owner to fix.
    below_floor_since = models.DateTimeField(null=True, blank=True)
    below_floor_skus = ArrayField(models.CharField(max_length=64), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["owner_id", "-priority", "id"]
        indexes = [models.Index(fields=["owner", "currency"], name="price_list_owner_idx")]
        constraints = [
            models.CheckConstraint(
                condition=Q(valid_from__isnull=True) | Q(valid_until__isnull=True)
                | Q(valid_until__gte=models.F("valid_from")), name="price_list_period"),
            models.CheckConstraint(condition=~Q(fallback=models.F("id")),
                                   name="price_list_fallback_not_self"),
            models.CheckConstraint(condition=~Q(source=models.F("id")),
                                   name="price_list_source_not_self"),
            models.CheckConstraint(condition=Q(formula_factor__gt=0)
                                   & Q(formula_percent__gt=-100), name="price_list_formula"),
            models.UniqueConstraint(fields=["owner"], condition=Q(is_base=True),
                                    name="price_list_one_base_per_owner"),
        ]

    def __str__(self) -> str:
        return self.name


class PriceListEntry(PortalModel):
    """From ``min_quantity`` on, one unit of ``variant`` costs ``price`` on this list."""

    price_list = models.ForeignKey(PriceList, on_delete=models.CASCADE, related_name="entries")
    variant = models.ForeignKey(ProductVariant, on_delete=models.CASCADE,
                                related_name="price_entries")
    min_quantity = models.DecimalField(max_digits=12, decimal_places=3, default=1)
    price = models.DecimalField(max_digits=14, decimal_places=2)
    unit = models.CharField(max_length=8, choices=Unit.choices, blank=True,
                            help_text="The unit of sale, when it is not the variant's.")

    class Meta:
        ordering = ["price_list_id", "variant_id", "min_quantity"]
        constraints = [
            # Also the index of the lookup "these lists' tiers of these variants".
            models.UniqueConstraint(fields=["price_list", "variant", "min_quantity"],
                                    name="price_entry_tier_unique"),
            models.CheckConstraint(condition=Q(price__gt=0), name="price_entry_price_pos"),
            models.CheckConstraint(condition=Q(min_quantity__gt=0),
                                   name="price_entry_quantity_pos"),
        ]
        indexes = [models.Index(fields=["variant", "price_list"],
                                name="price_entry_variant_idx")]

    def __str__(self) -> str:
        return f"{self.variant_id} from {self.min_quantity}: {self.price}"


class PriceListAssignment(PortalModel):
    """``price_list`` applies to one organization, one price group, one region, or (as the
    owner's default) to every organization that buys from its owner: exactly one."""

    price_list = models.ForeignKey(PriceList, on_delete=models.CASCADE,
                                   related_name="assignments")
    organization = models.ForeignKey(Organization, null=True, blank=True,
                                     on_delete=models.CASCADE, related_name="price_lists_assigned")
    price_group = models.ForeignKey(PriceGroup, null=True, blank=True, on_delete=models.CASCADE,
                                    related_name="price_lists_assigned")
    region = models.CharField(max_length=100, blank=True)
    is_owner_default = models.BooleanField(default=False)

    class Meta:
        ordering = ["price_list_id", "id"]
        constraints = [
            models.CheckConstraint(
                condition=exactly_one(Q(organization__isnull=False),
                                      Q(price_group__isnull=False), ~Q(region=""),
                                      Q(is_owner_default=True)),
                name="price_assignment_one_target"),
            models.UniqueConstraint(fields=["price_list", "organization"],
                                    condition=Q(organization__isnull=False),
                                    name="price_assignment_org_unique"),
            models.UniqueConstraint(fields=["price_list", "price_group"],
                                    condition=Q(price_group__isnull=False),
                                    name="price_assignment_group_unique"),
            models.UniqueConstraint(fields=["price_list", "region"], condition=~Q(region=""),
                                    name="price_assignment_region_unique"),
            models.UniqueConstraint(fields=["price_list"], condition=Q(is_owner_default=True),
                                    name="price_assignment_default_unique"),
        ]
        indexes = [models.Index(fields=["region"], condition=~Q(region=""),
                                name="price_assignment_region_idx")]

    def __str__(self) -> str:
        target = (self.organization_id or self.price_group_id or self.region
                  or "owner default")
        return f"{self.price_list_id} -> {target}"


class ResaleMarkup(PortalModel):
    """A dealer's rule for the variants its resale lists do not price: its own purchase
    price through the formula (e.g. + 25%)."""

    organization = models.OneToOneField(Organization, on_delete=models.CASCADE,
                                        related_name="resale_markup")
    factor = models.DecimalField(max_digits=9, decimal_places=6, default=1)
    percent = models.DecimalField(max_digits=7, decimal_places=3, default=0)
    amount = models.DecimalField(max_digits=14, decimal_places=2, default=0)
    rounding = models.CharField(max_length=8, choices=Rounding.choices, default=Rounding.CENT)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["organization_id"]
        constraints = [models.CheckConstraint(condition=Q(factor__gt=0) & Q(percent__gt=-100),
                                              name="resale_markup_formula")]

    def __str__(self) -> str:
        return f"{self.organization_id}: x{self.factor} +{self.percent}% +{self.amount}"


class DiscountKind(models.TextChoices):
    PERCENT = "PERCENT", "percentage"
    FIXED = "FIXED", "fixed amount"


class Stacking(models.TextChoices):
    BEST_PRICE_WINS = "BEST_PRICE_WINS", "best price wins (never combines)"
    STACKS = "STACKS", "stacks with the other stacking promotions"


class Promotion(PortalModel):
    """A discount from ``owner`` to the organizations it sells to, from ``starts`` to
    ``ends`` (both included), on the variants, products or categories chosen, for the
    audience chosen (nobody chosen: every buyer of the owner)."""

    owner = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="promotions")
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=8, choices=DiscountKind.choices)
    value = models.DecimalField(max_digits=14, decimal_places=2)
    currency = models.CharField(max_length=3, blank=True,
                                help_text="The currency of a fixed discount.")
    stacking = models.CharField(max_length=16, choices=Stacking.choices,
                                default=Stacking.BEST_PRICE_WINS)
    starts = models.DateField()
    ends = models.DateField()
    variants = models.ManyToManyField(ProductVariant, blank=True, related_name="promotions")
    products = models.ManyToManyField(Product, blank=True, related_name="promotions")
    categories = models.ManyToManyField(Category, blank=True, related_name="promotions")
    audience_organizations = models.ManyToManyField(Organization, blank=True,
                                                    related_name="promotions_for")
    audience_price_groups = models.ManyToManyField(PriceGroup, blank=True,
                                                   related_name="promotions")
    audience_regions = ArrayField(models.CharField(max_length=100), default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts", "id"]
        indexes = [models.Index(fields=["owner", "ends", "starts"],
                                name="promotion_owner_period_idx")]
        constraints = [
            models.CheckConstraint(condition=Q(ends__gte=models.F("starts")),
                                   name="promotion_period"),
            models.CheckConstraint(condition=Q(value__gt=0), name="promotion_value_pos"),
            models.CheckConstraint(condition=~Q(kind=DiscountKind.PERCENT) | Q(value__lt=100),
                                   name="promotion_percent_below_100"),
            models.CheckConstraint(condition=~Q(kind=DiscountKind.FIXED) | ~Q(currency=""),
                                   name="promotion_fixed_has_currency"),
        ]

    def __str__(self) -> str:
        return self.name


class VolumeDiscount(PortalModel):
    """Order-total steps from ``owner`` to its buyers: "from 300 000: 3%"."""

    owner = models.ForeignKey(Organization, on_delete=models.CASCADE,
                              related_name="volume_discounts")
    name = models.CharField(max_length=200)
    currency = models.CharField(max_length=3, default="RUB")
    starts = models.DateField(null=True, blank=True)
    ends = models.DateField(null=True, blank=True)
    audience_organizations = models.ManyToManyField(Organization, blank=True,
                                                    related_name="volume_discounts_for")
    audience_price_groups = models.ManyToManyField(PriceGroup, blank=True,
                                                   related_name="volume_discounts")
    audience_regions = ArrayField(models.CharField(max_length=100), default=list, blank=True)

    class Meta:
        ordering = ["owner_id", "id"]
        constraints = [models.CheckConstraint(
            condition=Q(starts__isnull=True) | Q(ends__isnull=True)
            | Q(ends__gte=models.F("starts")), name="volume_discount_period")]

    def __str__(self) -> str:
        return self.name


class VolumeDiscountStep(PortalModel):
    discount = models.ForeignKey(VolumeDiscount, on_delete=models.CASCADE, related_name="steps")
    threshold = models.DecimalField(max_digits=14, decimal_places=2)
    percent = models.DecimalField(max_digits=5, decimal_places=2)

    class Meta:
        ordering = ["discount_id", "threshold"]
        constraints = [
            models.UniqueConstraint(fields=["discount", "threshold"],
                                    name="volume_step_threshold_unique"),
            models.CheckConstraint(condition=Q(threshold__gte=0), name="volume_step_threshold"),
            models.CheckConstraint(condition=Q(percent__gt=0) & Q(percent__lt=100),
                                   name="volume_step_percent"),
        ]

    def __str__(self) -> str:
        return f"from {self.threshold}: {self.percent}%"


class MapFloor(PortalModel):
    """A minimum resale price set by ``owner`` (the manufacturer): a net ``amount`` for one
    variant, or a ``percent`` of the base list's price for every variant of a category
    (and its subcategories): exactly one of the two."""

    owner = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="map_floors")
    variant = models.ForeignKey(ProductVariant, null=True, blank=True,
                                on_delete=models.CASCADE, related_name="map_floors")
    category = models.ForeignKey(Category, null=True, blank=True, on_delete=models.CASCADE,
                                 related_name="map_floors")
    amount = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    percent = models.DecimalField(max_digits=6, decimal_places=2, null=True, blank=True)
    currency = models.CharField(max_length=3, default="RUB")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["owner_id", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(variant__isnull=False, amount__gt=0, category__isnull=True,
                             percent__isnull=True)
                           | Q(category__isnull=False, percent__gt=0, variant__isnull=True,
                               amount__isnull=True)),
                name="map_floor_variant_amount_or_category_percent"),
            models.UniqueConstraint(fields=["owner", "variant"],
                                    condition=Q(variant__isnull=False),
                                    name="map_floor_variant_unique"),
            models.UniqueConstraint(fields=["owner", "category"],
                                    condition=Q(category__isnull=False),
                                    name="map_floor_category_unique"),
        ]

    def __str__(self) -> str:
        target = f"variant {self.variant_id}" if self.variant_id else f"category {self.category_id}"
        return f"{target}: {self.amount or f'{self.percent}%'}"


class RecomputeStatus(models.TextChoices):
    PENDING = "PENDING", "queued"
    RUNNING = "RUNNING", "running"
    DONE = "DONE", "done"
    FAILED = "FAILED", "failed"


class RecomputeJob(PortalModel):
    """Recomputing the lists derived (directly or not) from ``price_list`` after it
    changed: what the Celery task did so far, for the screens to show progress."""

    price_list = models.ForeignKey(PriceList, on_delete=models.CASCADE,
                                   related_name="recompute_jobs")
    status = models.CharField(max_length=8, choices=RecomputeStatus.choices,
                              default=RecomputeStatus.PENDING)
    lists_total = models.PositiveIntegerField(default=0)
    lists_done = models.PositiveIntegerField(default=0)
    error_code = models.CharField(max_length=40, blank=True)
    error_message = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.price_list_id}: {self.lists_done}/{self.lists_total} {self.status}"
