"""The personalisation judgements, on phrasings beyond each rule's own examples."""
from __future__ import annotations

import pytest

from outreach_coach.linting.checks.recipient import addresses_name, name_parts
from outreach_coach.understanding.listed_work import content_stems, stem

from ..conftest import rule_ids


def case(rule: str, text: str, fires: bool, label: str):
    return pytest.param(rule, text, fires, id=f"{rule}-{'fires' if fires else 'passes'}-{label}")


CASES = [
    # no-reference-to-their-work: pieces named in the text
    case("no-reference-to-their-work", "Hi Bo,\n\nI listened to episode 47 of your podcast, the one with the luthier.\n\nAmy",
         False, "numbered-episode-of-yours"),
    case("no-reference-to-their-work", "Hi Bo,\n\nYour pull request fixing the Windows path bug taught me a lot.\n\nAmy",
         False, "pull-request"),
    case("no-reference-to-their-work", "Hi Bo,\n\nI read your op-ed in the Globe on rent control twice.\n\nAmy",
         False, "hyphenated-op-ed"),
    case("no-reference-to-their-work", "Hi Bo,\n\nWe deployed the Helm chart you published for the clinic scheduler.\n\nAmy",
         False, "relative-clause"),
    case("no-reference-to-their-work", "Hi Bo,\n\nYour research on coral spawning under heat stress shaped my thesis.\n\nAmy",
         False, "research-on-topic"),
    case("no-reference-to-their-work", "Hi Bo,\n\nI saw your recent post and really liked it.\n\nAmy", True, "vague-modifier"),
    case("no-reference-to-their-work", "Hi Bo,\n\nI have been following your research and your blog for years.\n\nAmy",
         True, "bare-research-and-blog"),
    case("no-reference-to-their-work", "Hi Bo,\n\nI noticed you lead the pediatric ward at St. Mary's.\n\nAmy",
         True, "their-job-is-not-a-piece"),
    case("no-reference-to-their-work",
         "---\nto: {name: Bo, work: [\"book: The Quiet Orchard\"]}\n---\nHi Bo,\n\nI finished The Quiet Orchard on a night"
         " shift and it changed how I talk to families.\n\nAmy", False, "listed-title-in-full"),
    case("no-reference-to-their-work",
         "---\nto: {name: Bo, work: [\"post: Pricing strategy for indie game studios\"]}\n---\nHi Bo,\n\nWhat do you think"
         " about pricing for indie studios these days?\n\nAmy", True, "listed-topic-without-the-piece"),
    case("no-reference-to-their-work",
         "---\nto: {name: Bo, work: [\"talk: Reading mammograms with two readers (RSNA)\"]}\n---\nHi Bo,\n\nYour RSNA talk"
         " convinced our unit to try double reading.\n\nAmy", False, "listed-venue"),
    case("no-reference-to-their-work",
         "---\nto: {name: Bo, type: hiring-manager}\n---\nHi Bo,\n\nI applied for the staff illustrator opening on your"
         " team.\n\nAmy", False, "hiring-manager-role"),
    case("no-reference-to-their-work", "Hi Bo,\n\nI heard you speak at the Denver Nursing Summit about fall prevention.\n\nAmy",
         False, "told-by-the-act"),
    case("no-reference-to-their-work", "Hi Bo,\n\nI saw that you spoke at a conference last year.\n\nAmy", True,
         "act-without-specifics"),
    case("no-reference-to-their-work", "Hi Bo,\n\nI saw your post on LinkedIn and wanted to connect.\n\nAmy", True,
         "platform-is-not-a-topic"),
    case("no-reference-to-their-work", "Hi Bo,\n\nI saw your LinkedIn post about onboarding night-shift nurses.\n\nAmy",
         False, "platform-and-topic"),
    case("no-reference-to-their-work", "Hi Bo,\n\nI just read \"Counting Birds at Dawn\" in Audubon and tried your method.\n\nAmy",
         False, "quoted-title"),
    case("no-reference-to-their-work", "Hi Bo,\n\nI've been using your Figma kit for accessible forms.\n\nAmy", False,
         "kit-with-topic"),
    case("no-reference-to-their-work", "Hi Bo,\n\nI checked out your website and portfolio; your projects are cool.\n\nAmy",
         True, "website-and-portfolio"),
    case("no-reference-to-their-work",
         "---\nto: {name: Bo Lind, org: Fernhill Clinic}\n---\nHi Bo,\n\nFernhill's guide to wound dressings for home carers"
         " is pinned in our staff room.\n\nAmy", False, "named-owner"),
    case("no-reference-to-their-work",
         "---\nto: {name: Bo Lind}\n---\nHi Bo,\n\nMy aunt's guide to wound dressings is pinned in our staff room.\n\nAmy",
         True, "someone-else-owns-it"),
    case("no-reference-to-their-work",
         "---\nto: {name: Bo, work: [\"podcast: Night Shift Notes\"]}\n---\nHi Bo,\n\nI listen to your podcast on my"
         " commute home.\n\nAmy", False, "listed-one-of-a-kind"),
    case("no-reference-to-their-work",
         "---\nto: {name: Bo, work: [\"post: Night Shift Notes\"]}\n---\nHi Bo,\n\nI read your post on my commute.\n\nAmy",
         True, "listed-one-of-many"),
    # generic-praise
    case("generic-praise", "Hi Bo,\n\nYou're doing amazing things in climate law.\n\nAmy", True, "you-do-amazing-things"),
    case("generic-praise", "Hi Bo,\n\nYou are an inspiration to every nurse I know.\n\nAmy", True, "inspiration"),
    case("generic-praise", "Hi Bo,\n\nI really admire what you do.\n\nAmy", True, "admire-what-you-do"),
    case("generic-praise", "Hi Bo,\n\nThe impact you've had on open hardware is impressive.\n\nAmy", True, "impact-you-had"),
    case("generic-praise", "Hi Bo,\n\nI found your profile fascinating.\n\nAmy", True, "found-profile-fascinating"),
    case("generic-praise", "Hi Bo,\n\nI'd love your feedback on my draft brief.\n\nAmy", False, "love-as-request"),
    case("generic-praise", "Hi Bo,\n\nHope you had a great weekend at the festival.\n\nAmy", False, "great-weekend"),
    case("generic-praise", "Hi Bo,\n\nHe's a great person to ask about your questions.\n\nAmy", False, "third-party"),
    case("generic-praise", "Hi Bo,\n\nI'm a huge fan of jazz piano myself.\n\nAmy", False, "fan-of-something-else"),
    case("generic-praise", "Hi Bo,\n\nYou have such an impressive background.\n\nAmy", True, "you-have-impressive"),
    case("generic-praise",
         "---\nto: {name: Bo, work: [\"repo: tidewatch\"]}\n---\nHi Bo,\n\nHuge fan! I mapped our harbour sensors using"
         " tidewatch as the base.\n\nAmy", False, "fan-backed-by-use"),
    case("generic-praise",
         "Hi Bo,\n\nYour tutorial on glaze chemistry was brilliant: the cone 6 table saved me a whole kiln load.\n\nAmy",
         False, "praise-with-piece-and-effect"),
    case("generic-praise", "Hi Bo,\n\nYour research is truly groundbreaking.\n\nAmy", True, "participle-praise"),
    case("generic-praise", "Hi Bo,\n\nI'm so impressed with everything you've accomplished.\n\nAmy", True, "impressed-with"),
    case("generic-praise", "Hi Bo,\n\nYou are inspiring me to apply for the residency.\n\nAmy", False, "verb-with-object"),
    case("generic-praise",
         "---\nkind: thank-you\n---\nHi Bo,\n\nYour advice on pricing was invaluable: I raised my rates the next week.\n\nAmy",
         False, "particular-praise-with-effect"),
    case("generic-praise", "Hi Bo,\n\nYour advice on pricing was invaluable. I would love to learn more.\n\nAmy", True,
         "a-wish-is-not-an-effect"),
    case("generic-praise", "Hi Bo,\n\nYour work is amazing. I used a planner to schedule my week.\n\nAmy", True,
         "unrelated-effect"),
    case("generic-praise", "Hi Petra,\n\nYou're probably the best person to ask about wind slabs on north aspects."
         "\n\nOlek", False, "best-person-to-ask-is-fit-not-praise"),
    case("generic-praise", "Hi Petra,\n\nYou're the best forecaster in the range.\n\nOlek", True, "best-of-a-field"),
    case("generic-praise", "Hi Petra,\n\nYou are the most senior forecaster at the center, so I'm writing to you about"
         " the bulletin.\n\nOlek", False, "superlative-that-ranks-nothing-good"),
    # unused-common-ground
    case("unused-common-ground",
         "---\nto: {name: Bo, shared: [\"Georgetown Law\"]}\n---\nHi Bo,\n\nI'm a Georgetown 3L.\n\nAmy", False,
         "school-without-its-kind"),
    case("unused-common-ground",
         "---\nto: {name: Bo, shared: [\"competitive rowing\"]}\n---\nHi Bo,\n\nFellow rower here.\n\nAmy", False,
         "rower-for-rowing"),
    case("unused-common-ground",
         "---\nto: {name: Bo, shared: [\"Teach For America\"]}\n---\nHi Bo,\n\nI taught with TFA in Tulsa.\n\nAmy",
         False, "acronym"),
    case("unused-common-ground",
         "---\nto: {name: Bo, shared: [\"the Portland Marathon\"]}\n---\nHi Bo,\n\nI ran Portland last year too.\n\nAmy",
         False, "partial-with-cue"),
    case("unused-common-ground",
         "---\nto: {name: Bo, shared: [\"University of Texas at Austin\"]}\n---\nHi Bo,\n\nI'm moving to Austin in May.\n\nAmy",
         True, "city-is-not-the-school"),
    case("unused-common-ground",
         "---\nkind: follow-up\nto: {name: Bo, shared: [\"Oberlin College\"]}\n---\nHi Bo,\n\nJust a nudge.\n\nAmy",
         False, "not-a-first-contact"),
    # no-reference-to-their-work: a piece named from the parse (reader's crew, section numbers, releases, dates)
    case("no-reference-to-their-work", "Hi Dr. Okoro,\n\nI read the site report on the sauropod trackway your field"
         " crew excavated near Moab.\n\nBest,\nLena", False, "made-by-the-readers-crew"),
    case("no-reference-to-their-work", "Hi Dr. Okoro,\n\nI read a site report on a sauropod trackway near Moab.\n\n"
         "Best,\nLena", True, "some-report-of-someone"),
    case("no-reference-to-their-work", "Hi Dr. Okoro,\n\nFig. 4 of your paper shows the wear facets I keep missing on"
         " hadrosaur teeth.\n\nBest,\nLena", False, "figure-number"),
    case("no-reference-to-their-work", "Hi Dr. Okoro,\n\nYour papers show the wear facets I keep missing on hadrosaur"
         " teeth.\n\nBest,\nLena", True, "papers-in-general"),
    case("no-reference-to-their-work", "Hi Ruth,\n\nHeads-up on snowpit-tools 2.4.1: the density export drops the last"
         " layer of each pit.\n\nBest,\nOlek", False, "release-number"),
    case("no-reference-to-their-work", "Hi Ruth,\n\nHeads-up: the density export in the snowpit app drops the last"
         " layer of each pit.\n\nBest,\nOlek", True, "unnamed-app"),
    case("no-reference-to-their-work", "Hi Marco,\n\nThe French-polish session you ran at our guild in 2022 is why I"
         " switched to shellac.\n\nBest,\nKai", False, "dated-act-of-theirs"),
    case("no-reference-to-their-work", "Hi Marco,\n\nThe French-polish sessions you run at the guild are why I switched"
         " to shellac.\n\nBest,\nKai", True, "standing-activity"),
    case("no-reference-to-their-work",
         "---\nto: {name: Dr. Okoro, work: [\"paper: Tooth wear in Late Cretaceous hadrosaurs\"]}\n---\nDear Dr. Okoro,"
         "\n\nI can send our own analysis of tooth wear in hadrosaurs from the Judith River beds.\n\nBest,\nLena", True,
         "writers-own-piece-shares-the-words"),
    case("no-reference-to-their-work",
         "---\nto: {name: Dr. Okoro, work: [\"paper: Tooth wear in Late Cretaceous hadrosaurs\"]}\n---\nDear Dr. Okoro,"
         "\n\nI read your paper on tooth wear in hadrosaurs and have one question.\n\nBest,\nLena", False,
         "listed-paper-in-other-words"),
    case("no-reference-to-their-work", "Hi Dr. Okoro,\n\nI listened to episode 41 of your podcast twice.\n\nLena",
         False, "numbered-episode-the-tagger-reads-as-a-verb"),
    case("no-reference-to-their-work", "Hi Dr. Okoro,\n\nI listened to your podcast twice.\n\nLena", True,
         "unnumbered-podcast"),
    case("no-reference-to-their-work", "Hi Petra,\n\nI read the bulletin post about your new snow-study plot on Mill"
         " Ridge.\n\nOlek", False, "about-a-named-thing-of-theirs"),
    case("no-reference-to-their-work", "Hi Petra,\n\nI read the bulletin post about your avalanche center.\n\nOlek",
         True, "about-their-employer"),
    case("no-reference-to-their-work", "Hi Petra,\n\nThe pit-testing clinic you ran for our patrol last winter changed"
         " how we dig.\n\nOlek", False, "dated-occasion"),
    case("no-reference-to-their-work", "Hi Petra,\n\nI noticed the avalanche center you joined in 2019.\n\nOlek", True,
         "dated-membership-is-an-employer"),
    # generic-praise: flattery of the person, decided from what is praised
    case("generic-praise", "Hi Marco,\n\nI'm in awe of you and everything you build.\n\nKai", True, "awe-of-you"),
    case("generic-praise", "Hi Marco,\n\nI'm in awe of your archtop bracing video: copying the X-brace angles stopped"
         " my tops from cracking.\n\nKai", False, "awe-of-a-piece-with-effect"),
    case("generic-praise", "Hi Petra,\n\nYou've been a guiding light for those of us who forecast on weekends.\n\nOlek",
         True, "model-for-everyone"),
    case("generic-praise", "Hi Petra,\n\nYou've been a forecaster for the Wasatch center since 2015, so I have one"
         " question about wind loading.\n\nOlek", False, "a-job-for-an-organisation"),
    # generic-greeting
    case("generic-greeting", "Dear Acme Hiring Team,\n\nI applied to the nurse role.\n\nAmy", True, "team-head"),
    case("generic-greeting", "Hey Team Lumen,\n\nI applied to the nurse role.\n\nAmy", True, "team-first"),
    case("generic-greeting", "Hi all,\n\nI applied to the nurse role.\n\nAmy", True, "all"),
    case("generic-greeting", "Dear Mr. Baker,\n\nI applied to the nurse role.\n\nAmy", False, "title-and-surname"),
    case("generic-greeting", "Dear Professor Okafor,\n\nI read your paper.\n\nAmy", False, "professor-and-name"),
    case("generic-greeting", "---\nto: {name: Katherine Moss}\n---\nHi Kat,\n\nI read your paper.\n\nAmy", False,
         "short-form"),
    case("generic-greeting", "---\nto: {name: Katherine Moss}\n---\nGood morning,\n\nI read your paper.\n\nAmy", True,
         "nameless-when-name-known"),
    case("generic-greeting", "---\nto: {name: Katherine Moss}\n---\nGood day,\n\nI read your paper.\n\nAmy", True,
         "good-day-without-name"),
    case("generic-greeting", "Respected Sir,\n\nI read your paper.\n\nAmy", True, "respected-sir"),
    # vague-subject
    case("vague-subject", "---\nsubject: Seeking mentorship\n---\nHi Bo,\n\nI'm a nurse.\n\nAmy", True, "mentorship"),
    case("vague-subject", "---\nsubject: Job opportunity\n---\nHi Bo,\n\nI'm a nurse.\n\nAmy", True, "job-opportunity"),
    case("vague-subject", "---\nsubject: Touching base\n---\nHi Bo,\n\nI'm a nurse.\n\nAmy", True, "touching-base"),
    case("vague-subject", "---\nsubject: Brain-picking over lunch?\n---\nHi Bo,\n\nI'm a nurse.\n\nAmy", True,
         "brain-picking"),
    case("vague-subject", "---\nsubject: Your work\n---\nHi Bo,\n\nI'm a nurse.\n\nAmy", True, "your-work"),
    case("vague-subject", "---\nsubject: Hello from Amy\n---\nHi Bo,\n\nI'm a nurse.\n\nBest,\nAmy Lund", True,
         "writer-name-is-not-a-topic"),
    case("vague-subject", "---\nsubject: Your ICU staffing model and night float\n---\nHi Bo,\n\nI'm a nurse.\n\nAmy",
         False, "specific"),
    case("vague-subject", "---\nsubject: Nice meeting you at NurseCon\n---\nHi Bo,\n\nGreat talk.\n\nAmy", False,
         "names-the-event"),
    # unfilled-placeholder
    # generic-praise: pleasantries about their week or life praise nothing of theirs
    case("generic-praise", "---\nkind: follow-up\n---\nHi Bo,\n\nHope your semester is going brilliantly! A nudge on "
         "the orchard survey I sent.\n\nAmy", False, "hope-semester"),
    case("generic-praise", "Hi Bo,\n\nI trust your spring has been wonderful. One question about pruning.\n\nAmy", False,
         "trust-spring"),
    case("generic-praise", "Hi Bo,\n\nYour pruning videos are wonderful!\n\nAmy", True, "videos-wonderful"),
    case("unfilled-placeholder", "Hi <<Name>>,\n\nI read your paper.\n\nAmy", True, "double-angle"),
    case("unfilled-placeholder", "Hi ____,\n\nI read your paper.\n\nAmy", True, "blank"),
    case("unfilled-placeholder", "Hi Bo,\n\nPlease insert company name here.\n\nAmy", True, "insert-here"),
    case("unfilled-placeholder", "Hi Bo,\n\nMy notes are at <https://example.org/notes>.\n\nAmy", False, "angle-url"),
    case("unfilled-placeholder", "Hi Bo,\n\nThe line breaks with <br> in the old template.\n\nAmy", False, "html-tag"),
]


@pytest.mark.parametrize("rule, text, fires", CASES)
def test_personal_rule(lint, rule, text, fires):
    assert (rule in rule_ids(lint(text))) == fires


def test_stem_forgives_inflection():
    assert stem("forecasting") == stem("forecast")
    assert stem("models") == stem("model")
    assert stem("rower") == stem("rowing")
    assert content_stems("The Art of Glazing") == {stem("art"), stem("glazing")}


def test_name_parts_drop_titles_and_match_short_forms():
    parts = name_parts("Dr. Mei-Ling Chou")
    assert parts == ["mei-ling", "chou"]
    assert addresses_name(["mei"], parts)
    assert addresses_name(["chou"], parts)
    assert not addresses_name(["team"], parts)
