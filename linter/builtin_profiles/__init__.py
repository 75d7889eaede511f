"""Built-in document profiles (TOML data)."""
