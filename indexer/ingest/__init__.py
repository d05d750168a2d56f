"""Reading an archive: files and JSON Lines, catalog metadata, cleaning and language."""
