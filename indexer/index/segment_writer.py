"""One Whoosh segment written from records, its postings prepared in parallel.

Whoosh's own writer makes several Python calls per posting and sorts every posting through a
temporary pool on disk before writing it: at about 370 postings per document that is most of
a build. Here forked helper processes each take a chunk of documents whose document numbers
are fixed in advance, analyse them and write each term's postings of that chunk as finished
blocks in Whoosh's format (indexer.index.chunk_encoder, indexer.index.posting_blocks). This
process meanwhile writes the per-document columns (stored fields, field lengths, facet
columns) with Whoosh's own per-document writer, hands the chunks' new words back to the
helpers for their spelling pairs, and at the end joins the chunks' blocks of each term end to
end (a byte copy: document numbers are already final) into the segment's term table and
postings file (indexer.index.postings_join).

Nothing on disk differs in kind from what Whoosh writes: the same files (.trm, .pst, .col),
the same block and term-info encodings; a term's postings may just be cut into more blocks
(a block never spans two chunks). Stock Whoosh opens and searches the result. Beside them,
the text fields' postings are also written as plain arrays (indexer.index.posting_arrays),
which the search core reads instead of the blocks; Whoosh ignores those files.
"""

from __future__ import annotations

import gc
import itertools
import multiprocessing
import shutil
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from indexer.analysis.keys import load_tables
from indexer.index.chunk_encoder import Chunk, encode_chunk_task, shared_task
from indexer.index.postings_join import join_postings
from indexer.index.spelling_pairs import pairs_of_words

PAIR_SHARES = 2  # shares of each chunk's spelling-pair work per helper


def write_segment(
    storage,
    schema,
    segment,
    records: Sequence,
    analyse: Callable,
    fields_of: Callable[..., dict],
    on_document: Callable | None = None,
    on_pairs: Callable | None = None,
    processes: int = 1,
    chunk_docs: int = 1000,
    per_document: Callable | None = None,
    known_words: set[str] | None = None,
) -> int:
    """Analyse `records` and write them as `segment` (document numbers 0..n-1) into `storage`.

    `analyse(record)` gives a document, `fields_of(document)` its Whoosh field values;
    `on_document(document, per_document(document))` is called for each, in order, in this
    process (`per_document` runs in the helpers, None without it), and `on_pairs`
    with the spelling pairs (indexer.index.spellings) of their words but the `known_words`
    (words as written whose pairs were reported before; the new ones are added to it). With
    `processes` above 1, chunks are analysed and encoded by that many forked helpers. Returns
    the number of documents written; the caller lists the segment in a TOC."""
    work = Path(storage.folder) / f"{segment.segment_id()}.chunks"
    work.mkdir()
    codec = segment.codec()
    perdoc = codec.per_document_writer(storage, segment)
    spans = [(i, min(i + chunk_docs, len(records))) for i in range(0, len(records), chunk_docs)]
    chunks: list[Chunk] = []
    docnum = 0
    task = {"analyse": analyse, "fields_of": fields_of, "per_document": per_document}
    submitted: set[str] = set()  # words whose spelling pairs the helpers were given
    found: list[Iterator] = []
    if on_pairs is not None and processes > 1:
        # the tables that spelling keys consult, read here once for all the helpers: read by
        # each helper, they cost every one of them a few seconds and its own copy
        load_tables()
    try:
        with _helpers(records, work, schema, task, processes, len(spans)) as run:
            for chunk in run(encode_chunk_task, enumerate(spans)):
                # Spelling pairs once per distinct word of the whole segment, shared out among
                # the helpers: worked out per chunk, each helper would redo the words the
                # others met too (over 40% of this work at 10,000 documents). A chunk's new
                # words are handed out as soon as it is back: the helpers take them up after
                # the chunks, with no core idle while this process writes the last columns,
                # closes them and joins the postings.
                if on_pairs is not None:
                    new = chunk.words.difference(submitted)
                    if known_words is not None:
                        new -= known_words
                    submitted |= new
                    found.append(run(pairs_of_words, _shares(new, processes * PAIR_SHARES)))
                for doc, lengths, extra in zip(
                    chunk.docs, chunk.lengths, chunk.extras, strict=True
                ):
                    _add_columns(perdoc, schema, docnum, fields_of(doc), lengths)
                    if on_document is not None:
                        on_document(doc, extra)
                    docnum += 1
                chunk.docs = chunk.lengths = chunk.words = chunk.extras = None  # keep the files
                chunks.append(chunk)
            perdoc.close()
            segment.set_doc_count(docnum)
            join_postings(storage, segment, chunks, work)
            for pairs in itertools.chain.from_iterable(found):
                on_pairs(pairs)
        if known_words is not None:
            known_words |= submitted
    finally:
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(Path(storage.folder) / f"{segment.indexname}.tmp", ignore_errors=True)
    return docnum


@contextmanager
def _helpers(records, work, schema, task: dict, processes: int, chunks: int):
    """A map function that runs tasks in `processes` forked helpers (or here), in order."""
    with shared_task(records=records, work=work, schema=schema, **task):
        # Forking a process that runs other threads can deadlock the child: stay serial there.
        if processes < 2 or chunks < 2 or threading.active_count() > 1:
            yield map
            return
        # The records and tables stay shared with the helpers only while no collector walks
        # them (each walk writes to every object, copying its page into the helper).
        gc.freeze()
        try:
            with multiprocessing.get_context("fork").Pool(processes) as pool:
                # imap keeps results in order; helpers run ahead by at most the pool's task
                # queue, and this process consumes a chunk far faster than a helper makes one.
                yield pool.imap
        finally:
            gc.unfreeze()


def _shares(words: set[str], count: int) -> list[set[str]]:
    """`count` shares of about equal size, each a run of the words in case-blind order: a
    word and its capitalized form go to the same helper, which works out their common keys
    once (indexer.index.spellings)."""
    ordered = sorted(words, key=str.lower)
    count = max(1, count)
    return [
        set(ordered[len(ordered) * i // count : len(ordered) * (i + 1) // count])
        for i in range(count)
    ]


def _add_columns(perdoc, schema, docnum: int, values: dict, lengths: dict[str, int]) -> None:
    """Stored fields, field lengths and column values of one document, as
    whoosh.writing.SegmentWriter.add_document hands them to the per-document writer."""
    perdoc.start_doc(docnum)
    for name in sorted(values):
        value = values[name]
        if value is None:
            continue
        field = schema[name]
        perdoc.add_field(name, field, value if field.stored else None, lengths.get(name, 0))
        column = field.column_type
        if column:
            perdoc.add_column_value(name, column, field.to_column_value(value))
    perdoc.finish_doc()
