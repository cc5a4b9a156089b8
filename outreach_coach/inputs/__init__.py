"""Reading message files: discovery, decoding, the three formats, sections and quoted history."""
