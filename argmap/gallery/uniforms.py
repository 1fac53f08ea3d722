"""A second example: a classroom debate on "Our school should require uniforms".

Built with the public API. The debaters (a Pro and a Con team) are illustrative; the outside
sources they cite are real and named: the U.S. Supreme Court's *Tinker v. Des Moines* (1969),
President Clinton's 1996 State of the Union address, the U.S. Department of Education's *Manual
on School Uniforms* (1996, which reported Long Beach's experience) and Brunsma and Rockquemore's
1998 study in *The Journal of Educational Research*. Quotes are given only where the wording is
the source's own; elsewhere the claim is the debater's summary.

For teaching it carries:

- schemes on its steps (consequences, values, an established rule, correlation to cause, a
  slippery slope, an example), and ``answers`` links: objections that take up critical
  questions (so ``argmap questions`` shows some answered, some open);
- debate data: each claim's ``side`` (``pro``/``con``) and ``speech``; the speeches in order in
  ``m.meta["speeches"]``. Con's cost objection is never answered by Pro (a dropped argument) and
  the slippery slope first appears in Con's rebuttal (an argument new in rebuttal);
- an implicit premise (tagged ``implicit``).

>>> m = build_map()
>>> m.thesis.id, len(m.claims), len(m.inferences)
('uniforms', 13, 11)
>>> sorted({c.data["side"] for c in m.claims})
['con', 'pro']
"""

from __future__ import annotations

import argmap
from argmap import Source
from argmap.model import IMPLICIT_TAG

__all__ = ["build_map", "TITLE", "SPEECHES"]

TITLE = "Should our school require uniforms?"

SPEECHES = ("Pro constructive", "Con constructive", "Pro rebuttal", "Con rebuttal")

_TINKER = dict(author="U.S. Supreme Court (Justice Abe Fortas, for the Court)",
               title="Tinker v. Des Moines Independent Community School District, 393 U.S. 503",
               date="1969", kind="law")
_MANUAL = dict(author="U.S. Department of Education", title="Manual on School Uniforms", date="1996",
               kind="official statement")
_STUDY = dict(author="David L. Brunsma and Kerry A. Rockquemore",
              title="Effects of Student Uniforms on Attendance, Behavior Problems, Substance Use, "
                    "and Academic Achievement",
              outlet="The Journal of Educational Research", date="1998", kind="statistic")


def _debater(side: str, speech: str, kind: str | None = None) -> Source:
    """A debater of the (illustrative) classroom debate as the source of a claim."""
    team = "Pro" if side == "pro" else "Con"
    return Source(author=f"{team} team", title=f"classroom debate, {speech} (illustrative)", kind=kind)


