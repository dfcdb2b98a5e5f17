"""Card payments through Stripe (see README.md)."""
