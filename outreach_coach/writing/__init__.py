"""Writing help: the template catalogue and sandbox, suggestions, drafts and follow-ups."""
