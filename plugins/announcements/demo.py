"""The plugin's demo data (``manage.py demo`` runs ``load_demo``): the manufacturer's news
to everyone, its promotion announcement beside three facade paints (linked to one of its
running promotions when the price demo made one), and the Moscow dealer's news to its own
sub-dealers. Keyed by author and title: loading again creates nothing."""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from backend.accounts.inn import complete_inn
from backend.accounts.models import Organization
from backend.catalog.models import Product
from price_rules.models import Promotion

from .models import Announcement, AnnouncementKind
from .services import AnnouncementData, create_announcement

FACTORY_INN, DEALER_INN = complete_inn("760400128"), complete_inn("771800455")

# (author INN, kind, title, text, days ago, products whose name starts so)
ANNOUNCEMENTS = (
    (FACTORY_INN, AnnouncementKind.NEWS, "Новый склад в Екатеринбурге",
     "С 1 декабря отгружаем заказы Урала и Сибири со склада в Екатеринбурге.\n\n"
     "Срок доставки по Свердловской и Челябинской областям сокращается до двух дней. "
     "Заказы, принятые до 14:00, отгружаются в тот же день.", 3, ""),
    (FACTORY_INN, AnnouncementKind.PROMOTION, "Осенняя акция на фасадные краски",
     "До конца месяца фасадные краски «Волга-Декор» продаются со скидкой.\n\n"
     "Скидка уже учтена в ценах каталога. Успейте пополнить склад до зимнего сезона.",
     1, "Краска фасадная"),
    (DEALER_INN, AnnouncementKind.NEWS, "Самовывоз по субботам",
     "Наш склад на Краснобогатырской теперь открыт по субботам с 10:00 до 16:00.\n\n"
     "Заказ для самовывоза оформляйте в портале до пятницы.", 0, ""),
)


def load_demo() -> int:
    """Publish the demo announcements that are missing; the number created."""
    created = 0
    now = timezone.now()
    for inn, kind, title, text, days_ago, product_prefix in ANNOUNCEMENTS:
        author = Organization.objects.filter(inn=inn).first()
        if author is None or Announcement.objects.filter(author_organization=author,
                                                         title=title).exists():
            continue
        published = Product.objects.filter(is_published=True)
        products = list(published.filter(name__startswith=product_prefix)
                        .order_by("pk").values_list("pk", flat=True)[:3]) \
            if product_prefix else []
        promotion = (Promotion.objects.filter(owner=author, starts__lte=now.date(),
                                              ends__gte=now.date()).order_by("pk").first()
                     if kind == AnnouncementKind.PROMOTION else None)
        announcement = create_announcement(
            author, AnnouncementData(kind=kind, title=title, text=text, product_ids=products,
                                     promotion_id=promotion.pk if promotion else None),
            None, visible_products=published)
        Announcement.objects.filter(pk=announcement.pk).update(
            publish_at=now - timedelta(days=days_ago, minutes=5))
        created += 1
    return created
