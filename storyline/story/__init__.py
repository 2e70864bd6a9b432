"""Cross-document work: near-duplicates, story clustering, entity resolution, the merged story view.

The modules here are pure (no I/O); `storyline.store` reads and writes the rows they work on.
"""
