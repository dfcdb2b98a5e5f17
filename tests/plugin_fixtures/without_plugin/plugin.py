"""A plugin module that forgot to define ``Plugin``."""


class NotAPlugin:
    PLUGIN_ID = "tests.not_a_plugin"
