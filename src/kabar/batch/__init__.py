"""Running the pipeline over many inputs: one process here; see issue 5 for more."""
