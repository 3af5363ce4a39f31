"""The default rule packs, shipped inside the package as `checker.rules` (see pyproject.toml)."""
