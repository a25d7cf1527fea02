"""Quotes with speakers and the claimants of figures (the ``quotes`` stage's parts).

direct.py finds text in quotation marks, reported.py reported speech,
speakers.py who speaks, via.py the medium cited, claimants.py gives each
figure the speaker of the quote or source that carries it.
"""
