"""The clustered engine: the same search on a Typesense cluster.

- `server`: start and stop a local three-node cluster (development, tests) and find its leader;
- `nodes`: where the cluster is and the clients that talk to it (reads and writes kept apart);
- `documents`: an analysed document as a Typesense document: its text and its words' tokens;
- `translate`: a resolved query plan as Typesense filters;
- `vocabulary`: the collection's spelling map and word counts, kept beside it, read per version;
- `build`: batched import into a new collection and an alias switch, or an incremental update;
- `engine`: `TypesenseEngine`, the `SearchEngine` the CLI, UI and API use.
"""
