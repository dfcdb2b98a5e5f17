"""Features that hook into the core through the plugin manager (see README "Plugins")."""
