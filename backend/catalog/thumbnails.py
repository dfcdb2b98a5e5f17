"""Thumbnails made by Pillow when an image is saved, stored beside it as WebP."""

from __future__ import annotations

import io
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from PIL import Image, ImageOps, UnidentifiedImageError

THUMBNAIL_SIZES = (64, 256, 512)
MAX_SOURCE_PIXELS = 40_000_000


class InvalidImage(ValueError):
    """The upload is not an image Pillow can read."""


def verify_image(fileobj) -> tuple[int, int]:
    """(width, height) of a readable image; ``InvalidImage`` otherwise."""
    try:
        fileobj.seek(0)
        with Image.open(fileobj) as img:
            img.verify()
        fileobj.seek(0)
        with Image.open(fileobj) as img:
            size = img.size
        fileobj.seek(0)
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise InvalidImage("The file is not an image in a supported format "
                           "(JPEG, PNG, WebP, GIF).") from exc
    if size[0] * size[1] > MAX_SOURCE_PIXELS:
        raise InvalidImage("The image is too large (over 40 megapixels).")
    return size


def make_thumbnails(image_name: str) -> dict[str, str]:
    """Write one WebP per size in ``THUMBNAIL_SIZES`` (fit inside a square, aspect kept)
    and return ``{size: storage name}``."""
    with default_storage.open(image_name, "rb") as source, Image.open(source) as img:
        img = ImageOps.exif_transpose(img)
        img = img.convert("RGBA" if img.mode in ("RGBA", "LA", "P") else "RGB")
        stem = PurePosixPath(image_name)
        result: dict[str, str] = {}
        for size in THUMBNAIL_SIZES:
            thumb = img.copy()
            thumb.thumbnail((size, size), Image.Resampling.LANCZOS)
            buffer = io.BytesIO()
            thumb.save(buffer, format="WEBP", quality=82, method=4)
            name = str(stem.parent / "thumbs" / f"{stem.stem}_{size}.webp")
            if default_storage.exists(name):
                default_storage.delete(name)
            result[str(size)] = default_storage.save(name, ContentFile(buffer.getvalue()))
    return result


def pick_size(requested: int | None) -> int:
    """The smallest made size not below ``requested`` (the largest when none is)."""
    if requested is None:
        return THUMBNAIL_SIZES[1]
    for size in THUMBNAIL_SIZES:
        if size >= requested:
            return size
    return THUMBNAIL_SIZES[-1]
