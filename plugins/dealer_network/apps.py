from django.apps import AppConfig


class DealerNetworkConfig(AppConfig):
    name = "plugins.dealer_network"
    label = "dealer_network"
    verbose_name = "Dealer network"
