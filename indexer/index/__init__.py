"""Writing and keeping index versions: the Whoosh schema, builds, the spelling map, the store."""
