"""The throw-away PostGIS server the publish tests run against (#21): it really starts,
has PostGIS, and listens only on 127.0.0.1."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.postgis

psycopg = pytest.importorskip("psycopg")


def test_the_test_database_has_postgis_and_transforms_rd_to_wgs84(pg_url):
    with psycopg.connect(pg_url) as conn:
        version = conn.execute("SELECT postgis_version()").fetchone()[0]
        assert version.split()[0] >= "3"
        # the Dam in Amsterdam, RD New (EPSG:28992) -> WGS84 (EPSG:4326)
        lon, lat = conn.execute(
            "SELECT ST_X(g), ST_Y(g) FROM (SELECT ST_Transform("
            "ST_SetSRID(ST_MakePoint(121400, 487400), 28992), 4326) AS g) t").fetchone()
    assert 4.88 < lon < 4.90
    assert 52.36 < lat < 52.38


def test_the_server_listens_on_loopback_only(pg_server):
    with psycopg.connect(pg_server.url) as conn:
        listen = conn.execute("SHOW listen_addresses").fetchone()[0]
        port = conn.execute("SHOW port").fetchone()[0]
    assert listen == "127.0.0.1"
    assert int(port) == pg_server.port


def test_without_postgis_the_reason_is_one_line(tmp_path, monkeypatch):
    from tests import pg_server

    monkeypatch.setattr(pg_server, "_postgis_installed", lambda bin_dir: False)
    with pytest.raises(pg_server.ServerUnavailable) as caught:
        pg_server.start_server(tmp_path)
    assert "PostGIS is not installed" in str(caught.value)
    assert "\n" not in str(caught.value)
    assert list(tmp_path.iterdir()) == []
