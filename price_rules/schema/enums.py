"""GraphQL enums over the price rules' model choices."""

import graphene

from ..models import DiscountKind

PromotionKindEnum = graphene.Enum("PromotionKind", [(k.value, k.value) for k in DiscountKind])
