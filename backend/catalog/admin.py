"""Django admin for the catalog: categories, attributes, product types, products, variants
and images.

Saving through the admin keeps the same derived data current as the API does, by calling
the catalog services' own steps for it (``products_changed``, ``image_file_saved``): the
product search columns, image thumbnails and the plugins' product hooks.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Count
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from backend.core.admin_forms import add_domain_errors
from backend.core.inputs import input_from

from .models import (
    Attribute,
    AttributeValue,
    Category,
    Product,
    ProductImage,
    ProductType,
    ProductVariant,
)
from .services.categories import CategoryData, category_errors
from .services.products import (
    ProductData,
    VariantData,
    delete_files_after_commit,
    image_errors,
    image_file_saved,
    image_files,
    product_errors,
    products_changed,
    products_changed_by_id,
    variant_errors,
)


def image_preview(image: ProductImage | None) -> str:
    if image is None or not image.pk:
        return "-"
    name = image.thumbnails.get("64") or image.image.name
    if not name:
        return "-"
    return format_html('<img src="{}" alt="{}" style="max-height:64px;max-width:64px">',
                       default_storage.url(name), image.alt)


# --- categories --------------------------------------------------------------------------------


class CategoryForm(forms.ModelForm):
    class Meta:
        model = Category
        fields = ("name", "slug", "parent", "description", "sort_order")

    def clean(self):
        cleaned = super().clean()
        add_domain_errors(self, category_errors(self.instance,
                                                 input_from(CategoryData, cleaned)))
        return cleaned


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    form = CategoryForm
    list_display = ("name", "slug", "parent", "depth", "sort_order", "product_count")
    list_filter = ("depth",)
    search_fields = ("name", "slug")
    list_select_related = ("parent",)
    raw_id_fields = ("parent",)
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ("path", "depth")
    fields = ("name", "slug", "parent", "description", "sort_order", "path", "depth")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(product_count=Count("products"))

    @admin.display(description=_("products"), ordering="product_count")
    def product_count(self, obj: Category) -> int:
        return obj.product_count  # type: ignore[attr-defined]


# --- attributes and product types -------------------------------------------------------------


class AttributeValueInline(admin.TabularInline):
    model = AttributeValue
    fields = ("name", "slug", "sort_order")
    prepopulated_fields = {"slug": ("name",)}
    extra = 0


@admin.register(Attribute)
class AttributeAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "input_type", "unit", "filterable", "value_count")
    list_filter = ("input_type", "filterable")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (AttributeValueInline,)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(value_count=Count("values"))

    @admin.display(description=_("values"), ordering="value_count")
    def value_count(self, obj: Attribute) -> int:
        return obj.value_count  # type: ignore[attr-defined]


@admin.register(AttributeValue)
class AttributeValueAdmin(admin.ModelAdmin):
    list_display = ("name", "attribute", "slug", "sort_order")
    list_filter = ("attribute",)
    search_fields = ("name", "slug", "attribute__name")
    list_select_related = ("attribute",)
    autocomplete_fields = ("attribute",)
    prepopulated_fields = {"slug": ("name",)}

    def get_search_results(self, request, queryset, search_term):
        # Also the autocomplete source of products' and variants' values: its labels
        # ("Colour: white") read the attribute.
        queryset, may_have_duplicates = super().get_search_results(request, queryset,
                                                                   search_term)
        return queryset.select_related("attribute"), may_have_duplicates


@admin.register(ProductType)
class ProductTypeAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}
    filter_horizontal = ("product_attributes", "variant_attributes")


# --- products, variants, images ---------------------------------------------------------------


class ProductForm(forms.ModelForm):
    class Meta:
        model = Product
        fields = ("name", "slug", "category", "product_type", "description", "is_published",
                  "samples_available", "preorder_allowed", "attribute_values")

    def clean(self):
        cleaned = super().clean()
        add_domain_errors(self, product_errors(self.instance, input_from(ProductData, cleaned)))
        return cleaned


class ProductVariantForm(forms.ModelForm):
    """Checked by services.products.variant_errors, the same rules as the API's."""

    class Meta:
        model = ProductVariant
        fields = ("product", "sku", "name", "unit", "pack_size", "min_order_quantity",
                  "order_multiple", "weight_kg", "volume_m3", "attribute_values", "sort_order")

    def clean(self):
        cleaned = super().clean()
        if "product" not in cleaned and self.instance.product_id:  # inline: parent's product
            cleaned = {**cleaned, "product": self.instance.product}
        add_domain_errors(self, variant_errors(self.instance, input_from(VariantData, cleaned)))
        return self.cleaned_data


class ProductImageForm(forms.ModelForm):
    class Meta:
        model = ProductImage
        fields = ("product", "image", "alt", "sort_order")

    def clean_image(self):
        image = self.cleaned_data.get("image")
        if isinstance(image, UploadedFile):  # a new upload, not the stored file
            errors = image_errors(image)
            if errors:
                raise forms.ValidationError(errors[0].message)
        return image


