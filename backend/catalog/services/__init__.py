"""Catalog services: plain functions that validate, write, and keep derived data current."""
