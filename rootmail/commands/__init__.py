"""Sub-commands of the ``rootmail`` CLI, one module per command group."""
