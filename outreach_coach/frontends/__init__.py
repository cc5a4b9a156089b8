"""The front ends over the library: command line, language server, local page."""
