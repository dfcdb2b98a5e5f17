"""The execution context: batching data loaders in synchronous execution.

graphql-sync-dataloaders' ``DeferredExecutionContext`` calls ``handle_field_error(error,
return_type)``, the graphql-core 3.2.3 signature; graphql-core 3.2.4 added a ``path``
argument. This subclass accepts both, rebuilding the path from the located error.
"""

from __future__ import annotations

from graphql import GraphQLError, GraphQLOutputType
from graphql.pyutils import Path
from graphql_sync_dataloaders import DeferredExecutionContext


def _path_from_list(keys) -> Path | None:
    path = None
    for key in keys or ():
        path = Path(path, key, None)
    return path


class PortalExecutionContext(DeferredExecutionContext):
    def handle_field_error(self, error: GraphQLError, return_type: GraphQLOutputType,
                           path: Path | None = None) -> None:
        if path is None:
            path = _path_from_list(error.path)
        return super().handle_field_error(error, return_type, path)
