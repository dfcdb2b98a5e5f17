"""Generators for the benchmark data set; see ``bench.generate``."""
