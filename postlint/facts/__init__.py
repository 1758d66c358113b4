"""Facts postlint reads from a posting: where it is, what it pays, what it states."""
