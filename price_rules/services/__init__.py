"""Services of the price rules: plain functions over the models that call the engine."""
