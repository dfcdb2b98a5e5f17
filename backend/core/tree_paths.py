"""Materialized paths for shallow, wide trees (organizations, categories). Pure module.

A node's path is its ancestors' ids and its own, each as a fixed-width base-36 segment
followed by a dot: root 42 -> ``"0000016."``, its child 7 -> ``"0000016.0000007."``.
"This node and everything below it" is then ``path LIKE '<path>%'``, one index range scan
(the column is indexed with ``varchar_pattern_ops``), and sorting by path lists a tree
depth first.
"""

from __future__ import annotations

SEGMENT_WIDTH = 7  # 36**7 ~ 7.8e10 ids
SEPARATOR = "."
_ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"


def encode_segment(node_id: int) -> str:
    """Base-36, zero padded to ``SEGMENT_WIDTH``."""
    if node_id < 0:
        raise ValueError("node ids are positive")
    digits = []
    value = node_id
    while value:
        value, rem = divmod(value, 36)
        digits.append(_ALPHABET[rem])
    encoded = "".join(reversed(digits)) or "0"
    if len(encoded) > SEGMENT_WIDTH:
        raise ValueError(f"id {node_id} does not fit a path segment")
    return encoded.rjust(SEGMENT_WIDTH, "0")


def child_path(parent_path: str, node_id: int) -> str:
    """The path of node ``node_id`` under a parent with ``parent_path`` ("" for a root)."""
    return f"{parent_path}{encode_segment(node_id)}{SEPARATOR}"


def depth_of(path: str) -> int:
    """0 for a root."""
    return path.count(SEPARATOR) - 1


def ancestor_ids(path: str) -> list[int]:
    """Ids on the way from the root down to (and excluding) the node itself."""
    segments = [s for s in path.split(SEPARATOR) if s]
    return [int(s, 36) for s in segments[:-1]]


def is_descendant_path(path: str, of: str) -> bool:
    """True when ``path`` lies in the subtree rooted at ``of`` (itself included)."""
    return path.startswith(of)
