"""Links in postings: offline checks of their form, and the online checker behind `--check-links`."""