class ProductVariantInline(admin.TabularInline):
    model = ProductVariant
    form = ProductVariantForm
    # Attribute values are set on the variant's own page, where the choice is checked
    # against the product type.
    fields = ("sku", "name", "unit", "pack_size", "min_order_quantity", "order_multiple",
              "weight_kg", "volume_m3", "sort_order")
    extra = 0
    show_change_link = True


class ProductImageInline(admin.TabularInline):
    model = ProductImage
    form = ProductImageForm
    fields = ("preview", "image", "alt", "sort_order")
    readonly_fields = ("preview",)
    extra = 0

    @admin.display(description=_("preview"))
    def preview(self, obj: ProductImage) -> str:
        return image_preview(obj)


@admin.register(Product)
class ProductAdmin(admin.ModelAdmin):
    form = ProductForm
    list_display = ("name", "slug", "category", "product_type", "is_published", "variant_count",
                    "updated_at")
    list_filter = ("is_published", "category", "product_type", "samples_available",
                   "preorder_allowed")
    search_fields = ("name", "slug", "variants__sku")
    list_select_related = ("category", "product_type")
    autocomplete_fields = ("category", "product_type", "attribute_values")
    prepopulated_fields = {"slug": ("name",)}
    readonly_fields = ("created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("name", "slug", "category", "product_type", "description")}),
        (_("Ordering"), {"fields": ("is_published", "samples_available", "preorder_allowed")}),
        (_("Attributes"), {"fields": ("attribute_values",)}),
        (_("Dates"), {"classes": ("collapse",), "fields": ("created_at", "updated_at")}),
    )
    inlines = (ProductVariantInline, ProductImageInline)
    list_per_page = 50

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(variant_count=Count("variants"))

    @admin.display(description=_("variants"), ordering="variant_count")
    def variant_count(self, obj: Product) -> int:
        return obj.variant_count  # type: ignore[attr-defined]

    def save_formset(self, request, form, formset, change):
        if formset.model is not ProductImage:
            super().save_formset(request, form, formset, change)
            return
        previous = {f.instance.pk: image_files(f.instance) for f in formset.initial_forms
                    if f.instance.pk}
        replaced = [f.instance for f in formset.forms
                    if f.instance.pk and "image" in f.changed_data]
        super().save_formset(request, form, formset, change)
        for image in formset.deleted_objects:
            delete_files_after_commit(previous.get(image.pk, image_files(image)))
        for image in [*formset.new_objects, *replaced]:
            if image not in formset.deleted_objects:
                image_file_saved(image, previous.get(image.pk, []))

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # After the variants are saved: their SKUs are part of the search columns.
        products_changed([form.instance], created=not change)


@admin.register(ProductVariant)
class ProductVariantAdmin(admin.ModelAdmin):
    form = ProductVariantForm
    list_display = ("sku", "name", "product", "unit", "pack_size", "min_order_quantity",
                    "order_multiple")
    list_filter = ("unit",)
    search_fields = ("sku", "name", "product__name")
    list_select_related = ("product",)
    autocomplete_fields = ("product", "attribute_values")
    readonly_fields = ("created_at", "updated_at")

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        products_changed_by_id([form.instance.product_id])

    def delete_model(self, request, obj):
        product_id = obj.product_id
        super().delete_model(request, obj)
        products_changed_by_id([product_id])

    def delete_queryset(self, request, queryset):
        product_ids = list(queryset.values_list("product_id", flat=True))
        super().delete_queryset(request, queryset)
        products_changed_by_id(product_ids)


@admin.register(ProductImage)
class ProductImageAdmin(admin.ModelAdmin):
    form = ProductImageForm
    list_display = ("__str__", "preview", "product", "alt", "sort_order")
    search_fields = ("product__name", "alt")
    list_select_related = ("product",)
    autocomplete_fields = ("product",)
    readonly_fields = ("preview", "thumbnails")
    fields = ("product", "image", "preview", "alt", "sort_order", "thumbnails")

    @admin.display(description=_("preview"))
    def preview(self, obj: ProductImage) -> str:
        return image_preview(obj)

    def save_model(self, request, obj, form, change):
        previous = image_files(ProductImage.objects.get(pk=obj.pk)) if change else []
        super().save_model(request, obj, form, change)
        if "image" in form.changed_data:
            image_file_saved(obj, previous)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        products_changed_by_id([form.instance.product_id])

    def delete_model(self, request, obj):
        names, product_id = image_files(obj), obj.product_id
        super().delete_model(request, obj)
        delete_files_after_commit(names)
        products_changed_by_id([product_id])

    def delete_queryset(self, request, queryset):
        images = list(queryset)
        super().delete_queryset(request, queryset)
        delete_files_after_commit([name for image in images for name in image_files(image)])
        products_changed_by_id(image.product_id for image in images)
