"""The ask rules on messages of our own, in several fields: what fires and what stays quiet."""
from __future__ import annotations

import pytest

from .conftest import rule_ids

ASK_RULES = {"pick-your-brain", "no-agenda", "unbounded-time-ask", "broad-question", "job-ask", "intro-only-ask",
             "vague-future-networking", "no-value-offered"}

# One rule, one short message: does it fire?
CASES = [
    ("Hi Sara, I'm a first-year teacher. Could I pick your brain about classroom management sometime?", 'pick-your-brain', True),
    ('---\nsubject: Picking your brain\n---\nHi Sara, one question about your phonics post.', 'pick-your-brain', True),
    ("Hi Sara, I'd love to pick ur brain on grant writing.", 'pick-your-brain', True),
    ("Hi Sara, instead of picking your brain, I'll ask one thing: how long is your phonics block?", 'pick-your-brain', False),
    ("Hi Sara, I don't want to pick your brain for hours; here is my single question about your phonics block.", 'pick-your-brain', False),
    ('Hi Sara, my students always want to pick your brain after your workshops.', 'pick-your-brain', False),
    ("Hi Omar, I'm a nursing student. Would you be open to a 15-minute call to talk about nursing?", 'no-agenda', True),
    ("Hi Omar, I'm a nursing student. Would you be open to a 15-minute call to talk about how your ward introduced bedside handover?", 'no-agenda', False),
    ("Hi Omar, would you have 20 minutes for a Zoom call? I'd love to learn about your journey.", 'no-agenda', True),
    ('Hi Omar, could we chat for 20 minutes? My question: how did your unit cut falls at night?', 'no-agenda', False),
    ('Hi Omar, could we chat for 20 minutes? My question: how did your unit cut falls at night?', 'unbounded-time-ask', False),
    ('Hi Omar, could we meet for a short chat about your falls-prevention audit?', 'unbounded-time-ask', True),
    ('Hi Omar, could we meet for a short chat about your falls-prevention audit?', 'no-agenda', False),
    ('Hi Omar, could you answer one question by email: how did your unit cut falls at night?', 'unbounded-time-ask', False),
    ('Hi Omar, could you answer one question by email: how did your unit cut falls at night?', 'no-agenda', False),
    ("Hi Omar, I'd love to get coffee with you sometime and talk shop.", 'unbounded-time-ask', True),
    ("Hi Omar, I'd love to get coffee with you sometime and talk shop.", 'no-agenda', True),
    ("Hi Omar, I'd love to catch up with you over Zoom.", 'unbounded-time-ask', True),
    ('Hi Omar, thanks for the chat yesterday; your tip on the audit tool worked.', 'unbounded-time-ask', False),
    ('Hi Dana, can I steal half an hour of your time next week to walk through the contract clause you flagged in your newsletter?', 'unbounded-time-ask', False),
    ('Hi Dana, can I steal half an hour of your time next week to walk through the contract clause you flagged in your newsletter?', 'no-agenda', False),
    ('Hi Dana, would you be up for a call? I have a few questions.', 'no-agenda', True),
    ('Hi Nina, what advice would you give to someone starting out in graphic design?', 'broad-question', True),
    ('Hi Nina, how did you break into illustration?', 'broad-question', True),
    ('Hi Nina, what is it like working at a big agency?', 'broad-question', True),
    ('Hi Nina, in your poster series, why did you switch from Futura to a grotesque for the headlines?', 'broad-question', False),
    ('Hi Nina, how did you print the gradients in your riso zine without banding?', 'broad-question', False),
    ("Hi Nina, I'd welcome any tips you have.", 'broad-question', True),
    ('Hi Nina, what skills do I need to become a UX designer?', 'broad-question', True),
    ('Hi Nina, thanks for the riso tips; they fixed my banding.', 'broad-question', False),
    ('Hi Leo, does your firm have any openings for junior associates?', 'job-ask', True),
    ("Hi Leo, I'd love to join your team at the clinic.", 'job-ask', True),
    ('Hi Leo, could you put in a good word for me with your hiring manager?', 'job-ask', True),
    ('Hi Leo, could you forward my CV to your recruiter?', 'job-ask', True),
    ('Hi Leo, is your lab taking on any new PhD students next year?', 'job-ask', False),
    ('Hi Leo, how does your firm decide which associates go to trial?', 'job-ask', False),
    ('Hi Leo, I recently started a new job at a litigation boutique.', 'job-ask', False),
    ('Hi Leo, if you are ever hiring a part-time cellist, please keep me in mind.', 'job-ask', True),
    ('Hi Rosa, could you introduce me to your editor at the magazine?', 'intro-only-ask', True),
    ('Hi Rosa, would you mind connecting me with someone on the grants team?', 'intro-only-ask', True),
    ("Hi Rosa, I'd like to introduce myself: I run a small press in Bristol.", 'intro-only-ask', False),
    ('Hi Rosa, I could introduce you to the editor of our journal if that helps.', 'intro-only-ask', False),
    ('Hi Rosa, would you be open to an intro to our head of partnerships?', 'intro-only-ask', False),
    ("Hi Kim, I'm hoping to broaden my network in the biotech space.", 'vague-future-networking', True),
    ('Hi Kim, it would be great to connect in case any opportunities arise down the road.', 'vague-future-networking', True),
    ("Hi Kim, let's keep in touch, maybe someday we can work together.", 'vague-future-networking', True),
    ("Hi Kim, I'd like to follow your posts on CRISPR screening.", 'vague-future-networking', False),
    ('Hi Kim, your network analysis of protein interactions was great.', 'vague-future-networking', False),
    ('Hi Abe, could you tell me how you tune the reverb on your live sets?', 'no-value-offered', True),
    ('Hi Abe, could you tell me how you tune the reverb on your live sets? I recorded a comparison of three plate settings and can send it over.', 'no-value-offered', False),
    ('Hi Abe, could you review my demo? Happy to buy you a coffee.', 'no-value-offered', True),
    ('Hi Abe, I found a broken download link on your sample pack page. Could you tell me where the stems live now?', 'no-value-offered', False),
    ("Hi Abe, could you tell me where the stems live now? If it's useful, I wrote a short guide to using your pack in Ableton: https://example.org/guide", 'no-value-offered', False),
    ('Hi Abe, could you share your mixing template? Thanks so much for all your videos, they taught me a lot.', 'no-value-offered', True),
    ("Hi Abe, I'd be glad to test the beta of your plugin and send you a bug list. Could I get early access?", 'no-value-offered', False),
    ("Hi Abe, I can send my portfolio if you'd like. Could you tell me if you're taking interns?", 'no-value-offered', True),
    ('Hi Abe, I can introduce you to the sound team at our theatre, who are looking for a new reverb. Would you be open to that?', 'no-value-offered', False),
    ('Hi Ali, do you have time to hop on a call?', 'unbounded-time-ask', True),
    ('Hi Ali, do you have time to hop on a call?', 'no-agenda', True),
    ("Hi Ali, let me know when you're free to chat.", 'no-agenda', True),
    ('Hi Ali, are you free for a coffee sometime next week?', 'unbounded-time-ask', True),
    ("Hi Ali, I'd love to buy you a coffee and hear your story.", 'no-agenda', True),
    ('Hi Ali, could we set up a time to talk?', 'unbounded-time-ask', True),
    ('Hi Ali, would you consider me for the design intern position?', 'job-ask', True),
    ('Hi Ali, can you refer me?', 'job-ask', True),
    ("Hi Ali, I'm looking to make new connections in the legal field.", 'vague-future-networking', True),
    ("Hi Ali, I'm reaching out to connect with other professionals in nursing.", 'vague-future-networking', True),
    ('Hi Ali, I think we could build a mutually beneficial relationship.', 'vague-future-networking', True),
    ('Hi Ali, what does a typical day look like for you?', 'broad-question', True),
    ('Hi Ali, do you have any book recommendations?', 'broad-question', True),
    ("Hi Ali, I'd love to connect with you about your post on tidal turbines.", 'vague-future-networking', False),
    ('Hi Ali, would you be willing to chat about how your firm prices fixed-fee immigration cases?', 'no-agenda', False),
    ('Hi Ali, which of your two glaze recipes holds up better in a wood kiln?', 'broad-question', False),
    ('Hi Bo, could you share the call for papers for the spring workshop?', 'unbounded-time-ask', False),
    ('Hi Bo, could you recommend a coffee grinder for our cafe?', 'unbounded-time-ask', False),
    ('Hi Bo, could you send the recording of your session at the nursing conference?', 'no-agenda', False),
    ('Hi Bo, could you share the notes from the board meeting?', 'unbounded-time-ask', False),
    ('Hi Bo, could we get on a call this week?', 'unbounded-time-ask', True),
    ('Hi Bo, would a coffee next Tuesday work for you?', 'unbounded-time-ask', True),
    ("Hi Bo, I'd love to grab lunch sometime.", 'unbounded-time-ask', True),
    ("Hi Uma, I've applied for the open role on your team and would love to ask how on-call works there.", 'job-ask', False),
    ('Hi Uma, could you connect me to the right resources on grant budgets?', 'intro-only-ask', False),
    ('Hi Uma, could you connect me with your grants officer?', 'intro-only-ask', True),
    ('Hi Uma, would you introduce me to Priya at the foundation?', 'intro-only-ask', True),
    ('Hi Uma, are you still hiring for the lab technician role you posted?', 'job-ask', True),
    ('Hi Uma, what do you look for when hiring lab technicians?', 'job-ask', False),
    ("Hi Zoe, is your team looking for designers? I'd love to be considered for the junior role.", 'job-ask', True),
    ("Hi Zoe, I'll take any position you have.", 'job-ask', True),
    ('Hi Zoe, would you mind introducing me to your CTO?', 'intro-only-ask', True),
    ("Hi Zoe, what's the best way to break into UX?", 'broad-question', True),
    ('Hi Zoe, where should I start?', 'broad-question', True),
    ('Hi Zoe, do you have any recommendations on what to learn?', 'broad-question', True),
    ('Hi Zoe, what certifications would you recommend for a new grad nurse?', 'broad-question', True),
    ('Hi Zoe, which of the two wound-care certifications in your post would you take first for a pediatric ward?', 'broad-question', False),
    ('Hi Zoe, it would be great to be connected and see where things go.', 'vague-future-networking', True),
    ('Hi Zoe, big fan of your work! Do you have a few minutes to chat this week? Would love your thoughts on UX.', 'unbounded-time-ask', True),
    ('Hi Zoe, big fan of your work! Do you have a few minutes to chat this week? Would love your thoughts on UX.', 'no-agenda', True),
    ('Hi Zoe, how are you looking for interns this year, through the university or directly?', 'job-ask', False),
    ("Hi Tam, if you're open to it, I'd love 20 minutes on Zoom to hear about your path, especially how you got started in conservation.", 'no-agenda', True),
    ('Hi Tam, I was hoping to pick your brain about the move from museum work to field conservation, since you made the same switch.', 'no-agenda', False),
    ('Hi Tam, I was hoping you could send the survey form from your post.', 'no-value-offered', True),
    ('Hi Jo, could you look over my thesis outline? In exchange, I can buy you lunch.', 'no-value-offered', True),
    ('Hi Jo, could you tell me how you source the clay? Attached is a short firing log I kept using your glaze recipe.', 'no-value-offered', False),
    ('Hi Jo, could you tell me how you source the clay? I wrote up my firing tests with your glaze here: https://example.org/firing', 'no-value-offered', False),
    ('Hi Jo, could you review my work? I built a portfolio site: https://example.org/portfolio', 'no-value-offered', True),
    ("Hi Jo, I run a meetup for 300 ceramicists in Leeds and we'd love to have you speak in March. Would you be interested?", 'no-value-offered', False),
    ('Hi Jo, I host a podcast on craft businesses and would like to invite you on as a guest. Could we find a date?', 'no-value-offered', False),
    ("Hi Jo, could you share your kiln schedule? I'd be happy to make myself available any time that suits you.", 'no-value-offered', True),
    ('Hi Jo, could you share your kiln schedule? Happy to provide references if needed.', 'no-value-offered', True),
    ('Hi Jo, could you share your kiln schedule? Let me know if I can help with the glaze workshop next month.', 'no-value-offered', False),
    ("Hi Jo, could you read my grant draft? I've attached it with my budget sheet.", 'no-value-offered', True),
    ('Hi Jo, could you read my grant draft? Here it is.', 'no-value-offered', True),
    ('Hi Mia, could you tell me which reagent lot you used? Please let me know if I can be helpful with your next assay run.', 'no-value-offered', False),
    ("---\nsubject: Informational interview request\n---\nHi Ned, I'm a paralegal interested in environmental law.", 'unbounded-time-ask', True),
    ("Hi Ned, I'm writing to request a brief informational interview about your work.", 'no-agenda', True),
    ('Hi Ned, I am reaching out to ask for 20 minutes of your time to discuss how your clinic screens asylum cases.', 'no-agenda', False),
    ('Hi Ned, I am reaching out to ask for 20 minutes of your time to discuss how your clinic screens asylum cases.', 'unbounded-time-ask', False),
    ('Hi Ned, I am reaching out to ask for a call to discuss how your clinic screens asylum cases.', 'unbounded-time-ask', True),
    ('Hi Ned, I had a job interview at your firm last week and wanted to thank you for the referral.', 'unbounded-time-ask', False),
    # Advice for a kind of person is advice about the writer's situation, however that person is described.
    ("Hi Rosa, I teach science and want to move into museum education. Any pointers for someone making that switch?", 'broad-question', True),
    ('Hi Rosa, do you have any advice for a career changer hoping to work in a botanical garden someday?', 'broad-question', True),
    ("Hi Rosa, I'd love a few suggestions for people like me who are new to grant writing.", 'broad-question', True),
    ('Hi Rosa, any tips for the opening slide of my talk to your volunteers?', 'broad-question', False),
    # A field's outlook or market is the same question for everyone.
    ('Hi Rosa, what is the hiring outlook for hospice nurses these days?', 'broad-question', True),
    ('Hi Rosa, how does the job market for session violinists look right now?', 'broad-question', True),
    ('Hi Rosa, your forecast put demand for solar installers up 20%. Did the outlook change after the new tariffs?', 'broad-question', False),
    # "Hop on a call", "jump on a call" with no subject still asks for a meeting; "whenever suits you" bounds nothing.
    ("Hi Theo, I'm a junior sound engineer. Would love to jump on a call whenever suits you.", 'no-agenda', True),
    ("Hi Theo, I'm a junior sound engineer. Would love to jump on a call whenever suits you.", 'unbounded-time-ask', True),
    ('Hi Theo, would love to hop on a 15-minute call to ask how you mic a harpsichord in a dry room.', 'no-agenda', False),
    ('Hi Theo, would love to hop on a 15-minute call to ask how you mic a harpsichord in a dry room.', 'unbounded-time-ask', False),
    # Whoever the writer is to be introduced to, and "put in a word" without "good".
    ('Hi Ama, could you introduce me to the surgeons who run your residency program?', 'intro-only-ask', True),
    ('Hi Ama, could you put in a word with the festival programmers for me?', 'job-ask', True),
    ("Hi Ama, I can't put into words how much your memoir helped me; thank you.", 'job-ask', False),
]

