"""The price rules' root mutation fields: a partner member with MANAGE_PRICES acts for its
organization, staff with MANAGE_PRICES for the manufacturer (``base.acting_organization``)."""

import graphene

from .entries import (
    PriceListEntriesChangeByPercent,
    PriceListEntriesReplace,
    PriceListEntriesSetVariants,
    PriceListEntriesUpsert,
)
from .excel import ExcelMutations
from .floors import MapFloorDelete, MapFloorSet
from .groups import (
    PriceGroupCreate,
    PriceGroupDelete,
    PriceGroupUpdate,
    PriceListAssign,
    PriceListUnassign,
)
from .lists import PriceListCreate, PriceListDelete, PriceListRecompute, PriceListUpdate
from .rules import (
    PromotionCreate,
    PromotionDelete,
    PromotionUpdate,
    ResaleMarkupClear,
    ResaleMarkupSet,
    VolumeDiscountCreate,
    VolumeDiscountDelete,
    VolumeDiscountUpdate,
)


class PriceRulesMutations(ExcelMutations, graphene.ObjectType):
    """Every write service's field, and the workbooks' (``excel.py``)."""

    price_group_create = PriceGroupCreate.Field()
    price_group_update = PriceGroupUpdate.Field()
    price_group_delete = PriceGroupDelete.Field()
    price_list_create = PriceListCreate.Field()
    price_list_update = PriceListUpdate.Field()
    price_list_delete = PriceListDelete.Field()
    price_list_recompute = PriceListRecompute.Field()
    price_list_entries_replace = PriceListEntriesReplace.Field()
    price_list_entries_upsert = PriceListEntriesUpsert.Field()
    price_list_entries_set_variants = PriceListEntriesSetVariants.Field()
    price_list_entries_change_by_percent = PriceListEntriesChangeByPercent.Field()
    price_list_assign = PriceListAssign.Field()
    price_list_unassign = PriceListUnassign.Field()
    resale_markup_set = ResaleMarkupSet.Field()
    resale_markup_clear = ResaleMarkupClear.Field()
    promotion_create = PromotionCreate.Field()
    promotion_update = PromotionUpdate.Field()
    promotion_delete = PromotionDelete.Field()
    volume_discount_create = VolumeDiscountCreate.Field()
    volume_discount_update = VolumeDiscountUpdate.Field()
    volume_discount_delete = VolumeDiscountDelete.Field()
    map_floor_set = MapFloorSet.Field()
    map_floor_delete = MapFloorDelete.Field()
