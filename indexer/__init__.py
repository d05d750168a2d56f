"""khojaly-search indexer: corpus loading, analysis, index build and the search core."""
