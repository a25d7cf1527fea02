"""Training code for Kabar's statistical models (needs the shared corpora)."""
