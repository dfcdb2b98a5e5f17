"""Generated product pictures: a colour card per product with its name and SKU.

Drawn with Pillow, stored through Django's default storage like an uploaded image, with the
same thumbnails an upload gets.
"""

from __future__ import annotations

import colorsys
import hashlib
import io
import textwrap
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

from backend.catalog.models import ProductImage
from backend.catalog.thumbnails import make_thumbnails

SIZE = 800
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/TTF/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
)

Font = ImageFont.FreeTypeFont | ImageFont.ImageFont


@dataclass(frozen=True)
class ImageJob:
    product_id: int
    slug: str
    name: str
    sku: str
    caption: str  # the category name


def _renders_cyrillic(font: Font) -> bool:
    """A font without Cyrillic draws every letter as the same box: compare two words."""
    def bitmap(text: str) -> bytes:
        canvas = Image.new("L", (200, 60))
        ImageDraw.Draw(canvas).text((0, 0), text, font=font, fill=255)
        return canvas.tobytes()
    return bitmap("Жук") != bitmap("Дом")


@cache
def _font(size: int) -> tuple[Font, bool]:
    """A font of ``size`` px and whether it draws Cyrillic."""
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            font = ImageFont.truetype(candidate, size)
            if _renders_cyrillic(font):
                return font, True
    font = ImageFont.load_default(size=size)
    return font, _renders_cyrillic(font)


def _colour(key: str) -> tuple[int, int, int]:
    hue = int(hashlib.sha1(key.encode()).hexdigest()[:6], 16) / 0xFFFFFF
    red, green, blue = colorsys.hsv_to_rgb(hue, 0.45, 0.78)
    return int(red * 255), int(green * 255), int(blue * 255)


def _wrap(text: str, font: Font, width: int) -> list[str]:
    for columns in range(40, 8, -2):
        lines = textwrap.wrap(text, columns)
        if all(font.getlength(line) <= width for line in lines):
            return lines
    return textwrap.wrap(text, 8)


def draw_product_image(name: str, sku: str, caption: str, key: str) -> bytes:
    """An 800x800 PNG: a card in a colour derived from ``key``, with the name and SKU.

    Without a Cyrillic font only the (Latin) SKU is written."""
    background = _colour(key)
    image = Image.new("RGB", (SIZE, SIZE), background)
    draw = ImageDraw.Draw(image)
    title_font, cyrillic = _font(48)
    small_font, _ = _font(30)
    sku_font, _ = _font(56)

    draw.rounded_rectangle((50, 50, SIZE - 50, SIZE - 50), radius=48, fill=(250, 250, 247))
    draw.rectangle((50, 120, SIZE - 50, 136), fill=background)
    if cyrillic:
        draw.text((90, 68), caption.upper(), font=small_font, fill=(90, 90, 90))
        lines = _wrap(name, title_font, SIZE - 180)[:6]
        y = 190
        for line in lines:
            draw.text((90, y), line, font=title_font, fill=(30, 30, 30))
            y += 62
        draw.text((90, SIZE - 110), "Волга-Декор", font=small_font, fill=(120, 120, 120))
    draw.text((90, SIZE - 200), sku, font=sku_font, fill=background)

    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=3)
    return buffer.getvalue()


def _make(job: ImageJob) -> ProductImage:
    picture = ProductImage(product_id=job.product_id, alt=job.name, sort_order=0)
    content = ContentFile(draw_product_image(job.name, job.sku, job.caption, job.slug))
    picture.image.save(f"{job.slug}.png", content, save=False)
    picture.thumbnails = make_thumbnails(picture.image.name)
    return picture


def create_product_images(jobs: Iterable[ImageJob], workers: int = 2) -> int:
    """Draw, store and thumbnail one image per job, then insert the rows. Pillow releases
    the GIL while encoding and resizing, so a few threads use several cores."""
    jobs = list(jobs)
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        pictures = list(pool.map(_make, jobs))
    ProductImage.objects.bulk_create(pictures, batch_size=500)
    return len(pictures)
