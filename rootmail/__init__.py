"""Composition root: settings, logging, the CLI, and the process supervisor for ``serve``.

The only package that reads the environment. It wires ``ingest``, ``routing`` and ``ticketing``.
"""

__version__ = "0.1.0"
