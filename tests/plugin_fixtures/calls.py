"""What the test plugins were called with, in order: ``(plugin_id, hook, args)``."""

CALLS: list[tuple[str, str, tuple]] = []
