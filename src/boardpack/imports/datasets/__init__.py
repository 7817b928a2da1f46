"""The importers for each dataset; registered by ``ImportsConfig.ready``."""
