from django.apps import AppConfig


class StripePaymentsConfig(AppConfig):
    name = "plugins.stripe_payments"
    label = "stripe_payments"
    verbose_name = "Card payments (Stripe)"
