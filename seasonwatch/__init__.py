"""Season Watch: the spine that joins the stages (config, models, store, pipeline)."""

__version__ = "0.2.0"
