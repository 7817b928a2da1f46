"""Single sign-on through OpenID Connect, against a fake provider on a local port (no network).

The provider is a real HTTP server in a thread with a token endpoint, a userinfo endpoint and
a key set (JWKS); it signs ID tokens with its own RSA key (RS256), as Microsoft Entra ID does.
The browser's part (following redirects) is played by the test client.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from django.test import Client

from boardpack.accounts.models import User

pytestmark = pytest.mark.django_db

CLIENT_ID = "boardpack-test-client"
CLIENT_SECRET = "test-secret-not-used-anywhere-else"


@dataclass
class FakeProvider:
    url: str
    key: Any
    # What the next token and userinfo answers say; tests change these.
    claims: dict[str, Any] = field(default_factory=dict)
    id_token_claims: dict[str, Any] = field(default_factory=dict)
    nonce: str = ""
    codes: list[str] = field(default_factory=list)
    sign_with: Any = None

    def id_token(self) -> str:
        now = int(time.time())
        payload = {
            "iss": f"{self.url}/v2.0",
            "aud": CLIENT_ID,
            "sub": "subject-1",
            "iat": now,
            "exp": now + 300,
            "nonce": self.nonce,
        } | self.id_token_claims
        return jwt.encode(
            payload, self.sign_with or self.key, algorithm="RS256", headers={"kid": "key-1"}
        )


def _handler(provider: FakeProvider) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def _json(self, status: int, body: dict[str, Any]) -> None:
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            if self.path == "/keys":
                jwk = jwt.algorithms.RSAAlgorithm.to_jwk(provider.key.public_key(), as_dict=True)
                self._json(200, {"keys": [jwk | {"kid": "key-1", "alg": "RS256", "use": "sig"}]})
            elif self.path == "/userinfo":
                if self.headers.get("Authorization") != "Bearer access-token-1":
                    self._json(401, {"error": "invalid_token"})
                else:
                    self._json(200, provider.claims)
            else:
                self._json(404, {})

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", 0))
            form = parse_qs(self.rfile.read(length).decode())
            provider.codes.append(form.get("code", [""])[0])
            if (
                self.path != "/token"
                or form.get("client_id") != [CLIENT_ID]
                or form.get("client_secret") != [CLIENT_SECRET]
                or form.get("code") != ["code-1"]
                or not form.get("code_verifier")
            ):
                self._json(400, {"error": "invalid_grant"})
                return
            self._json(
                200,
                {
                    "access_token": "access-token-1",
                    "token_type": "Bearer",
                    "id_token": provider.id_token(),
                },
            )

    return Handler


@pytest.fixture
def provider(settings) -> Iterator[FakeProvider]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    server = ThreadingHTTPServer(("127.0.0.1", 0), BaseHTTPRequestHandler)
    url = f"http://127.0.0.1:{server.server_address[1]}"
    fake = FakeProvider(url=url, key=key)
    server.RequestHandlerClass = _handler(fake)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    # What docs/deploy.md has an administrator set in the environment, as settings.
    settings.BOARDPACK_OIDC_ENABLED = True
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = CLIENT_SECRET
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{url}/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{url}/token"
    settings.OIDC_OP_USER_ENDPOINT = f"{url}/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{url}/keys"
    settings.BOARDPACK_OIDC_ISSUER = f"{url}/v2.0"
    settings.BOARDPACK_OIDC_PROVIDER_NAME = "Somerset Council account"
    settings.AUTHENTICATION_BACKENDS = [
        *settings.AUTHENTICATION_BACKENDS,
        "boardpack.accounts.oidc.BoardpackOIDCBackend",
    ]
    try:
        yield fake
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def officer(somerset) -> User:
    user = User.objects.create_user("jo.officer", email="Jo.Officer@somerset.gov.uk")
    user.memberships.create(organisation=somerset)
    return user


def sign_in_with_provider(client: Client, provider: FakeProvider, next_url: str = ""):
    start = client.get("/sign-in/sso/" + (f"?next={next_url}" if next_url else ""))
    assert start.status_code == 302
    location = urlsplit(start["Location"])
    assert f"{location.scheme}://{location.netloc}{location.path}" == f"{provider.url}/authorize"
    query = parse_qs(location.query)
    assert query["client_id"] == [CLIENT_ID]
    assert query["redirect_uri"] == ["http://testserver/sign-in/sso/callback/"]
    assert query["code_challenge_method"] == ["S256"]
    provider.nonce = query["nonce"][0]
    # The provider signs the person in and sends the browser back with a code.
    return client.get("/sign-in/sso/callback/", {"code": "code-1", "state": query["state"][0]})


def test_the_sign_in_page_offers_single_sign_on(client, provider):
    text = client.get("/sign-in/").content.decode()
    assert "Sign in with Somerset Council account" in text
    assert 'href="/sign-in/sso/"' in text


def test_an_existing_user_signs_in_with_the_provider(client, provider, officer):
    provider.claims = {"sub": "subject-1", "email": "jo.officer@somerset.gov.uk"}
    response = sign_in_with_provider(client, provider, next_url="/somerset/programme/2024-06/")
    assert response.status_code == 302
    assert response["Location"] == "/somerset/programme/2024-06/"
    assert int(client.session["_auth_user_id"]) == officer.pk
    assert client.get("/somerset/programme/2024-06/").status_code == 200
    assert provider.codes == ["code-1"]


def test_someone_without_an_account_is_not_signed_in_and_nothing_is_created(client, provider):
    provider.claims = {"sub": "subject-2", "email": "stranger@example.com"}
    users = User.objects.count()
    response = sign_in_with_provider(client, provider)
    assert response.status_code == 302
    assert response["Location"] == "/sign-in/?sso=failed"
    assert "_auth_user_id" not in client.session
    assert User.objects.count() == users
    page = client.get(response["Location"]).content.decode()
    assert "Single sign-on did not sign you in" in page


def test_a_token_signed_by_another_key_is_refused(client, provider, officer):
    provider.claims = {"sub": "subject-1", "email": officer.email}
    provider.sign_with = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    response = sign_in_with_provider(client, provider)
    assert response["Location"] == "/sign-in/?sso=failed"
    assert "_auth_user_id" not in client.session


def test_a_token_for_another_client_is_refused(client, provider, officer):
    provider.claims = {"sub": "subject-1", "email": officer.email}
    provider.id_token_claims = {"aud": "some-other-app"}
    response = sign_in_with_provider(client, provider)
    assert response["Location"] == "/sign-in/?sso=failed"
    assert "_auth_user_id" not in client.session


def test_a_token_from_another_issuer_is_refused(client, provider, officer):
    provider.claims = {"sub": "subject-1", "email": officer.email}
    provider.id_token_claims = {"iss": "https://login.example.com/other-tenant/v2.0"}
    response = sign_in_with_provider(client, provider)
    assert response["Location"] == "/sign-in/?sso=failed"
    assert "_auth_user_id" not in client.session


def test_a_replayed_callback_is_refused(client, provider, officer):
    provider.claims = {"sub": "subject-1", "email": officer.email}
    start = client.get("/sign-in/sso/")
    query = parse_qs(urlsplit(start["Location"]).query)
    provider.nonce = query["nonce"][0]
    other = Client()  # an attacker with the code but not the session that asked for it
    response = other.get("/sign-in/sso/callback/", {"code": "code-1", "state": query["state"][0]})
    assert response["Location"] == "/sign-in/?sso=failed"
    assert "_auth_user_id" not in other.session


def test_demo_accounts_never_sign_in_with_the_provider_outside_demo_mode(
    client, provider, settings
):
    settings.DEMO_MODE = False
    settings.DEBUG = False
    councillor = User.objects.get(username="councillor")
    councillor.email = "chris.councillor@somerset.gov.uk"
    councillor.save()
    provider.claims = {"sub": "subject-3", "email": councillor.email}
    response = sign_in_with_provider(client, provider)
    assert response["Location"] == "/sign-in/?sso=failed"


def test_without_configuration_single_sign_on_is_not_there(client):
    assert client.get("/sign-in/sso/").status_code == 404
    assert client.get("/sign-in/sso/callback/", {"code": "x", "state": "y"}).status_code == 404
    assert "Sign in with" not in client.get("/sign-in/").content.decode()
