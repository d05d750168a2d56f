"""A change to the Whoosh index of one version folder: deletions marked in its segments, the
new and changed documents as one new segment (indexer.index.segment_writer), a new TOC.

A small update therefore writes only its own documents; older segments are untouched apart
from their deletion marks (kept in the TOC). Once more than MAX_SEGMENTS segments pile up, the
small ones are merged by Whoosh's own writer.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from whoosh.codec import default_codec
from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC, EmptyIndexError
from whoosh.reading import SegmentReader

from indexer.index.segment_writer import write_segment

INDEX_NAME = "MAIN"  # Whoosh's default index name
PARALLEL_MIN_DOCS = 200  # below this, starting helper processes costs more than it saves
# Documents a helper encodes at a time: each chunk writes its own block for every term it
# holds, so fewer, larger chunks cost less; this bounds a helper's memory (~250 MB).
MAX_CHUNK_DOCS = 2500
MERGE_SHARE, MAX_SEGMENTS = 0.1, 8  # segments under this share of the documents are "small"


def commit_segment(
    folder: Path,
    schema,
    records: Sequence,
    analyse: Callable,
    fields_of: Callable[..., dict],
    remove: Sequence[str] = (),
    on_document: Callable | None = None,
    on_pairs: Callable | None = None,
    per_document: Callable | None = None,
    known_words: set[str] | None = None,
) -> None:
    """Mark the documents whose id is in `remove` deleted, add `records` as a new segment and
    write the TOC that lists them. `folder` holds a Whoosh index or nothing yet."""
    storage = FileStorage(str(folder), supports_mmap=False)
    try:
        toc = TOC.read(storage, INDEX_NAME)
        schema, segments, generation = toc.schema, list(toc.segments), toc.generation + 1
    except EmptyIndexError:
        segments, generation = [], 0
    if remove:
        _delete(storage, schema, segments, remove)
    if records:
        segment = default_codec().new_segment(storage, INDEX_NAME)
        processes = os.cpu_count() or 1
        if len(records) < PARALLEL_MIN_DOCS:
            processes = 1
        chunk = min(MAX_CHUNK_DOCS, -(-len(records) // processes))
        write_segment(
            storage,
            schema,
            segment,
            records,
            analyse,
            fields_of,
            on_document,
            on_pairs,
            processes,
            chunk,
            per_document,
            known_words,
        )
        segments.append(segment)
    TOC(schema, segments, generation).write(storage, INDEX_NAME)
    if generation:  # the previous TOC is a link to the older version's own file
        (folder / TOC._filename(INDEX_NAME, generation - 1)).unlink(missing_ok=True)
    if len(segments) > MAX_SEGMENTS:
        _merge_small_segments(storage)


def _delete(storage, schema, segments, ids: Sequence[str]) -> None:
    id_field = schema["id"]
    keys = [id_field.to_bytes(i) for i in ids]
    for segment in segments:
        reader = SegmentReader(storage, schema, segment)
        try:
            for key in keys:
                if ("id", key) in reader:
                    for docnum in reader.postings("id", key).all_ids():
                        segment.delete_document(docnum)
        finally:
            reader.close()


def _merge_small_segments(storage) -> None:
    ix = storage.open_index(INDEX_NAME)
    writer = ix.writer()
    try:
        writer.commit(mergetype=_merge_small)
    except BaseException:
        writer.cancel()
        raise
    finally:
        ix.close()


def _merge_small(writer, segments):
    """Whoosh merge policy: one segment out of all that hold less than MERGE_SHARE of the
    documents; the large ones stay as they are."""
    total = sum(s.doc_count_all() for s in segments)
    small = [s for s in segments if s.doc_count_all() < MERGE_SHARE * total]
    if len(small) < 2:
        return segments
    for segment in small:
        writer.add_reader(SegmentReader(writer.storage, writer.schema, segment))
    return [s for s in segments if s not in small]
