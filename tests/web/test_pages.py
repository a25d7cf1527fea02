import pytest

from kabar.store.schema import entity_id
from kabar.web.highlight import Mark, highlight

from tests.store.records import XSS

RETNO = entity_id("Retno Marsudi", "PER")
BUDI = entity_id(f"Budi {XSS} Santoso", "PER")
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


@pytest.mark.parametrize("url", ["/", "/search?q=peretas", "/articles/evil-3", "/articles/evil-3/raw",
                                 f"/entities/{BUDI}", "/entities", "/search?q=%3Cscript%3E",
                                 "/search?q=lelucon&entity=" + BUDI])
def test_pages_show_script_tags_in_articles_as_text(client, url):
    resp = client.get(url)
    assert resp.status_code == 200 and resp.headers["content-type"].startswith("text/html")
    assert "<script>" not in resp.text
    assert ESCAPED in resp.text or "&lt;script&gt;" in resp.text


def test_pages_search_lists_hits_with_facets(client):
    html = client.get("/search", params={"q": "Jakarta"}).text
    assert "2 articles" in html and "/articles/gaza-1" in html and "/articles/banjir-2" in html
    assert "berita.id" in html and "2023-11" in html and f"/entities/{RETNO}" in html
    assert "<mark>Jakarta</mark>" in html


def test_pages_article_highlights_layers_and_lists_quotes(client):
    html = client.get("/articles/gaza-1").text
    assert f'href="/entities/{RETNO}">Retno Marsudi</a>' in html
    assert 'class="figure" title="killed: 1200">1.200 orang</span>' in html
    assert "Kami menuntut gencatan senjata segera," in html and "Para pejabat Israel" in html
    assert 'href="/articles/gaza-1/raw"' in html
    assert client.get("/articles/gaza-1/raw").text.count("RAW") == 1


def test_pages_entity_shows_quotes_over_time_and_company(client):
    html = client.get(f"/entities/{RETNO}").text
    assert html.index("2023-12-04") < html.index("2023-11-17")
    assert "bantuan akan segera dikirim." in html and "Anies Baswedan" in html
    assert client.get("/entities/000000000000").status_code == 404


def test_pages_claims_set_figures_side_by_side_with_claimants(client):
    html = client.get("/claims").text
    assert "killed" in html and "1.200 orang" in html and "Para pejabat Israel" in html
    assert "displaced" in html and "Anies Baswedan" in html
    assert "1.200 orang" not in client.get("/claims?category=displaced").text


def test_pages_events_filter_and_empty_store(client):
    assert "mengecam" in client.get("/events", params={"actor": "Retno Marsudi"}).text
    assert "No events stored for these filters" in client.get("/events", params={"type": "AID"}).text


def test_pages_errors_are_html_pages(client):
    resp = client.get("/articles/nope")
    assert resp.status_code == 404 and "no article" in resp.text and "<html" in resp.text
    assert client.get("/search?from=kemarin").status_code == 422


def test_highlight_escapes_and_nests_overlapping_spans():
    text = "a <b> Budi & Ani c"
    marks = [Mark(2, 10, "quote"), Mark(6, 10, "ent", href="/entities/x"), Mark(8, 14, "figure"),
             Mark(3, 99, "bogus")]
    html = str(highlight(text, marks))
    assert html.startswith("a <span class=\"quote\" title=\"\">&lt;b&gt; </span>")
    assert '<a class="quote ent" title="" href="/entities/x">Bu</a>' in html
    assert "&amp;" in html and "bogus" not in html


def test_pages_cache_shows_new_articles_once_the_store_changes(filled):
    from fastapi.testclient import TestClient

    from kabar.web import create_app
    from tests.store.records import make_record

    app = create_app(filled)
    app.state.cache.recheck = 0  # read the store's version on every request
    with TestClient(app) as c:
        assert "/articles/baru-4" not in c.get("/search?q=Surabaya").text
        filled.write(make_record("baru-4", "Presiden tiba di Surabaya.", published="2024-02-01"))
        assert "/articles/baru-4" in c.get("/search?q=Surabaya").text
        assert "2024-02" in c.get("/").text


def test_pages_reference_article_shows_qaani_quotes_and_the_israeli_claim(store, reference_record, reference_text):
    """The pipeline's own record of the reference article, stored and shown."""
    from fastapi.testclient import TestClient

    from kabar.web import create_app

    store.write(reference_record, raw=reference_text)
    with TestClient(create_app(store)) as c:
        html = c.get("/articles/cnnindonesia-qaani-letter").text
        direct = [row for row in html.split("<tr>") if 'class="direct"' in row]
        assert len(direct) == 2 and all(">Esmail Qaani</a>" in row for row in direct)
        claims = c.get("/claims", params={"category": "killed"}).text
    row = claims[claims.index("1.200 orang"):]
    assert "Para pejabat Israel" in row[:row.index("</div></div>") + 12]


def test_pages_article_links_only_web_urls(store):
    from fastapi.testclient import TestClient

    from kabar.web import create_app
    from tests.store.records import make_record

    bad = make_record("js-5", "Teks biasa saja.")
    bad["url"] = "javascript:alert(1)"
    good = make_record("web-6", "Teks lain saja.")
    store.write(bad)
    store.write(good)
    with TestClient(create_app(store)) as c:
        assert "javascript:" not in c.get("/articles/js-5").text
        assert 'href="https://contoh.id/web-6"' in c.get("/articles/web-6").text


def test_pages_article_ids_with_slashes_have_pages_raw_views_and_json(store):
    from fastapi.testclient import TestClient

    from kabar.web import create_app
    from tests.store.records import make_record

    store.write(make_record("kompas/2023/banjir", "Banjir di Bekasi surut pada Selasa."), raw="RAW banjir")
    store.write(make_record("catatan/raw", "Sebuah catatan tentang data mentah."))
    with TestClient(create_app(store)) as c:
        assert "Bekasi" in c.get("/articles/kompas/2023/banjir").text
        assert "RAW banjir" in c.get("/articles/kompas/2023/banjir/raw").text
        assert c.get("/api/articles/kompas/2023/banjir").json()["id"] == "kompas/2023/banjir"
        assert "catatan tentang" in c.get("/articles/catatan/raw").text
        assert 'href="/articles/kompas/2023/banjir"' in c.get("/search?q=Bekasi").text
