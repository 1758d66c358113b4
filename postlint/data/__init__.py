"""Data files shipped with postlint (the gazetteer of places and jurisdictions)."""
