"""An abstract model for trees stored with materialized paths (see ``tree_paths``)."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Concat, Length, Substr

from .models import PortalModel
from .tree_paths import child_path, depth_of


class TreeCycleError(ValueError):
    """A node cannot be moved under itself or its descendants."""


class TreeNode(PortalModel):
    """Concrete subclasses define ``parent = ForeignKey("self", ...)``.

    ``path`` and ``depth`` are maintained by ``save()``: a new node gets its path right
    after its id is known; moving a node rewrites its subtree's paths in one UPDATE.
    """

    path = models.CharField(max_length=255, editable=False, default="", db_index=False)
    depth = models.PositiveSmallIntegerField(editable=False, default=0)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        parent = self.parent  # type: ignore[attr-defined]
        parent_path = parent.path if parent is not None else ""
        manager = type(self)._default_manager
        if self.pk is None:
            super().save(*args, **kwargs)
            self.path = child_path(parent_path, self.pk)
            self.depth = depth_of(self.path)
            manager.filter(pk=self.pk).update(path=self.path, depth=self.depth)
            return
        new_path = child_path(parent_path, self.pk)
        old_path = self.path
        if old_path and new_path != old_path:
            if parent_path.startswith(old_path):
                raise TreeCycleError("A node cannot be moved under itself or its descendants.")
            depth_delta = depth_of(new_path) - depth_of(old_path)
            manager.filter(path__startswith=old_path).exclude(pk=self.pk).update(
                path=Concat(Value(new_path), Substr(F("path"), Length(Value(old_path)) + 1)),
                depth=F("depth") + depth_delta,
            )
        self.path = new_path
        self.depth = depth_of(new_path)
        super().save(*args, **kwargs)

    def subtree(self):
        """This node and everything below it: one index range scan."""
        return type(self)._default_manager.filter(path__startswith=self.path)

    def is_in_subtree_of(self, other: TreeNode) -> bool:
        return bool(other.path) and self.path.startswith(other.path)