def build_map() -> argmap.ArgumentMap:
    """Build the uniforms debate map (deterministic: same ids, same bytes every time)."""
    m = argmap.ArgumentMap(title=TITLE, speeches=list(SPEECHES))
    pro1, con1, pro2, con2 = SPEECHES

    def side(s: str, speech: str) -> dict[str, str]:
        return {"side": s, "speech": speech}

    thesis = m.claim("Our school should require students to wear uniforms.", id="uniforms",
                     label="Require uniforms", sources=[_debater("pro", pro1)], data=side("pro", pro1))

    # --- Pro: less pressure over clothes ----------------------------------------------------------
    pressure = m.claim(
        "Uniforms reduce teasing and pressure over expensive, brand-name clothes.",
        id="less-pressure", label="Less pressure",
        sources=[Source(author="Bill Clinton", title="State of the Union address", date="1996",
                        kind="official statement",
                        quote="if it means that teenagers will stop killing each other over designer "
                              "jackets, then our public schools should be able to require their students "
                              "to wear school uniforms"),
                 Source(**_MANUAL)],
        data=side("pro", pro1),
    )
    learning = m.claim(
        "Less teasing over clothes makes school a better place to learn.",
        id="better-learning", tags=[IMPLICIT_TAG], sources=[_debater("pro", pro1)], data=side("pro", pro1),
    )
    pressure_step = m.support(thesis, [pressure, learning], id="pressure-step", scheme="positive consequences")
    teased = m.claim(
        "Students in our class say they have been teased for wearing cheap or unbranded clothes.",
        id="teased", sources=[_debater("pro", pro1, kind="personal experience")], data=side("pro", pro1),
    )
    m.support(pressure, teased, id="teased-example", scheme="argument from example")

    study = m.claim(
        "A national study of U.S. high-school students found that uniforms had no direct effect on "
        "behaviour problems or attendance.",
        id="no-effect", label="No measured effect",
        sources=[Source(**_STUDY)], data=side("con", con1),
    )
    study_step = m.attack(pressure, study, id="study-objection",
                          data={"answers": "positive-consequences:evidence"})

    long_beach = m.claim(
        "After Long Beach, California, required uniforms in its elementary and middle schools in 1994, "
        "the district reported fewer fights, suspensions and other discipline problems.",
        id="long-beach", label="Long Beach",
        sources=[Source(**_MANUAL)], data=side("pro", pro2),
    )
    long_beach_step = m.attack(study_step, long_beach, id="long-beach-rebuttal", scheme="correlation to cause")
    m.undercut(long_beach_step, m.claim(
        "Long Beach brought in other safety measures in the same years, so the drop cannot be put "
        "down to uniforms alone.",
        id="other-measures", sources=[_debater("con", con2)], data=side("con", con2),
    ), id="other-measures-undercut", data={"answers": "correlation-to-cause:third"})

    # --- Pro: cost ------------------------------------------------------------------------------
    cheaper = m.claim(
        "A few uniform sets cost families less over a school year than keeping up with fashion.",
        id="cheaper", label="Saves money", sources=[_debater("pro", pro1)], data=side("pro", pro1),
    )
    m.support(thesis, cheaper, id="cost-step", scheme="positive consequences")
    extra_cost = m.claim(
        "Families still buy everyday clothes for outside school, so uniforms are an extra cost, "
        "and the poorest families feel it most.",
        id="extra-cost", sources=[_debater("con", con1)], data=side("con", con1),
    )
    # Never answered by Pro: a dropped argument.
    m.attack(cheaper, extra_cost, id="extra-cost-objection", data={"answers": "positive-consequences:likely"})

    # --- Con: freedom of expression -------------------------------------------------------------
    expression = m.claim(
        "A uniform rule limits how students can express who they are.",
        id="expression", label="Free expression", sources=[_debater("con", con1)], data=side("con", con1),
    )
    m.attack(thesis, expression, id="expression-objection", scheme="argument from values")
    tinker = m.claim(
        "Students do not give up their rights to free speech and expression at school.",
        id="tinker",
        sources=[Source(**_TINKER, quote="It can hardly be argued that either students or teachers shed "
                                         "their constitutional rights to freedom of speech or expression "
                                         "at the schoolhouse gate.")],
        data=side("con", con1),
    )
    m.support(expression, tinker, id="tinker-step", scheme="established rule")
    other_ways = m.claim(
        "Students can still express themselves through what they say, write and create, and through "
        "clubs, badges and hairstyles the policy allows.",
        id="other-ways", sources=[_debater("pro", pro2)], data=side("pro", pro2),
    )
    m.attack(expression, other_ways, id="other-ways-rebuttal", data={"answers": "values:promotes"})

    # --- Con rebuttal: a slippery slope, new in the last speech ----------------------------------
    slope = m.claim(
        "Once the school can dictate clothing, it will go on to rule on hair, jewellery and bags.",
        id="slope", label="Where does it stop?", sources=[_debater("con", con2)], data=side("con", con2),
    )
    m.attack(thesis, slope, id="slope-objection", scheme="slippery slope")
    del pressure_step
    return m
