"""Polite fetching: robots.txt, a user agent naming storyline, a timeout and a size cap."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import httpx

from storyline import __version__, config
from storyline.errors import BadInput, NotFound
from storyline.sources.decode import decode

USER_AGENT = f"storyline/{__version__} (news analysis; +https://pypi.org/project/storyline/)"
TIMEOUT = httpx.Timeout(20.0, connect=10.0)


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def fetch(url: str, max_bytes: int | None = None, client: httpx.Client | None = None) -> tuple[str, str]:
    """(decoded body, content type) of a page the site's robots.txt lets storyline read."""
    cap = config.max_bytes(max_bytes)
    own = client is None
    client = client or httpx.Client(
        headers={"User-Agent": USER_AGENT}, timeout=TIMEOUT, follow_redirects=True
    )
    try:
        if not allowed_by_robots(client, url):
            raise BadInput(f"{url}: robots.txt does not allow storyline to fetch it")
        with client.stream("GET", url) as response:
            if response.status_code >= 400:
                raise NotFound(f"{url}: HTTP {response.status_code}")
            data = bytearray()
            for chunk in response.iter_bytes():
                data += chunk
                if len(data) > cap:
                    raise BadInput(f"{url}: larger than the size cap of {cap} bytes (STORYLINE_MAX_BYTES)")
            kind = response.headers.get("content-type", "")
    except httpx.HTTPError as error:
        raise NotFound(f"{url}: cannot fetch ({type(error).__name__}: {error})") from None
    finally:
        if own:
            client.close()
    return decode(bytes(data), url, max_bytes), kind


def allowed_by_robots(client: httpx.Client, url: str) -> bool:
    """What the site's robots.txt says for storyline; a missing robots.txt allows everything."""
    parts = urlsplit(url)
    robots_url = urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
    try:
        response = client.get(robots_url)
    except httpx.HTTPError:
        return True
    if response.status_code >= 400:
        return True
    parser = RobotFileParser()
    parser.parse(response.text.splitlines())
    return parser.can_fetch(USER_AGENT, url)
