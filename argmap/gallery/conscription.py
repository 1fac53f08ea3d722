"""The flagship map: the op-ed "It's a Mistake To Turn Away Russian Civilians Fleeing Conscription".

Built with the public API only, so it doubles as a worked example. Every claim carries a
``Source`` naming who said it and where, with the op-ed passage it rests on as ``quote``
(verbatim, garbled wording included). A claim is credited to the person or organisation whose
words it reports; everything else is credited to the op-ed itself, including the op-ed's own
inferences from what it quotes (a ``note`` says whom it draws on). Premises the op-ed leaves
unstated are tagged ``implicit`` and drawn dashed; nothing else is added. Where the op-ed
answers an objection, the answer is drawn; where it does not (Latvia's security reasons), the
objection stands unanswered, as in the text.

>>> m = build_map()
>>> m.thesis.label
'Accept those fleeing'
>>> sorted({c.role for c in m.claims})
['objection', 'premise', 'reason', 'rebuttal', 'thesis']
"""

from __future__ import annotations

import argmap
from argmap import Source

__all__ = ["build_map", "TITLE"]

TITLE = "It’s a Mistake To Turn Away Russian Civilians Fleeing Conscription"

_OPED = dict(title=TITLE, outlet="the op-ed")


def _oped(quote: str, kind: str = "op-ed") -> Source:
    """The op-ed itself as the source of a claim."""
    return Source(**_OPED, quote=quote, kind=kind)


def _implicit(quote: str) -> Source:
    """An unstated premise reconstructed by the mapper from this passage."""
    return Source(**_OPED, quote=quote, kind="implicit premise (added by the mapper)")


