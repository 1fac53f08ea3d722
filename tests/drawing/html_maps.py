"""Maps for the HTML page tests: a small debate with shared premises, and one full of hostile text."""

from __future__ import annotations

from argmap import ArgumentMap, Source

PAYLOAD = "window.__pwned=1"

#: Markup and script that would set window.__pwned if any of it were ever parsed as HTML or run.
HOSTILE = [
    f"<script>{PAYLOAD}</script>",
    f'<img src=x onerror="{PAYLOAD}">',
    f'"><svg onload={PAYLOAD}>',
    f"</script><script>{PAYLOAD}</script><!--",
    f"' onmouseover='{PAYLOAD}' x='",
    f"]]><iframe srcdoc=\"<script>parent.{PAYLOAD}</script>\"></iframe>",
    "\u2028\u2029</style><style>*{}</style>",
]

BAD_URLS = [
    f"javascript:{PAYLOAD}",
    f"JaVaScRiPt:{PAYLOAD}",
    f" javascript:{PAYLOAD}",
    f"java\tscript:{PAYLOAD}",
    f"data:text/html,<script>{PAYLOAD}</script>",
    f"vbscript:{PAYLOAD}",
]


def debate_map() -> ArgumentMap:
    """A small map with sources, a scheme, an undercut, a rebuttal and a premise used twice."""
    m = ArgumentMap(title="Should the town build a bike lane?")
    thesis = m.claim(
        "The town should build a bike lane on Main Street.",
        id="thesis",
        label="Build the lane",
        tags=["transport", "budget"],
        sources=[
            Source(author="Ada Council", title="Minutes of the May meeting", outlet="Town Gazette",
                   date="2024-05-01", quote="We move to build the lane this year.",
                   url="https://example.org/minutes", kind="official statement"),
            Source(author="Anonymous leaflet", url=f"javascript:{PAYLOAD}"),
        ],
    )
    safety = m.claim("A lane makes cycling safer.", id="safety", label="Safety")
    step = m.support(thesis, safety, id="r1", scheme="argument from consequences")
    data = m.claim("Crashes fell by 40% after a lane opened on Elm Street.", id="data",
                   sources=[Source(author="Road Safety Office", kind="statistic", url="mailto:office@example.org")])
    m.support(safety, data, id="r1a")
    m.attack(data, m.claim("Elm Street also lowered its speed limit that year.", id="confound"), id="o1a")
    shared = m.claim("Main Street is the busiest road in town.", id="shared")
    m.support(safety, shared, id="r1b")
    m.support(thesis, [shared, m.claim("Busy roads gain most from lanes.", id="busy")], id="r2")
    cost = m.claim("The lane costs too much.", id="cost")
    objection = m.attack(thesis, cost, id="o1")
    m.attack(objection, m.claim("A state grant pays most of the cost.", id="grant"), id="rb1")
    m.undercut(step, m.claim("Safety alone does not justify any spending.", id="undercutter"), id="u1")
    return m


def hostile_map() -> ArgumentMap:
    """Every text field, tag, id and source URL carries markup, script or a dangerous link."""
    m = ArgumentMap(title=HOSTILE[0] + " title")
    thesis = m.claim(
        "Thesis " + " ".join(HOSTILE),
        id=HOSTILE[2],
        label=HOSTILE[1],
        tags=HOSTILE[:4],
        note=HOSTILE[3],
        group=HOSTILE[5],
        sources=[Source(author=h, title=h, outlet=h, date=h, quote=h, kind=h, url=url)
                 for h, url in zip(HOSTILE, BAD_URLS, strict=False)],
    )
    previous = thesis
    for k, text in enumerate(HOSTILE):
        claim = m.claim(f"Claim {k} {text}", id=f"c{k}{text}", label=text, tags=[text])
        m.support(previous, claim, id=f"s{k}{text}", label=text, scheme=text,
                  sources=[Source(quote=text, url=BAD_URLS[k % len(BAD_URLS)])])
        previous = claim
    return m


def wide_map(claims: int) -> ArgumentMap:
    """A deterministic map of ``claims`` claims, three reasons or objections under each claim."""
    m = ArgumentMap(title=f"A wide map of {claims} claims")
    made = [m.claim("The thesis of the wide map.", id="w0", label="Thesis")]
    k = 1
    while len(made) < claims:
        target = made[(k - 1) // 3]
        claim = m.claim(f"Claim number {k} says something about topic {k % 17}.", id=f"w{k}")
        (m.attack if k % 4 == 0 else m.support)(target, claim, id=f"s{k}")
        made.append(claim)
        k += 1
    return m
