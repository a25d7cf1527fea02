import copy

import pytest

from kabar.store import layers, queries
from kabar.store.schema import entity_id
from kabar.store.write import WriteResult

from .records import BANJIR, EVIL, GAZA, RECORDS, make_record

RETNO = entity_id("Retno Marsudi", "PER")


def fill(store, records=RECORDS):
    return [store.write(r, raw=r["text"]) for r in records]


def search(store, **kw):
    with store.read() as conn:
        return [a["id"] for a in queries.search_articles(conn, queries.Filters(**kw))["items"]]


def test_store_same_records_twice_change_nothing(store):
    assert fill(store) == [WriteResult.ADDED] * 3
    counts = {t: store.count(t) for t in ("articles", "entities", "mentions", "quotes", "figures")}
    assert fill(store) == [WriteResult.UNCHANGED] * 3
    assert {t: store.count(t) for t in counts} == counts
    assert counts["articles"] == 3 and counts["quotes"] == 3


def test_store_changed_article_replaces_its_layers(store):
    fill(store)
    changed = make_record("gaza-1", "Presiden Joko Widodo tiba di Surabaya.", title="Berubah",
                          entities=[("Joko Widodo", "PER", ["Joko Widodo"])])
    assert store.write(changed) == WriteResult.REPLACED
    assert store.count("articles") == 3
    with store.read() as conn:
        assert queries.get_article(conn, "gaza-1")["record"]["title"] == "Berubah"
        assert layers.list_quotes(conn, speaker=RETNO)["total"] == 1  # only BANJIR's is left
        assert layers.list_figures(conn, category="killed")["total"] == 0
        assert layers.list_events(conn)["total"] == 0
    assert search(store, q="gencatan") == []
    assert search(store, q="Surabaya") == ["gaza-1"]


def test_store_failed_write_leaves_nothing(store):
    broken = copy.deepcopy(GAZA)
    del broken["quotes"][0]["span"]  # fails after the article row is written
    with pytest.raises(KeyError):
        store.write(broken)
    assert store.count("articles") == 0 and store.count("entities") == 0
    assert search(store, q="gencatan") == []


def test_store_search_full_text_ranks_and_snippets(store):
    fill(store)
    assert search(store, q="gencatan senjata") == ["gaza-1"]
    assert search(store, q='"senjata gencatan"') == []
    assert search(store, q="banjir OR peretas") == ["evil-3", "banjir-2"] or \
        sorted(search(store, q="banjir OR peretas")) == ["banjir-2", "evil-3"]
    assert sorted(search(store, q="Jakarta")) == ["banjir-2", "gaza-1"]
    assert search(store, q="Jakarta -banjir") == ["gaza-1"]
    assert search(store, q="AS-Israel (") == []  # user punctuation is no query syntax error
    assert search(store, q="!!!") == []
    with store.read() as conn:
        hit = queries.search_articles(conn, queries.Filters(q="mengungsi"))["items"][0]
    assert "mengungsi" in hit["snippet"]


@pytest.mark.parametrize("filters, expected", [
    ({"source": "berita.id"}, ["banjir-2"]),
    ({"entity": "Retno Marsudi"}, ["banjir-2", "gaza-1"]),
    ({"entity": RETNO, "q": "gencatan"}, ["gaza-1"]),
    ({"date_from": "2023-12"}, ["evil-3", "banjir-2"]),
    ({"date_to": "2023-11"}, ["gaza-1"]),
    ({"date_from": "2023-11-18", "date_to": "2023-12-31"}, ["banjir-2"]),
    ({"q": "Jakarta", "source": "jahat.id"}, []),
])
def test_store_search_filters(store, filters, expected):
    fill(store)
    assert search(store, **filters) == expected


def test_store_facets_count_sources_entities_months(store):
    fill(store)
    with store.read() as conn:
        f = queries.facets(conn, queries.Filters(q="Jakarta"))
    assert {s["source"]: s["n"] for s in f["sources"]} == {"contoh.id": 1, "berita.id": 1}
    assert {e["name"]: e["n"] for e in f["entities"]}["Jakarta"] == 2
    assert [m["month"] for m in f["months"]] == ["2023-11", "2023-12"]


def test_store_entity_groups_quotes_figures_and_company_across_articles(store):
    fill(store)
    with store.read() as conn:
        e = layers.get_entity(conn, RETNO)
        assert layers.get_entity(conn, "000000000000") is None
    assert e["name"] == "Retno Marsudi" and e["n_articles"] == 2
    assert [q["pub_date"] for q in e["quotes"]] == ["2023-12-04", "2023-11-17"]
    assert {c["name"] for c in e["cooccurring"]} >= {"Jakarta", "Anies Baswedan", "Gaza"}
    assert [v["type"] for v in e["events"]] == ["ACCUSE"]


def test_store_claims_set_figures_by_category_with_claimants(store):
    fill(store)
    with store.read() as conn:
        c = layers.claims(conn)
    killed = c["categories"]["killed"]["2023-11-17"]
    assert killed[0]["value"] == 1200 and killed[0]["claimant_text"] == "Para pejabat Israel"
    shelter = c["categories"]["displaced"]["2023-12-04"][0]
    assert shelter["claimant_entity"]["name"] == "Anies Baswedan"


def test_store_entity_keys_fold_case_and_space():
    assert entity_id("Retno  Marsudi", "PER") == entity_id("retno marsudi", "PER")
    assert entity_id("Jakarta", "LOC") != entity_id("Jakarta", "ORG")


def test_store_keeps_raw_text_and_record(store):
    store.write(EVIL, raw="RAW " + EVIL["text"])
    with store.read() as conn:
        found = queries.get_article(conn, "evil-3")
    assert found["record"] == EVIL and found["raw"].startswith("RAW ")
    assert BANJIR["id"] not in search(store)


def test_store_entity_totals_follow_writes_and_replacements(store):
    fill(store)
    with store.read() as conn:
        before = {e["name"]: (e["n_articles"], e["n_mentions"]) for e in layers.list_entities(conn)["items"]}
    assert before["Retno Marsudi"] == (2, 3) and before["Jakarta"] == (2, 2)
    store.write(make_record("gaza-1", "Presiden Joko Widodo tiba di Surabaya.",
                            entities=[("Joko Widodo", "PER", ["Joko Widodo"])]))
    with store.read() as conn:
        after = {e["name"]: (e["n_articles"], e["n_mentions"]) for e in layers.list_entities(conn)["items"]}
        assert layers.list_entities(conn, q="joko", type="PER")["total"] == 1
    assert after["Retno Marsudi"] == (1, 1) and "Gaza" not in after and after["Joko Widodo"] == (1, 1)
    from kabar.store.write import rebuild_entity_stats

    with store.engine.begin() as conn:
        rebuild_entity_stats(conn)
    with store.read() as conn:
        rebuilt = {e["name"]: (e["n_articles"], e["n_mentions"]) for e in layers.list_entities(conn)["items"]}
    assert rebuilt == after
