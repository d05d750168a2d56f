"""The clustered engine: the same search on a Typesense cluster.

- `server`: start and stop a local three-node cluster (development, tests) and find its leader
  (`python -m indexer.cluster start|stop`: `__main__`);
- `nodes`: where the cluster is and the clients that talk to it (reads and writes kept apart);
- `scratch`: a throwaway collection for the evaluation and the benchmarks;
- `documents`: an analysed document as a Typesense document: its text and its words' tokens;
- `copies`: copy groups, made by the build and folded at search time;
- `vocabulary`: the collection's spelling map and word counts, kept beside it;
- `build`: batched import into a new collection and an alias switch, or an incremental update;
  `build_io`: what a build reads from and writes to the cluster;
- `engine`: `TypesenseEngine`, the `SearchEngine` the CLI, UI and API use, with
  `versions` (what the version it serves knows: facet values, vocabulary, copy groups),
  `translate` (a resolved query plan as Typesense filters), `facets`, `hits` (a page's hits
  with snippets) and `health` (stats and the nodes' states).
"""
