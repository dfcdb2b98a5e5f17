"""The price rules' root mutation fields, one module per concern."""
