"""Season Watch: the spine that joins the stages (config, models, store, pipeline)."""

__version__ = "0.1.0"
