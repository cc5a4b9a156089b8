"""Rules and check types, the engine that runs them, findings, cache and parallel runs."""
