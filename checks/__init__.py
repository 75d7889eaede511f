"""Built-in checks, one module per check, registered through entry points."""
