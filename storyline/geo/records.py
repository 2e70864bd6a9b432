"""The one shape every gazetteer source is turned into before it goes into the index."""

from __future__ import annotations

from dataclasses import dataclass, field

# Kinds of names, best first: a match on the main name says more than one on an alternate or an adjective.
NAME, ALTERNATE, ADJECTIVE = 0, 1, 2


@dataclass(slots=True)
class Record:
    """A place as GeoNames describes it; `derived` says its coordinates or population were computed."""

    geonameid: int
    name: str
    feature: str  # GeoNames feature code: PPL, PPLC, ADM1, PCLI, STM, RSTN, CONT, ...
    fclass: str  # GeoNames feature class: P, A, H, S, L, T, ...
    country: str | None
    admin1: str | None
    population: int
    lat: float | None
    lon: float | None
    derived: bool = False
    names: dict[str, int] = field(default_factory=dict)  # other names -> NAME, ALTERNATE or ADJECTIVE

    def add_names(self, names: object, kind: int = ALTERNATE) -> None:
        """Add names, keeping the best kind a name was given as."""
        for n in names:  # type: ignore[attr-defined]
            if n and (n not in self.names or kind < self.names[n]):
                self.names[n] = kind
