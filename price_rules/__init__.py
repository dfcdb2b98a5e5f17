"""Price rules: price lists down the seller chain, tiers, promotions, minimum resale prices.

``engine/`` decides prices from plain data (no Django); the Django app around it stores the
rules and will load them for the engine.
"""
