"""The HTTP API: every endpoint, its errors (422, 413, 401), and the attacks issue 9 names —
hostile filter values, SSRF through `url`, path traversal on static files."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import socket
import threading
import time
import warnings
from urllib.parse import quote

import pytest

warnings.filterwarnings("ignore", message=".*httpx2.*")

from fastapi.testclient import TestClient  # noqa: E402

from tacitus.api import create_app  # noqa: E402
from tacitus.store import open_store  # noqa: E402

from conftest import shared_path  # noqa: E402  (tests/ is on sys.path: rootdir conftest)

SMALL = [
    {"text": "Belarus expelled a Polish diplomat on Tuesday.", "date": "2024-03-12",
     "url": "https://example.org/belarus-expels"},
    {"text": "Polish police arrested two Belarusian citizens in Warsaw on Monday.", "date": "2024-04-02",
     "url": "https://example.org/warsaw-arrests"},
    {"text": "Russian troops shelled Ukrainian positions near Kharkiv, the Ukrainian army said.",
     "date": "2024-04-01", "url": "https://example.net/kharkiv"},
]
HOSTILE = [
    "' OR '1'='1", "POL'; DROP TABLE events; --", "\" OR 1=1 --", "%", "_", "POL%", "*", "1; SELECT * FROM articles",
    "') UNION SELECT sql, 1, 1 FROM sqlite_master --", "\x00", "ＰＯＬ", "../../etc/passwd", "<script>alert(1)</script>",
]


@pytest.fixture(scope="module")
def warsaw_text() -> str:
    return shared_path("dev", "articles", "warsaw_minsk_expulsion.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def db_path(tmp_path_factory) -> str:
    return str(tmp_path_factory.mktemp("api") / "api.db")


@pytest.fixture(scope="module")
def client(coder, db_path):
    with TestClient(create_app(db_path=db_path, coder=coder, api_key="")) as c:
        yield c


@pytest.fixture(scope="module")
def filled(client, warsaw_text):
    """The store with the Warsaw–Minsk article and three short ones."""
    batch = [{"text": warsaw_text, "date": "2024-03-08", "url": "https://example.com/warsaw-minsk",
              "title": "Spy affair"}, *SMALL]
    r = client.post("/v1/articles", json=batch)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["failed"] == 0 and body["inserted"] == 4, body
    return body


# -- service, headers, docs -------------------------------------------------------------------------
def test_healthz_and_security_headers(client):
    r = client.get("/healthz")
    assert r.status_code == 200
    assert r.json()["status"] == "ok"
    h = r.headers
    assert "default-src 'self'" in h["content-security-policy"]
    assert h["x-content-type-options"] == "nosniff"
    assert h["x-frame-options"] == "DENY"
    assert h["referrer-policy"] == "no-referrer"


def test_docs_work_offline(client):
    page = client.get("/docs")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "http://" not in page.text and "https://" not in page.text  # nothing from a CDN
    assert 'src="/static/docs.js"' in page.text
    assert client.get("/static/docs.js").status_code == 200
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    for p in ("/v1/code", "/v1/articles", "/v1/articles/{ident}", "/v1/events", "/v1/incidents",
              "/v1/dyads/{a}/{b}", "/v1/reciprocity", "/v1/export", "/healthz"):
        assert p in paths, p
    assert "EventRecord" in spec["components"]["schemas"]
    assert client.get("/redoc").status_code == 404


def test_dashboard_is_served_without_external_assets(client):
    page = client.get("/")
    assert page.status_code == 200 and "<title>" in page.text
    assert "https://" not in page.text.replace("https://example", "")
    for name, kind in (("app.js", "javascript"), ("style.css", "css"), ("world.json", "json")):
        r = client.get(f"/static/{name}")
        assert r.status_code == 200 and kind in r.headers["content-type"]
    assert "innerHTML" not in client.get("/static/app.js").text.split("*/", 1)[1]
    assert client.get("/static/make_world.py").status_code == 404
    assert client.get("/static/nope.js").status_code == 404


# -- POST /v1/code ------------------------------------------------------------------------------------
def test_code_returns_clean_article_blocks_and_events(client, warsaw_text):
    before = client.get("/healthz").json()
    r = client.post("/v1/code", json={"text": warsaw_text, "date": "2024-03-08", "title": "Spy affair"})
    assert r.status_code == 200, r.text
    body = r.json()
    art = body["article"]
    assert art["date"] == "2024-03-08" and art["title"] == "Spy affair"
    text = art["text"]
    removed = [b for b in art["blocks"] if not b["kept"]]
    assert any(b["reason"] == "byline" and "Kowalczyk" in b["text"] for b in removed)
    assert "Kowalczyk" not in text
    for b in art["blocks"]:
        if b["kept"]:
            assert text[b["start"]:b["end"]] == b["text"]
    arrests = [e for e in body["events"] if e["cameo"]["code"] == "173"]
    assert arrests, [e["cameo"]["code"] for e in body["events"]]
    for e in body["events"]:
        ev = e["evidence"]
        assert text[ev["start"]:ev["end"]] == ev["text"]
        assert 1 <= e["cameo"]["quad_class"] <= 4
    assert "detained" in arrests[0]["evidence"]["text"]
    assert "Warsaw" in {p["name"] for p in body["places"]}  # the article's place mentions
    for p in body["places"]:
        assert text[p["start"]:p["end"]] == p["mention"]
    after = client.get("/healthz").json()
    assert (after["articles"], after["events"]) == (before["articles"], before["events"])  # nothing stored


def test_code_html(client):
    html = ("<html><head><title>Expulsion</title></head><body><nav><a href='/'>Home</a> <a href='/w'>World</a></nav>"
            "<article><h1>Belarus expels diplomat</h1><p>Belarus expelled a Polish diplomat on Tuesday, the "
            "foreign ministry in Minsk said in a statement.</p><p>Poland said it would respond.</p></article>"
            "<footer><p>Cookie settings</p></footer></body></html>")
    r = client.post("/v1/code", json={"html": html, "date": "2024-03-12"})
    assert r.status_code == 200, r.text
    assert "Belarus expelled" in r.json()["article"]["text"]
    assert "<p>" not in r.json()["article"]["text"]


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({}, "body"),
        ({"text": "Poland expelled a diplomat.", "html": "<p>x</p>"}, "body"),
        ({"text": 5}, "text"),
        ({"text": "Poland expelled a diplomat.", "date": "yesterday"}, "date"),
        ({"text": "Poland expelled a diplomat.", "date": "2024-02-30"}, "date"),
        ({"text": "   "}, "text"),
        ({"html": "<html><body><script>var a = 1;</script><style>p{}</style></body></html>"}, "html"),
        ({"text": "Poland expelled a diplomat.", "colour": "red"}, "colour"),
        ({"text": "Poland expelled a diplomat.", "title": "t" * 1001}, "title"),
    ],
)
def test_code_invalid_input_is_422_naming_the_field(client, payload, field):
    r = client.post("/v1/code", json=payload)
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["message"].startswith(field + ":") or f"; {field}:" in body["message"], body["message"]
    if field == "body":
        assert "text" in body["message"] and "html" in body["message"]
    assert "Traceback" not in r.text


def test_code_not_json_is_422(client):
    r = client.post("/v1/code", content=b"{not json", headers={"Content-Type": "application/json"})
    assert r.status_code == 422
    assert "message" in r.json()


# -- 413 ----------------------------------------------------------------------------------------------
def test_body_over_limit_is_413_by_content_length_and_by_stream(coder, db_path):
    with TestClient(create_app(db_path=db_path, coder=coder, max_body=2_000)) as small:
        big = json.dumps({"text": "Poland expelled a diplomat. " * 200})
        r = small.post("/v1/code", content=big, headers={"Content-Type": "application/json"})
        assert r.status_code == 413
        assert "2,000 bytes" in r.json()["message"]

        def chunks():  # no Content-Length: the server must count what it reads
            for _ in range(10):
                yield b" " * 500

        r = small.post("/v1/code", content=chunks(), headers={"Content-Type": "application/json"})
        assert r.status_code == 413, r.text
        r = small.post("/v1/articles", content=chunks(), headers={"Content-Type": "application/json"})
        assert r.status_code == 413
        assert small.post("/v1/code", json={"text": "Poland expelled a Belarusian diplomat."}).status_code == 200


def test_max_body_from_environment(monkeypatch, coder, db_path):
    monkeypatch.setenv("TACITUS_MAX_BODY", "100")
    app = create_app(db_path=db_path, coder=coder)
    assert app.state.max_body == 100
    monkeypatch.setenv("TACITUS_MAX_BODY", "lots")
    with pytest.raises(ValueError, match="TACITUS_MAX_BODY"):
        create_app(db_path=db_path, coder=coder)
    monkeypatch.delenv("TACITUS_MAX_BODY")
    assert create_app(db_path=db_path, coder=coder).state.max_body == 5_000_000


# -- 401 ----------------------------------------------------------------------------------------------
def test_api_key_protects_writes_only(coder, tmp_path):
    with TestClient(create_app(db_path=str(tmp_path / "k.db"), coder=coder, api_key="s3cret-key")) as c:
        art = {"text": "Belarus expelled a Polish diplomat on Tuesday.", "date": "2024-03-12"}
        assert c.post("/v1/articles", json=art).status_code == 401
        r = c.post("/v1/articles", json=art, headers={"X-API-Key": "wrong"})
        assert r.status_code == 401 and "X-API-Key" in r.json()["message"]
        assert c.get("/healthz").json()["articles"] == 0
        assert c.post("/v1/articles", json=art, headers={"X-API-Key": "s3cret-key"}).status_code == 200
        assert c.get("/v1/events").status_code == 200  # reads stay open


def test_api_key_from_environment(monkeypatch, coder, tmp_path):
    monkeypatch.setenv("TACITUS_API_KEY", "from-env")
    with TestClient(create_app(db_path=str(tmp_path / "e.db"), coder=coder)) as c:
        art = {"text": "Belarus expelled a Polish diplomat on Tuesday."}
        assert c.post("/v1/articles", json=art).status_code == 401
        assert c.post("/v1/articles", json=art, headers={"X-API-Key": "from-env"}).status_code == 200


# -- POST /v1/articles, GET /v1/articles/{id} ------------------------------------------------------------
def test_ingest_batch_is_idempotent(client, filled, warsaw_text):
    assert filled["events"] > 10
    again = client.post("/v1/articles", json={"text": warsaw_text, "date": "2024-03-08",
                                               "url": "https://example.com/warsaw-minsk", "title": "Spy affair"})
    assert again.status_code == 200
    assert again.json()["unchanged"] == 1 and again.json()["inserted"] == 0
    assert again.json()["results"][0]["article"] == filled["results"][0]["article"]


def test_ingest_batch_reports_bad_items_and_stores_the_rest(client, tmp_path, coder):
    with TestClient(create_app(db_path=str(tmp_path / "b.db"), coder=coder)) as c:
        r = c.post("/v1/articles", json=[SMALL[0], {"text": ""}, SMALL[1]])
        assert r.status_code == 200
        body = r.json()
        assert [x["status"] for x in body["results"]] == ["inserted", "failed", "inserted"]
        assert body["results"][1]["error"] == "empty input"
        assert c.get("/healthz").json()["articles"] == 2


@pytest.mark.parametrize(
    ("payload", "field"),
    [({"text": ""}, "text"), ([{"text": "ok text"}, {"date": "x"}], "1.date"), ("just a string", "body"), ([], "body"),
     ({"text": "Poland expelled a diplomat.", "date": "2024-99-01"}, "date")],
)
def test_ingest_invalid_is_422(client, payload, field):
    r = client.post("/v1/articles", json=payload)
    assert r.status_code == 422, r.text
    assert field + ":" in r.json()["message"]


def test_get_article_by_id_and_url(client, filled):
    pk = filled["results"][0]["article"]
    r = client.get(f"/v1/articles/{pk}")
    assert r.status_code == 200
    art = r.json()
    assert art["url"] == "https://example.com/warsaw-minsk" and art["title"] == "Spy affair"
    assert art["events"] and all(e["store"]["article"] == pk for e in art["events"])
    assert client.get("/v1/articles/https://example.com/warsaw-minsk").json()["id"] == pk
    assert client.get("/v1/articles/999999").status_code == 404
    assert client.get("/v1/articles/' OR 1=1 --").status_code == 404


def test_url_is_metadata_and_never_fetched(client):
    """SSRF: a listening socket on loopback must see no connection while the article is coded and stored."""
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.setblocking(False)
    port = server.getsockname()[1]
    try:
        for url in (f"http://127.0.0.1:{port}/secret", "http://127.0.0.1:1/", "file:///etc/passwd"):
            started = time.monotonic()
            r = client.post("/v1/articles", json={"text": "Belarus expelled a Polish diplomat on Tuesday.",
                                                  "date": "2024-03-12", "url": url})
            assert r.status_code == 200, r.text
            assert time.monotonic() - started < 10
            pk = r.json()["results"][0]["article"]
            stored = client.get(f"/v1/articles/{pk}").json()
            assert stored["url"] == url
            assert "root:" not in json.dumps(stored)
            r = client.post("/v1/code", json={"text": "Belarus expelled a Polish diplomat.", "url": url})
            assert r.status_code == 200 and r.json()["article"]["url"] == url
        with pytest.raises(BlockingIOError):
            server.accept()  # nobody connected
    finally:
        server.close()


# -- GET /v1/events -----------------------------------------------------------------------------------
def test_events_filters(client, filled):
    all_events = client.get("/v1/events", params={"limit": 1000}).json()["events"]
    assert len(all_events) >= filled["events"]
    r = client.get("/v1/events", params={"root": "17"}).json()["events"]
    assert r and all(e["cameo"]["root"] == "17" for e in r)
    r = client.get("/v1/events", params={"actor": "BLR", "quad": 4}).json()["events"]
    assert r and all(e["cameo"]["quad_class"] == 4 for e in r)
    assert all("BLR" in (e["source"]["country"], e["target"]["country"]) for e in r)
    r = client.get("/v1/events", params={"source": "POL", "target": "BLR"}).json()["events"]
    assert r and all(e["source"]["country"] == "POL" and e["target"]["country"] == "BLR" for e in r)
    r = client.get("/v1/events", params={"since": "2024-04-01", "until": "2024-04-30"}).json()["events"]
    assert r and all("2024-04-01" <= e["store"]["day"] <= "2024-04-30" for e in r)
    r = client.get("/v1/events", params={"text": "DETAINED"}).json()["events"]
    assert r and all("detained" in (e["sentence"] + e["evidence"]["text"]).lower() for e in r)
    r = client.get("/v1/events", params={"code": "173"}).json()["events"]
    assert r and all(e["cameo"]["code"].startswith("173") for e in r)


def test_events_cursor_pagination(client, filled):
    everything = [e["store"]["id"] for e in client.get("/v1/events", params={"limit": 1000}).json()["events"]]
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": 4, **({"cursor": cursor} if cursor else {})}
        page = client.get("/v1/events", params=params).json()
        assert len(page["events"]) <= 4
        seen += [e["store"]["id"] for e in page["events"]]
        cursor = page["next_cursor"]
        pages += 1
        if cursor is None:
            break
    assert seen == everything and pages == -(-len(everything) // 4)


@pytest.mark.parametrize(
    ("params", "field"),
    [({"quad": 7}, "quad"), ({"quad": "x"}, "quad"), ({"limit": 0}, "limit"), ({"limit": 100000}, "limit"),
     ({"root": "abc"}, "root"), ({"since": "2024-13-01"}, "since"), ({"until": "soon"}, "until"),
     ({"cursor": "abc"}, "cursor"), ({"actor": "A" * 65}, "actor")],
)
def test_events_invalid_params_are_422(client, params, field):
    r = client.get("/v1/events", params=params)
    assert r.status_code == 422
    assert r.json()["message"].startswith(field + ":"), r.json()["message"]


def test_hostile_filter_values_are_plain_data(client, filled, db_path):
    before = client.get("/healthz").json()
    for value in HOSTILE:
        for name in ("actor", "source", "target", "text"):
            r = client.get("/v1/events", params={name: value})
            assert r.status_code == 200, (name, value, r.text)
            events = r.json()["events"]
            if name != "text":
                assert events == [], (name, value)  # no value above is an actor code
        assert client.get("/v1/incidents", params={"source": value}).status_code == 200
        assert client.get("/v1/reciprocity", params={"actor": value}).status_code == 200
        r = client.get(f"/v1/dyads/{quote(value, safe='')}/BLR")
        assert r.status_code in (200, 404) and (r.status_code == 404 or r.json()["periods"] == [])
    after = client.get("/healthz").json()
    assert (after["articles"], after["events"]) == (before["articles"], before["events"])
    with open_store(db_path) as st:  # the tables are all still there and whole
        assert st.stats()["events"] == after["events"]
        names = {r[0] for r in st.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"articles", "events", "incidents"} <= names


# -- incidents, dyads, reciprocity --------------------------------------------------------------------------
def test_incidents_with_their_articles(client, filled):
    r = client.get("/v1/incidents")
    assert r.status_code == 200
    incidents = r.json()["incidents"]
    assert incidents
    first = incidents[0]
    assert first["events"] and first["events"][0]["article_pk"] >= 1
    assert {"source_country", "target_country", "first_day", "n_articles"} <= set(first)
    pol_blr = client.get("/v1/incidents", params={"source": "pol", "target": "BLR"}).json()["incidents"]
    assert pol_blr and all(i["source_country"] == "POL" and i["target_country"] == "BLR" for i in pol_blr)
    page = client.get("/v1/incidents", params={"limit": 1}).json()
    assert len(page["incidents"]) == 1 and page["next_cursor"]
    nxt = client.get("/v1/incidents", params={"limit": 1, "cursor": page["next_cursor"]}).json()
    assert nxt["incidents"][0]["id"] > page["incidents"][0]["id"]
    assert client.get("/v1/incidents", params={"min_articles": 0}).status_code == 422


@pytest.mark.parametrize("by", ["day", "week", "month"])
def test_dyad_both_directions(client, filled, by):
    r = client.get("/v1/dyads/pol/blr", params={"by": by})
    assert r.status_code == 200
    body = r.json()
    assert body["a"] == "POL" and body["b"] == "BLR" and body["by"] == by
    directions = {(p["source"], p["target"]) for p in body["periods"]}
    assert directions == {("POL", "BLR"), ("BLR", "POL")}
    for p in body["periods"]:
        assert p["q1"] + p["q2"] + p["q3"] + p["q4"] == p["events"]
    if by == "month":
        assert {p["period_start"] for p in body["periods"]} >= {"2024-03-01", "2024-04-01"}


def test_dyad_bad_period_is_422(client):
    r = client.get("/v1/dyads/POL/BLR", params={"by": "year"})
    assert r.status_code == 422 and r.json()["message"].startswith("by:")


def test_reciprocity(client, filled):
    r = client.get("/v1/reciprocity", params={"days": 30})
    assert r.status_code == 200
    pairs = r.json()["pairs"]
    expel = [p for p in pairs if {p["source"], p["target"]} == {"POL", "BLR"} and p["family"] == "expulsion"]
    assert expel, pairs  # Poland expelled on 8 March, Belarus answered on 12 March
    assert expel[0]["lag_days"] == 4
    short = client.get("/v1/reciprocity", params={"days": 1}).json()["pairs"]
    assert not [p for p in short if {p["source"], p["target"]} == {"POL", "BLR"} and p["first_code"].startswith("174")]
    assert client.get("/v1/reciprocity", params={"days": -1}).status_code == 422


# -- export ---------------------------------------------------------------------------------------------
def test_export_formats_stream(client, filled):
    n = len(client.get("/v1/events", params={"limit": 1000}).json()["events"])
    r = client.get("/v1/export", params={"format": "gdelt"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/tab-separated-values")
    assert "attachment" in r.headers["content-disposition"]
    lines = r.text.splitlines()
    assert len(lines) == n + 1 and all(len(line.split("\t")) == 61 for line in lines)
    rows = list(csv.DictReader(io.StringIO(client.get("/v1/export", params={"format": "csv"}).text)))
    assert len(rows) == n and "cameo_code" in rows[0]
    for fmt, key in (("jsonl", "event_id"), ("plover", "event")):
        lines = client.get("/v1/export", params={"format": fmt}).text.splitlines()
        assert len(lines) == n and all(key in json.loads(line) for line in lines)
    r = client.get("/v1/export", params={"format": "parquet"})
    assert r.status_code == 200 and r.content[:4] == b"PAR1"
    assert client.get("/v1/export", params={"format": "xls"}).status_code == 422


# -- path traversal -----------------------------------------------------------------------------------------
TRAVERSALS = [
    "/../../etc/passwd", "/static/../../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
    "/static/..%2f..%2f..%2fetc%2fpasswd", "/static/%2e%2e%2fapi.py", "/static/....//....//etc/passwd",
    "/static/%252e%252e%252fetc%252fpasswd", "/etc/passwd", "/static//etc/passwd", "/static/app.js/../../api.py",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_path_traversal_gives_404(client, path):
    r = client.get(path)
    assert r.status_code == 404, (path, r.status_code)
    assert "root:" not in r.text and "def create_app" not in r.text


@pytest.mark.parametrize("raw", [b"/../../etc/passwd", b"/static/../../etc/passwd", b"/%2e%2e/%2e%2e/etc/passwd",
                                 b"/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd", b"/static/..\\..\\api.py"])
def test_path_traversal_raw_asgi(client, raw):
    """The same with the path exactly as sent on the wire (an HTTP client would normalise dots)."""
    from urllib.parse import unquote

    app = client.app
    sent: list[dict] = []

    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": unquote(raw.decode()), "raw_path": raw, "query_string": b"", "root_path": "",
             "headers": [(b"host", b"testserver")], "client": ("127.0.0.1", 1), "server": ("testserver", 80)}
    asyncio.run(app(scope, receive, send))
    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    assert start["status"] == 404
    assert b"root:" not in body and b"create_app" not in body


# -- concurrency -----------------------------------------------------------------------------------------------
def test_reads_work_while_coding(client, filled, warsaw_text):
    """Coding runs in the thread pool: reads from other threads are served meanwhile and all succeed."""
    errors: list[str] = []

    def code():
        r = client.post("/v1/code", json={"text": warsaw_text, "date": "2024-03-08"})
        if r.status_code != 200:
            errors.append(r.text)

    def read():
        for _ in range(5):
            r = client.get("/v1/events", params={"limit": 5})
            if r.status_code != 200:
                errors.append(r.text)

    threads = [threading.Thread(target=code) for _ in range(2)] + [threading.Thread(target=read) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors


# -- tacitus serve ----------------------------------------------------------------------------------------------
def test_serve_command_defaults_to_loopback():
    import typer
    from typer.testing import CliRunner

    from tacitus.serve import register

    app = typer.Typer()
    register(app)

    @app.command()
    def other() -> None:  # a second command so Typer keeps "serve" as a subcommand
        pass

    result = CliRunner().invoke(app, ["serve", "--help"], env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert result.exit_code == 0
    assert "127.0.0.1" in result.output and "--port" in result.output and "--db" in result.output
