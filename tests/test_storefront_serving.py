"""The backend serves the built storefront at / and leaves its own addresses alone."""

import pytest
from django.test import Client

INDEX_HTML = '<!doctype html><html><body><div id="root"></div>storefront-index-marker</body></html>'


@pytest.fixture
def built_storefront(settings, tmp_path):
    """A minimal storefront build in a temporary dist folder."""
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text(INDEX_HTML)
    (dist / "assets" / "index-AbCd1234.js").write_text("console.log('app');")
    (dist / "favicon.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    settings.STOREFRONT_DIST = dist
    settings.WHITENOISE_ROOT = dist
    return dist


@pytest.fixture
def missing_storefront(settings, tmp_path):
    settings.STOREFRONT_DIST = tmp_path / "no-build-here"
    settings.WHITENOISE_ROOT = tmp_path / "no-build-here"


@pytest.mark.parametrize("path", ["/", "/catalog", "/catalog/", "/catalog/anything/deeper",
                                  "/product/kraska-fasadnaia", "/sign-in",
                                  "/variant/KR-INT-0015-0.9L"])
def test_app_pages_answer_with_the_built_index(built_storefront, path):
    response = Client().get(path)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert b"storefront-index-marker" in response.content
    assert "no-cache" in response["Cache-Control"]


def test_the_query_string_does_not_matter(built_storefront):
    response = Client().get("/catalog/kraski", {"q": "краска", "view": "grid"})

    assert b"storefront-index-marker" in response.content


def test_hashed_assets_are_served_with_a_long_cache(built_storefront):
    response = Client().get("/assets/index-AbCd1234.js")

    assert response.status_code == 200
    assert b"console.log('app');" in b"".join(response.streaming_content)
    assert "immutable" in response["Cache-Control"]


def test_other_build_files_are_served_from_the_root(built_storefront):
    response = Client().get("/favicon.svg")

    assert response.status_code == 200


@pytest.mark.parametrize("path", ["/assets/missing-1234.js", "/favicon.ico", "/robots.txt"])
def test_missing_files_are_404_not_the_app(built_storefront, path):
    response = Client().get(path)

    assert response.status_code == 404
    assert b"storefront-index-marker" not in response.content


def test_graphql_endpoint_is_untouched(built_storefront):
    response = Client().post("/graphql/", {"query": "{ __typename }"},
                             content_type="application/json")

    assert response.status_code == 200
    assert response.json() == {"data": {"__typename": "Query"}}


def test_health_and_admin_are_untouched(built_storefront):
    client = Client()

    assert client.get("/health/live").json() == {"status": "ok"}
    admin = client.get("/admin/")
    assert admin.status_code == 302
    assert "/admin/login/" in admin["Location"]


def test_graphql_without_slash_is_not_the_app(built_storefront):
    response = Client().get("/graphql")

    assert b"storefront-index-marker" not in response.content


def test_pages_only_answer_safe_methods(built_storefront):
    assert Client().post("/catalog/").status_code == 405


def test_missing_build_answers_how_to_build_it(missing_storefront):
    response = Client().get("/catalog/")

    assert response.status_code == 503
    assert b"storefront is not built" in response.content
    assert b"make storefront-build" in response.content
