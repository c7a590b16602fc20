"""Jinja2 templates for the digest, the site and feed entries (a package so they install with it)."""
