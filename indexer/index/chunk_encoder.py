"""A chunk of documents analysed and its postings encoded (the helper process side of a build).

A helper takes a chunk of records whose document numbers are fixed in advance, analyses them,
groups their words by term (indexer.index.text_postings: one sort of the chunk's words, not
Python steps per posting) and writes each term's postings of the chunk as finished W3 blocks
(indexer.index.posting_blocks) to the chunk's blocks file, with an index of where each term's
piece lies, and the text fields' posting arrays (indexer.index.posting_arrays). What it hands
back to the parent is small: the documents, for their columns, and where those files are.
"""

from __future__ import annotations

import gc
import pickle
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from whoosh.util.numeric import byte_to_length, length_to_byte

from indexer.index.posting_arrays import ChunkArrays
from indexer.index.posting_blocks import postings_bytes
from indexer.index.schema import WordPositions
from indexer.index.text_postings import TextPostings, Vocabulary

INDEX_BATCH = 2000  # term entries per pickle in a chunk's index file

# What a helper process works on, set before the pool forks so tasks carry only numbers.
_TASK: dict = {}
_REPORTED: set[str] = set()  # words this process has already reported


class Chunk:
    """What one helper returns for a chunk: the per-document part (for the parent's columns)
    and where the chunk's posting blocks and their term index were written."""

    def __init__(self, docs, lengths, blocks: Path, index: Path, words: set, extras: list, sizes):
        self.docs, self.lengths, self.blocks, self.index = docs, lengths, blocks, index
        self.sizes = sizes  # of its text arrays (posting_arrays.ChunkSizes)
        self.extras = extras  # per_document(doc) of each document, worked out in the helper
        self.words = words  # words as written that this helper had not reported before


@contextmanager
def shared_task(**task):
    """Make `task` (records, work folder, schema, analyse, fields_of, per_document) what
    encode_chunk_task reads, here and in helpers forked inside the block."""
    _TASK.update(task)
    _REPORTED.clear()
    try:
        yield
    finally:
        _TASK.clear()


def encode_chunk_task(task: tuple[int, tuple[int, int]]) -> Chunk:
    """Encode chunk `number` of records `start`..`end`, given as (number, (start, end))."""
    # A chunk's postings are millions of small lists that live until the chunk is written and
    # hold no cycles: the cyclic collector would only walk them again and again.
    gc.disable()
    try:
        return _encode_chunk(*task)
    finally:
        gc.enable()


def read_index(path: Path) -> Iterator[tuple]:
    """A chunk's term index entries, in term order: ((field, term), chunk number, offset in
    its blocks file, size, statistics, first posting and position in its arrays or None)."""
    with open(path, "rb") as handle:
        while True:
            try:
                yield from pickle.load(handle)
            except EOFError:
                return


def _encode_chunk(number: int, span: tuple[int, int]) -> Chunk:
    start, end = span
    schema, fields_of = _TASK["schema"], _TASK["fields_of"]
    docs = [_TASK["analyse"](r) for r in _TASK["records"][start:end]]
    # field -> its TextPostings for our text fields, or -> term -> [document numbers, weights,
    # encoded values] for the others (as Whoosh's field.index() gives them).
    vocabulary = Vocabulary()
    arrays = ChunkArrays(start, end)
    postings: dict[str, TextPostings | dict] = {}
    field_lengths: dict[str, array] = {}
    all_lengths: list[dict[str, int]] = []
    for docnum, doc in enumerate(docs, start):
        lengths = {}
        for name, value in fields_of(doc).items():
            field = schema[name]
            if value is None or not field.indexed:
                continue
            if isinstance(field.format, WordPositions):
                if name not in postings:
                    postings[name] = TextPostings(vocabulary)
                length = postings[name].add(value, docnum)
            else:
                length = _add_other(postings.setdefault(name, {}), field, value, docnum)
            if length and field.scorable:
                lengths[name] = length
                # Whoosh's writer reads lengths back from the one-byte length column
                quantized = byte_to_length(length_to_byte(length))
                field_lengths.setdefault(name, array("I", bytes(4 * (end - start))))
                field_lengths[name][docnum - start] = quantized
        all_lengths.append(lengths)
    blocks_path = _TASK["work"] / f"{number:06d}.blocks"
    index_path = _TASK["work"] / f"{number:06d}.index"
    with open(blocks_path, "wb") as blocks, open(index_path, "wb") as index:
        batch = []
        offset = 0  # in the blocks file (counted here: tell() is a system call per term)
        for name in sorted(postings):
            fmt = schema[name].format
            fixed = fmt.fixed_value_size()
            lengths = field_lengths.get(name)
            for btext, ids, weights, values, first in _field_postings(
                postings.pop(name), fmt, arrays
            ):
                piece, stats = postings_bytes(ids, weights, values, lengths, start, fixed)
                batch.append(((name, btext), number, offset, len(piece), stats, first))
                blocks.write(piece)
                offset += len(piece)
                if len(batch) >= INDEX_BATCH:
                    pickle.dump(batch, index, pickle.HIGHEST_PROTOCOL)
                    batch = []
        if batch:
            pickle.dump(batch, index, pickle.HIGHEST_PROTOCOL)
    sizes = arrays.save(_TASK["work"], number)
    words = set(vocabulary.of_word)  # the text fields' words as written
    words.difference_update(_REPORTED)
    _REPORTED.update(words)  # this process has sent them: spare the pipe
    per_document = _TASK["per_document"]
    extras = [per_document(d) for d in docs] if per_document else [None] * len(docs)
    return Chunk(docs, all_lengths, blocks_path, index_path, words, extras, sizes)


def _field_postings(postings, fmt, arrays: ChunkArrays) -> Iterator[tuple]:
    """(term, document numbers, weights, values, (first posting, first position) in `arrays`
    or None) of each term of one field, terms in order."""
    if isinstance(postings, TextPostings):
        yield from postings.postings(fmt.field_boost, arrays)
        return
    # sorted str and sorted UTF-8 bytes agree: both follow code points
    for term in sorted(postings):
        ids, weights, values = postings.pop(term)
        yield term, ids, array("f", weights), values, None


def _add_other(terms: dict, field, value, docnum: int) -> int:
    """Add a non-text field's terms of one document, as Whoosh's field.index() gives them;
    returns the field's length in that document."""
    length = 0
    for btext, freq, weight, vbytes in field.index(value):
        length += freq
        entry = terms.get(btext)
        if entry is None:
            terms[btext] = ([docnum], [weight], [vbytes])
        else:
            entry[0].append(docnum)
            entry[1].append(weight)
            entry[2].append(vbytes)
    return length