# Whole messages and every ask rule that should fire on them (the others must stay quiet).
MESSAGES = [
    ("---\nsubject: Quick favor\n---\nHi Ms. Rivera,\n\nI'm a student teacher in Denver and would love to pick your brain over coffee one of these days.\n\nThanks!\nJo",
     ['no-agenda', 'no-value-offered', 'pick-your-brain', 'unbounded-time-ask']),
    ("---\nsubject: Twenty minutes?\nto: {name: Ken, work: ['post: Teaching fractions with paper strips']}\n---\nHi Ken,\n\nYour post on teaching fractions with paper strips worked wonders with my fourth graders. Would you have 20 minutes next week? I'd love to hear your perspective on the field.\n\nI can send you the worksheet I made from your idea.\n\nBest,\nAmy",
     ['no-agenda']),
    ('---\nsubject: Coffee?\n---\nDear Dr. Moss,\n\nI finished my biology degree last spring and have been working in a hospital lab since. I have been thinking about whether to go for a PhD or an industry job, and I read a lot about both. I keep going back and forth.\n\nCould we get coffee to talk about my options?\n\nRegards,\nTim',
     ['no-agenda', 'no-value-offered', 'unbounded-time-ask']),
    ("Hi Lars,\n\nHuge admirer of your work! Are you free for a quick chat this week? I'd love to hear your thoughts on product management.\n\nCheers,\nBea",
     ['no-agenda', 'no-value-offered', 'unbounded-time-ask']),
    ("---\nkind: connection-note\nchannel: linkedin\n---\nHi Noor, I see you're a partner at Reyes & Kahn. I'd be grateful if you could let me know about any open positions at your firm.",
     ['job-ask', 'no-value-offered']),
    ("---\nsubject: Residency program\n---\nHi Dr. Singh,\n\nI saw you trained at St. Mary's. Would you be able to put me in touch with the person who runs the residency program there?\n\nThanks,\nEli",
     ['intro-only-ask', 'no-value-offered']),
    ('---\nsubject: Getting into sound design\n---\nHi Ola,\n\nHow did you become a sound designer? And what software should I learn?\n\nThanks,\nRay',
     ['broad-question', 'no-value-offered']),
    ("---\nkind: connection-note\nchannel: linkedin\n---\nHi Max, I'm a nursing student and I'm looking to expand my connections in critical care. Let's connect!",
     ['no-value-offered', 'vague-future-networking']),
    ("---\nsubject: Your ggplot theme package\nto: {name: Ivy, work: ['repo: ggtheme-clinic']}\n---\nHi Ivy,\n\nI've been using ggtheme-clinic for our trial reports and it saved us hours. Would you have 15 minutes for a call sometime? I'd appreciate any general guidance.\n\nI also added Danish month names to the date scales and sent a pull request.\n\nBest,\nJens",
     ['no-agenda']),
    ("---\nsubject: The estimating template from your webinar\nto: {name: Pat, type: practitioner}\n---\nHi Pat,\n\nYour webinar on estimating timber-frame jobs changed how I quote: I now price the joinery separately, as you showed, and my last three bids were within 5% of the final cost.\n\nCould I ask how you account for waste on curved members? I'd be glad to send you my spreadsheet of actual vs quoted costs in return.\n\nThanks,\nRob",
     []),
    ("---\nsubject: Question on your violin setup video\n---\nHi Clara,\n\nIn your video on violin setup, you move the soundpost by half a millimetre at a time. Do you do the same on violas, or do you take bigger steps? I recorded before/after samples on my viola and can share them if they're useful.\n\nBest,\nTheo",
     []),
    ('---\nkind: follow-up\nsubject: "Re: Question on your violin setup video"\nsent: 2026-11-20\nprevious: 2026-11-04\n---\nHi Clara,\n\nJust a friendly follow-up on my question about soundpost steps for violas. Also, are there any openings in your workshop for an apprentice?\n\nTheo',
     ['job-ask']),
    ('---\nkind: follow-up\nsubject: Thank you, and an update\n---\nHi Clara,\n\nYour advice on soundposts got me through the audition: I start as an apprentice luthier at a workshop in Cremona next month. Thank you!\n\nTheo',
     []),
    ("---\nkind: cold\nsubject: Interested in collaborating\n---\nHi Grace,\n\nI'm a data engineer and would love to connect for potential collaboration down the road. Let me know!\n\nSunil",
     ['no-value-offered', 'vague-future-networking']),
    ('---\nsubject: Your talk on contract negotiation\nto: {name: Vic, type: recruiter}\n---\nHi Vic,\n\nI saw your post about the in-house counsel search at a fintech in Austin. I have six years in commercial contracts and could relocate. Could you tell me whether the role covers privacy work? I can also refer two colleagues who fit your other searches.\n\nBest,\nAdele',
     []),
]

