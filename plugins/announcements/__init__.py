"""Announcements: news, new products and promotions published down the dealer network.

See README.md beside this file."""
