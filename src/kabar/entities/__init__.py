"""Named entities: mentions found in capitalised runs, typed by gazetteers and
the statistical tagger, and grouped into one entity per real-world referent.

``mentions.find_mentions`` cuts runs into title / organisation / place / name
segments; ``grouping.group`` joins surnames, acronyms and short forms to the
fullest name. The stage module ``kabar.stages.entities`` wires them together.
"""
