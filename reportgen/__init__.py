"""reportgen: cited competitive-landscape briefs from biotech press releases."""

__version__ = "0.1.0"
