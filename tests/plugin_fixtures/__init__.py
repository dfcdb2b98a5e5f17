"""Plugin apps used by tests/test_plugin_manager.py. ``calls`` records every hook call."""
