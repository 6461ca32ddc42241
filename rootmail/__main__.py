"""``python -m rootmail`` runs the CLI (used to start the embedded worker with the same interpreter)."""

from rootmail.cli import main

main()
