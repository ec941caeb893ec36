"""A small news site served from 127.0.0.1 for the intake tests (our own invented pages)."""

from __future__ import annotations

from tests.http_fixture import FixtureServer

STRIKE = (
    "Ferry crews in Farrowby walked out on Monday, halting crossings to the islands for two days.",
    "The union said 240 members had voted for the strike after talks on pay broke down last week.",
    "“We have run out of patience with the operator,” said union organiser Mara Lind.",
    "The county council said it would ask both sides to return to talks on Thursday.",
)
BRIDGE = (
    "The old swing bridge over the Carrow river will close for repairs from June, the council said.",
    "Engineers found corrosion in two of the four bearings during an inspection in March.",
    "Drivers will be sent on a nine-mile diversion through Ellisford while the work goes on.",
)
MARKET = (
    "Stallholders at the Farrowby harbour market say footfall has doubled since the new car park opened.",
    "The market now has 58 stalls, up from 31 a year ago, according to the harbour trust.",
    "Trust chairman Owen Pryce said a second market day on Sundays is being considered.",
)
TIDE = (
    "A tidal surge flooded the lower streets of Carrowmere overnight, the fire service said.",
    "Crews pumped water from 12 homes and a primary school, which will stay shut on Friday.",
    "No one was hurt, and the coastguard said the surge had passed by six in the morning.",
)


def page(title: str, paras: tuple[str, ...], extra: str = "", amp: bool = False) -> str:
    body = "".join(f"<p>{p}</p>" for p in paras)
    assets = '<img src="/img/photo.jpg" alt="crews"><script src="/js/app.js"></script><link rel="stylesheet" href="/css/site.css">'
    layout = "amp-layout" if amp else "site-layout"
    return (
        f"<!doctype html><html><head><title>{title} | Harbour Times</title>"
        f'<meta property="og:title" content="{title}"><meta property="og:site_name" content="Harbour Times">'
        f'<meta property="article:published_time" content="2024-05-06T09:00:00Z">{assets}</head>'
        f'<body class="{layout}"><nav><a href="/">Home</a> <a href="/news">News</a></nav>'
        f"<article><h1>{title}</h1>{body}{extra}</article><footer>© Harbour Times</footer></body></html>"
    )


def rss(base: str, items: list[tuple[str, str, str]], stamp: str = "Mon, 06 May 2024 10:00:00 GMT") -> str:
    entries = "".join(
        f"<item><title>{t}</title><link>{base}{path}</link><description>{summary}</description>"
        f"<pubDate>{stamp}</pubDate><guid>{base}{path}</guid></item>"
        for path, t, summary in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Times</title>'
        f"<link>{base}/</link><description>News</description>{entries}</channel></rss>"
    )


def atom(base: str, path: str, title: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Carrow Gazette</title><id>{base}/atom</id><updated>2024-05-07T08:00:00Z</updated>"
        f'<entry><title>{title}</title><link href="{base}{path}"/><id>{base}{path}</id>'
        "<updated>2024-05-07T08:00:00Z</updated><summary>Tidal surge floods streets.</summary></entry></feed>"
    )


def sitemap_index(base: str, children: list[str]) -> str:
    items = "".join(f"<sitemap><loc>{base}{c}</loc></sitemap>" for c in children)
    return f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</sitemapindex>'


def urlset(base: str, paths: list[str]) -> str:
    items = "".join(f"<url><loc>{base}{p}</loc><lastmod>2024-05-06</lastmod></url>" for p in paths)
    return (
        f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</urlset>'
    )


def serve_site(srv: FixtureServer) -> None:
    """Routes: a feed of four entries (one flaky, one gone with a summary, one disallowed), an Atom
    feed, a sitemap index, an AMP copy, a redirect, a home page announcing the feed."""
    b = srv.base
    xml = "application/xml"
    srv.routes.update({
        "/robots.txt": {"body": f"User-agent: *\nDisallow: /private/\nSitemap: {b}/sitemap_index.xml\n", "type": "text/plain"},
        "/news/strike": {"body": page("Ferry crews strike", STRIKE), "etag": '"s1"'},
        "/news/strike/amp": {"body": page("Ferry crews strike", STRIKE, amp=True)},
        "/news/bridge": {"body": page("Swing bridge to close", BRIDGE), "statuses": [503]},
        "/news/market": {"body": page("Market footfall doubles", MARKET)},
        "/private/memo": {"body": page("Internal memo", MARKET)},
        "/carrow/tide": {"body": page("Tidal surge floods streets", TIDE)},
        "/old/strike": {"status": 301, "headers": {"Location": "/news/strike"}},
        "/feed.xml": {"type": "application/rss+xml", "etag": '"f1"', "body": rss(b, [
            ("/news/strike?utm_source=rss", "Ferry crews strike", "Crossings halted."),
            ("/news/bridge", "Swing bridge to close", "Repairs from June."),
            ("/news/gone", "Harbour pilot retires", "Harbour pilot Tom Ashe retires after forty years guiding ships into Farrowby."),
            ("/private/memo", "Internal memo", "Not for crawlers."),
        ])},
        "/atom.xml": {"type": "application/atom+xml", "body": atom(b, "/carrow/tide", "Tidal surge floods streets")},
        "/sitemap_index.xml": {"type": xml, "body": sitemap_index(b, ["/sitemap-news.xml"])},
        "/sitemap-news.xml": {"type": xml, "body": urlset(b, ["/news/market", "/news/strike/amp"])},
        "/": {"body": f'<html><head><link rel="alternate" type="application/rss+xml" href="{b}/feed.xml"></head>'
                      "<body><p>Welcome</p></body></html>"},
    })  # fmt: skip
