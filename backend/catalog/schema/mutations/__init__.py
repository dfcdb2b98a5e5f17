"""Catalog mutations for staff with MANAGE_CATALOG."""
