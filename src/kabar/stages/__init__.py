"""Pipeline stages. Each module has REQUIRES, ASSIGNS and ``run(doc) -> doc``;
none opens files, databases or sockets (language data comes from kabar.lang)."""