def build_map() -> argmap.ArgumentMap:
    """Build the op-ed's argument map (deterministic: same ids, same bytes every time)."""
    m = argmap.ArgumentMap(title=TITLE, source="conscription-oped.txt")

    thesis = m.claim(
        "Countries should not turn away Russian civilians fleeing conscription; "
        "accepting them would benefit any country.",
        id="thesis",
        label="Accept those fleeing",
        sources=[_oped("It’s a Mistake To Turn Away Russian Civilians Fleeing Conscription"),
                 _oped("However, this strategy is not right for many reasons. Russia’s brutishness "
                       "should be opposed and it would benefit any country to accept the Russians fleeing.")],
    )

    # --- The setting the op-ed starts from -----------------------------------------------------
    mobilization = m.claim(
        "In a speech last week, Putin set out new wartime measures: 300,000 civilians are to be "
        "forced into military service while the invasion goes on.",
        id="mobilization",
        sources=[Source(author="Vladimir Putin", title="speech on wartime measures", kind="official statement",
                        quote="Last week, Russian President Vladimir Putin gave a speech in which he proposed "
                              "new measures for wartime. Send300,000. Civilians are forced to serve in military "
                              "service while the Russian invasion continues.")],
    )
    # The op-ed cites unnamed "reports": it is the source, reporting them.
    beyond_promises = m.claim(
        "Reports say thousands of Russians have already gone into military service, despite the "
        "authorities’ claims about who would have to serve.",
        id="draft-papers",
        sources=[_oped("Although authorities claimed that Russians would only be allowed to serve in "
                       "military service and have fewer than three kids, it doesn’t appear to be the case. "
                       "According to reports, thousands of Russians have already volunteered for military "
                       "service. ReceivedDraft papers journeyedTraining locations", kind="news report")],
    )
    fleeing = m.claim(
        "Fearing an even wider draft, many Russians who do not want to join the war have fled.",
        id="many-fleeing",
        sources=[_oped("Other people are reluctant to join the Kremlin in its war. Be afraidFearing the "
                       "prospect of an even wider national draft, many have fled.", kind="news report")],
    )
    flights = m.claim(
        "Flights out of Russia sold out after Putin’s declaration.",
        id="flights-sold-out",
        sources=[_oped("While few nations continue to fly with Russia, there are many routes that lead to "
                       "Russia. All stock soldAfter Putin’s declaration.", kind="news report")],
    )
    # The op-ed reports the search trends; Google said nothing.
    searches_leave = m.claim(
        "Searches for “how to leave Russia?” surged on Google.",
        id="searches-leave",
        sources=[_oped("Google searches “how to leave Russia?” The surge.", kind="statistic")],
    )

    # --- Reason 1: manpower denial (the op-ed, drawing on Ilya Somin) ---------------------------
    somin = dict(author="Ilya Somin", outlet="Volokh Conspiracy", kind="expert opinion")
    manpower = m.claim(
        "Each Russian who is denied asylum could be another pair of boots Putin deploys on the front "
        "lines; giving them refuge deprives him of manpower.",
        id="manpower",
        label="Manpower denial",
        note="The op-ed’s own inference, drawing on Ilya Somin.",
        sources=[_oped("Each Russian who is denied asylum could be a pair of additional boots Putin can "
                       "deploy on the frontlines."),
                 _oped("providing refuge to people fleeing forcible military service will help protect "
                       "dissidents as well as deprive Putin crucial manpower")],
    )
    oppose = m.claim(
        "Russia’s brutal war should be opposed.",
        id="oppose-war",
        sources=[_oped("Russia’s brutishness should be opposed"),
                 _oped("Putin’s war against Russia is unjustified and brutal.")],
    )
    m.support(thesis, [manpower, oppose], id="manpower-step",
              scheme="argument from positive consequences")

    # Somin's words end at "setbacks.”"; the two sentences after them are the op-ed's.
    shortages = m.claim(
        "Putin turned to mobilization because of manpower shortages and mounting setbacks on the battlefield.",
        id="shortages",
        sources=[Source(**somin, quote="Russian obviously decided to bring about Putin’s “mobilization strategy”. "
                                       "manpower shortagesAnd accumulating The battlefield is not without its "
                                       "setbacks.”")],
    )
    forced = m.claim(
        "Civilians who are not allowed to flee could be made to join the fighting.",
        id="forced-to-fight",
        note="The op-ed’s own inference, drawing on Ilya Somin.",
        sources=[_oped("Instead of allowing civilians to flee, they could be made to join the Ukrainian forces.")],
    )
    m.support(manpower, [shortages, forced], id="manpower-why")
    m.support(forced, mobilization, id="mobilization-reaches")
    m.support(forced, beyond_promises, id="draft-reaches-civilians")
    m.support(manpower, fleeing, id="numbers-matter")
    m.support(fleeing, flights, id="flights-evidence")
    m.support(fleeing, searches_leave, id="searches-evidence")

    # --- Reason 2: no collective blame ---------------------------------------------------------
    no_blame = m.claim(
        "Russian civilians should not be collectively blamed, or punished, for their government’s war.",
        id="no-blame",
        label="No collective blame",
        sources=[_oped("Ascribing collective blame is another problem."),
                 _oped("This shouldn’t mean that nations should punish Russian civilians.")],
    )
    m.support(thesis, no_blame, id="no-blame-step", scheme="argument from values")
    blame = m.claim(
        "Russian civilians are to blame for not doing more to prevent their government’s sins.",
        id="blame",
        sources=[Source(author="leaders of other countries who favor closing the borders",
                        kind="official statement",
                        quote="Many leaders from other countries who favor closing the borders to Russian "
                              "civilians criticize them for not taking more action to prevent their "
                              "government’s sins.")],
    )
    blame_step = m.attack(no_blame, blame, id="blame-objection")
    protests = m.claim(
        "Thousands of Russians protested the invasion of Ukraine and were met with Putin’s cruelty.",
        id="protests",
        sources=[_oped("However, thousands of Russians protested the invasion of Ukraine and were met by "
                       "Putin’s cruelty.", kind="news report")],
    )
    prison = m.claim(
        "Demonstrators detained for protesting the mobilization order face up to 15 years in prison.",
        id="fifteen-years",
        sources=[_oped("Demonstrators RetainedAfter protesting the new mobilisation order, you could be "
                       "sentenced to up to 15 year imprisonment.", kind="news report")],
    )
    m.attack(blame_step, protests, id="protests-rebut")
    m.support(protests, prison, id="prison-evidence")
    opposition = m.claim(
        "The war meets opposition at home; support for it in Russia is not unanimous.",
        id="domestic-opposition",
        sources=[_oped("The war is based on domestic opposition. It’s not possible to have unanimity of support.")],
    )
    m.support(no_blame, opposition, id="opposition-step")
    m.support(opposition, protests, id="protests-show-opposition")
    inhumane = m.claim(
        "Trapping demonstrators inside Russia’s borders along with those actually waging the war is inhumane.",
        id="inhumane",
        sources=[_oped("Also, trapping demonstrators within Russia’s borders along with those who are actually "
                       "waging the conflict is inhumane.")],
    )
    m.support(no_blame, inhumane, id="inhumane-step")
    exclusion = m.claim(
        "Closing the borders could lead to civilians being shut out.",
        id="civilian-exclusion",
        sources=[_oped("This policy could lead to civilian exclusion.")],
    )
    m.support(no_blame, exclusion, id="exclusion-step")

    # --- Reason 3: humanitarian risk -------------------------------------------------------------
    danger = m.claim(
        "It is dangerous for Russians who want to escape Putin’s war to voice their opinions in Russia, "
        "so they should have the chance to get out.",
        id="danger",
        label="Humanitarian risk",
        sources=[_oped("Russians who want to escape Putin’s war should have an opportunity to get out, as it "
                       "is dangerous for them to voice their opinions in Russia.")],
    )
    no_return = m.claim(
        "Countries should not leave people to grave danger when they could give them refuge.",
        id="refuge-duty",
        tags=[argmap.model.IMPLICIT_TAG],
        sources=[_implicit("Instead, providing refuge to people fleeing forcible military service will help "
                           "protect dissidents")],
    )
    m.support(thesis, [danger, no_return], id="danger-step")
    vote = m.claim(
        "Russians should be free to vote with their feet.",
        id="vote-with-feet",
        sources=[Source(author="Eric Boehm", title="journalist", outlet="Reason", kind="opinion",
                        quote="writes ReasonEric Boehm,. “Let Russians vote by their feet!”")],
    )
    m.support(danger, vote, id="boehm-agrees")
    arrested = m.claim(
        "Those who oppose the war and the mobilization get arrested, beaten, and then drafted.",
        id="arrested-beaten-drafted",
        sources=[Source(outlet="NPR", kind="news report",
                        quote="SubmittedNPR reported that those who oppose war and mobilization get arrested, "
                              "beat, and then drafted.")],
    )
    m.support(danger, arrested, id="arrests-step")
    desperate = m.claim(
        "Russian conscripts now feel desperate, as they have no escape route.",
        id="desperate",
        sources=[_oped("Russian conscripts are now feeling desperate, as they don’t have an escape route.")],
    )
    m.support(danger, desperate, id="desperation-step")
    harming = m.claim(
        "Dissidents have reportedly turned to harming others, and even themselves, to avoid military service.",
        id="dissidents-harm",
        sources=[_oped("Dissidents have reportedly turned to harming others—a Russian conscript Shot a military "
                       "officer today in apparent protest of the mobilization order—and even themselves as they "
                       "try to avoid military service.", kind="news report")],
    )
    m.support(desperate, harming, id="harm-shows-desperation")
    shooting = m.claim(
        "A Russian conscript shot a military officer in apparent protest of the mobilization order.",
        id="shooting",
        sources=[_oped("a Russian conscript Shot a military officer today in apparent protest of the "
                       "mobilization order", kind="news report")],
    )
    arm = m.claim(
        "Google searches for “how do you break your arm at home?” surged after Putin’s mobilization address.",
        id="searches-arm",
        sources=[_oped("Google searches for “how do you break your arm at home?” The surgeAfter Putin’s "
                       "mobilization address", kind="statistic")],
    )
    m.support(harming, shooting, id="shooting-evidence")
    m.support(harming, arm, id="searches-arm-evidence")
    civilian = m.claim(
        "“If your opinion is against the war,” it is best to try to get away from Russia.",
        id="civilian-voice",
        sources=[Source(author="a Russian civilian who fled", outlet="NPR", kind="personal experience",
                        quote="One civilian: “If your opinion is against the war,” SubmittedNPR: After fleeing "
                              "Russia, it is best to try and get away from that country.")],
    )
    m.support(danger, civilian, id="civilian-step")

    # --- Objection: security reasons (Latvia). The op-ed never answers it. -------------------------
    security = m.claim(
        "Latvia will not issue humanitarian or any other visas to Russians who do not want to be "
        "mobilized, “for security reasons”.",
        id="security",
        label="Security reasons",
        sources=[Source(author="Edgars Rinkevics", title="Latvian Foreign Minister", kind="official statement",
                        quote="Latvian Foreign Minister Edgars Rinkevics CiteWhen he declared that Latvia wouldn’t "
                              "issue humanitarian visas or any other type of visa to Russian citizens who don’t "
                              "want to be mobilized, he said so for “security reasons”.")],
    )
    security_risk = m.claim(
        "Admitting Russians who flee mobilization would put the receiving country’s security at risk.",
        id="security-risk",
        tags=[argmap.model.IMPLICIT_TAG],
        sources=[_implicit("he said so for “security reasons”")],
    )
    # Two schemes: the harm it predicts (consequences) rests on the minister's word (position to
    # know); the model holds one scheme per step, the second goes in data["schemes"].
    m.attack(thesis, [security, security_risk], id="security-objection",
             scheme="argument from negative consequences",
             data={"schemes": ["argument from position to know"]})

    # --- Objection: no grounds for asylum (Estonia) ----------------------------------------------
    no_grounds = m.claim(
        "Being drafted into the army is not sufficient grounds for asylum.",
        id="no-grounds",
        label="No grounds for asylum",
        sources=[Source(author="Urmas Reinsalu", title="Estonian Foreign Minister", kind="official statement",
                        quote="Estonian Foreign Minister Urmas reinsalu claimed that being drafted to the army "
                              "did not provide sufficient grounds for asylum.”")],
    )
    grounds_step = m.attack(thesis, no_grounds, id="no-grounds-objection")

    # --- Objection: the neighbours refuse refuge -------------------------------------------------
    neighbours = m.claim(
        "Poland and all the Baltic states say they will not offer refuge to Russian soldiers who refuse to serve.",
        id="neighbours-refuse",
        label="Neighbours refuse refuge",
        sources=[_oped("Many of Russia’s neighbors are refusing to open their doors for civilians who flee "
                       "forced military service.", kind="news report"),
                 Source(author="the governments of Poland and the Baltic states", kind="official statement",
                        quote="Poland and all Baltic countries Say itThey will not offer refuge to Russian "
                              "soldiers who refuse to serve.")],
    )
    neighbours_step = m.attack(thesis, neighbours, id="neighbours-objection")

    # --- The op-ed's answers: Germany stands out; the repression deserters face --------------------
    germany = m.claim(
        "Unlike the rest of Europe, Germany opens its doors to Russians fleeing forced military service.",
        id="germany-welcomes",
        label="Germany’s stance",
        sources=[_oped("Germany stands out from the rest of Europe in this regard.")],
    )
    m.attack(neighbours_step, germany, id="germany-rebuts-neighbours")
    welcome = m.claim(
        "Many Russians are leaving their homeland, and anyone who hates Putin’s path and loves liberal "
        "democracy is welcome in Germany.",
        id="buschmann",
        sources=[Source(author="Marco Buschmann", title="German Justice Minister", outlet="Twitter",
                        kind="official statement",
                        quote="German Justice Minister Marco Buschmann Twitter, “Many Russians are leaving their "
                              "homeland—anyone who hates Putin’s path and loves liberal democracy is welcome in "
                              "Germany.”")],
    )
    m.support(germany, welcome, id="buschmann-step")
    protection = m.claim(
        "The German government can give international protection to deserters under severe repression.",
        id="protection",
        sources=[Source(author="Nancy Faeser", title="German Interior Minister", kind="official statement",
                        quote="German Interior Minister Nancy Faeser similarly Not notedThe German government can "
                              "provide international protection to “deserters under severe repression”")],
    )
    m.support(germany, protection, id="faeser-step")
    repression = m.claim(
        "Putin signed laws last week under which deserting, surrendering and refusing to serve carry "
        "a minimum 10-year sentence.",
        id="ten-years",
        sources=[_oped("This is a vital guarantee for Russians as Putin demonstrated it last week SignatureLaws "
                       "that can punish deserters, surrenders and resistants of service will carry a minimum "
                       "10-year sentence.", kind="news report")],
    )
    # Protection for deserters under severe repression, and the repression they face: the op-ed's
    # answer to "being drafted is no grounds for asylum".
    m.attack(grounds_step, [protection, repression], id="repression-rebuts-no-grounds")
    return m
