"""Reporters: turn violations into text for people and formats for machines."""
