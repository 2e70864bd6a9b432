"""The parts of the attributions layer: quotation marks, reporting frames, hedges and sources.

`storyline.extract.attributions` runs them in order and turns what they find into the
contract's `Attribution` models.
"""
