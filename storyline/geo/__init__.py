"""The offline gazetteer: a SQLite index of GeoNames places, and look-up of the places a name may refer to.

`gazetteer()` opens the index in the cache directory, building the embedded default (from data that PyPI
packages ship) on first use; `storyline gazetteer import` adds a full GeoNames dump to it.
"""

from storyline.geo.lookup import Candidate, Gazetteer, build_default, gazetteer, import_geonames

__all__ = ["Candidate", "Gazetteer", "build_default", "gazetteer", "import_geonames"]
