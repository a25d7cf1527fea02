import pytest
from fastapi.testclient import TestClient

from kabar.store.schema import entity_id
from kabar.web import create_app

from .conftest import TOKEN, assert_error_shape

RETNO = entity_id("Retno Marsudi", "PER")
NEW = {"id": "baru-9", "source": "contoh.id", "published": "2023-06-01",
       "text": "Menteri Keuangan Sri Mulyani mengatakan inflasi terkendali pada bulan ini."}


def ids(resp):
    assert resp.status_code == 200, resp.text
    return [a["id"] for a in resp.json()["items"]]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN},
                                     {"Authorization": f"Basic {TOKEN}"}])
def test_api_post_without_valid_token_is_401(client, headers):
    err = assert_error_shape(client.post("/api/articles", json=NEW, headers=headers), 401)
    assert "Bearer" in err["message"]
    assert_error_shape(client.get("/api/articles/baru-9"), 404)


def test_api_post_with_no_token_configured_is_401_for_everyone(filled):
    with TestClient(create_app(filled, token=None)) as c:
        assert_error_shape(c.post("/api/articles", json=NEW, headers={"Authorization": "Bearer "}), 401)
        assert_error_shape(c.post("/api/articles", json=NEW, headers={"Authorization": "Bearer None"}), 401)


def test_api_post_analyses_and_stores_once(client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    first = client.post("/api/articles", json=[NEW], headers=auth)
    assert first.status_code == 200 and first.json()["items"][0]["status"] == "added"
    again = client.post("/api/articles", json=NEW, headers=auth)
    assert again.json()["items"][0]["status"] == "unchanged"
    record = client.get("/api/articles/baru-9").json()
    assert record["schema"] == "kabar/1" and record["text"].startswith("Menteri Keuangan")
    assert ids(client.get("/api/articles", params={"q": "inflasi"})) == ["baru-9"]


def test_api_post_bad_article_stores_nothing(client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    err = assert_error_shape(client.post("/api/articles", json=[NEW, {"title": "kosong"}], headers=auth), 422)
    assert "item 1" in err["message"]
    assert_error_shape(client.get("/api/articles/baru-9"), 404)
    assert_error_shape(client.post("/api/articles", json=[1, 2], headers=auth), 422)


def test_api_article_is_the_stored_kabar1_record(client):
    from tests.store.records import GAZA

    assert client.get("/api/articles/gaza-1").json() == GAZA
    assert "no article" in assert_error_shape(client.get("/api/articles/nope"), 404)["message"]


@pytest.mark.parametrize("params, expected", [
    ({"q": "gencatan senjata"}, ["gaza-1"]),
    ({"source": "berita.id"}, ["banjir-2"]),
    ({"entity": RETNO}, ["banjir-2", "gaza-1"]),
    ({"from": "2023-12", "to": "2023-12-31"}, ["banjir-2"]),
    ({"limit": 1, "offset": 1}, ["banjir-2"]),
])
def test_api_articles_search_filters(client, params, expected):
    assert ids(client.get("/api/articles", params=params)) == expected


@pytest.mark.parametrize("url", ["/api/articles?from=yesterday", "/api/articles?limit=0",
                                 "/api/quotes?offset=-1", "/api/events?to=17/11/2023"])
def test_api_bad_parameters_share_the_error_shape(client, url):
    assert_error_shape(client.get(url), 422)


def test_api_entities_quotes_figures_events(client):
    listed = client.get("/api/entities", params={"type": "PER"}).json()["items"]
    assert {e["name"] for e in listed} >= {"Retno Marsudi", "Anies Baswedan"}
    e = client.get(f"/api/entities/{RETNO}").json()
    assert e["n_articles"] == 2 and len(e["quotes"]) == 2
    assert_error_shape(client.get("/api/entities/ffffffffffff"), 404)
    quotes = client.get("/api/quotes", params={"speaker": "retno marsudi"}).json()
    assert quotes["total"] == 2 and quotes["items"][0]["speaker_entity"]["id"] == RETNO
    figs = client.get("/api/figures", params={"category": "killed"}).json()["items"]
    assert figs[0]["value"] == 1200 and figs[0]["claimant_text"] == "Para pejabat Israel"
    events = client.get("/api/events", params={"actor": RETNO, "type": "accuse"}).json()["items"]
    assert [(v["actor_entity"]["name"], v["target_entity"]["name"]) for v in events] == \
        [("Retno Marsudi", "Israel")]


def test_api_is_documented_in_openapi(client):
    spec = client.get("/openapi.json").json()
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/entities", "/api/entities/{entity_id}",
                 "/api/quotes", "/api/figures", "/api/events"):
        assert path in spec["paths"]
    assert "post" in spec["paths"]["/api/articles"]
    assert client.get("/docs").status_code == 200


def test_api_docs_page_needs_no_network(client):
    page = client.get("/docs").text
    assert "cdn" not in page.lower() and "/static/swagger-ui/swagger-ui-bundle.js" in page
    asset = client.get("/static/swagger-ui/swagger-ui-bundle.js")
    assert asset.status_code == 200 and "SwaggerUIBundle" in asset.text
