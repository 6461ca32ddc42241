"""Real servers for tests: a local Zendesk, and helpers that start Redis on a free port."""
