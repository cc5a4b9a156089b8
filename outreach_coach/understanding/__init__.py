"""Understanding a message: the spaCy model, shared clause notions, and what a message does."""