# Well-made messages a careful mentor would send as they are.
GOOD = [
    "---\nsubject: Your post on sepsis screening at triage\nto: {name: Joy}\n---\nHi Joy,\n\nYour post on sepsis screening at triage convinced our ED to move the lactate draw earlier. Since then our door-to-antibiotics time fell from 70 to 45 minutes.\n\nOne question: did you keep the qSOFA score alongside the new screen, or drop it?\n\nI'm happy to share our audit spreadsheet if it helps with your next post.\n\nBest,\nLiam",
    "---\nsubject: 15 minutes on your contract-review checklist?\n---\nHi Martin,\n\nI used your checklist for reviewing SaaS contracts on three vendor deals this quarter, and the indemnity section caught a clause our team had missed.\n\nWould you have 15 minutes for a call next week? I'd like to ask how you decide when a limitation-of-liability cap is worth fighting for, and whether you treat data-processing addenda separately.\n\nIn return, I can send you the redline template I built from your checklist.\n\nThanks,\nAva",
    "---\nkind: connection-note\nchannel: linkedin\n---\nHi Femi, your thread on tuning Postgres autovacuum saved our nightly job. I'd like to follow your posts, and I can share the before/after graphs if you want an example.",
    '---\nsubject: A small fix for your chord-chart generator\n---\nHi Ren,\n\nI use your chord-chart generator every week for our church band. I noticed it drops the bass note in slash chords, so I wrote a fix and opened a pull request: https://example.org/pr/12\n\nCould you take a look when you have a moment?\n\nCheers,\nMaya',
    "---\nsubject: Question about your seedling trial\n---\nDear Dr. Hale,\n\nIn your 2025 seedling trial you watered the control beds by hand. Did you log the volumes, or estimate them? I'm repeating the trial in a drier region and can send you our soil-moisture data once the season ends.\n\nKind regards,\nPia",
    '---\nsubject: "Selling to school districts, your webinar"\n---\nHi Carla,\n\nYour webinar on selling to school districts changed how I plan my quarter: I now start procurement conversations in January, as you suggested.\n\nHow do you handle districts that require a pilot before a contract? I\'ve collected the pilot terms from twelve districts and would be glad to send you the summary.\n\nBest,\nOwen',
    '---\nkind: thank-you\nsubject: Thanks for the portfolio review\n---\nHi Gil,\n\nThank you for reviewing my portfolio on Tuesday. I cut the two weakest case studies, as you suggested, and got a call back from the studio.\n\nAnya',
    '---\nkind: follow-up\nsubject: "Re: Question about your seedling trial"\nsent: 2026-11-20\nprevious: 2026-11-05\n---\nHi Dr. Hale,\n\nA gentle nudge on my question about the watering volumes. No rush at all.\n\nPia',
]


def test_one_job_ask_said_three_ways_is_one_finding(lint):
    text = "Hi Ines, are you hiring? Could you pass my CV to your head of bindery? Any openings would be great."
    assert [f.rule for f in lint(text)].count("job-ask") == 1


@pytest.mark.parametrize("text, rule, fires", CASES)
def test_rule_on_message(lint, text, rule, fires):
    assert (rule in rule_ids(lint(text))) is fires


@pytest.mark.parametrize("text, expected", MESSAGES)
def test_ask_rules_on_whole_messages(lint, text, expected):
    assert rule_ids(lint(text)) & ASK_RULES == set(expected)


@pytest.mark.parametrize("text", GOOD)
def test_good_messages_are_quiet(lint, text):
    assert not rule_ids(lint(text)) & ASK_RULES
