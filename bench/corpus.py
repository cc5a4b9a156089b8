"""A varied corpus of outreach drafts, assembled from this project's own sentences in many fields."""
from __future__ import annotations

import random
from pathlib import Path

NAMES = ["Ana", "Bilal", "Chen", "Dara", "Efe", "Greta", "Hiro", "Ines", "Jonas", "Kemi", "Luca", "Mara"]
SENDERS = ["Tom", "Priti", "Oskar", "Lena", "Sam", "Yusuf", "Rosa", "Ivan"]

# (field, something of theirs the writer read, a specific question about it)
FIELDS = [
    ("graphic design", "your talk on designing signage for hospitals",
     "how did you test the arrow shapes with patients who were in a hurry?"),
    ("marine biology", "your paper on kelp recovery after the 2023 heatwave",
     "did the urchin counts drop before or after the kelp came back?"),
    ("employment law", "your article on non-compete clauses for junior staff",
     "would a clause limited to six months still hold up in your state?"),
    ("open source", "your post about triaging issues on a small maintainer team",
     "do you label first-time contributor issues by hand or with a bot?"),
    ("B2B sales", "your newsletter piece on discovery calls that run short",
     "what do you cut first when a prospect only gives you ten minutes?"),
    ("primary teaching", "your blog series on teaching fractions with paper strips",
     "how do you adapt the strips for pupils with low vision?"),
    ("nursing", "your conference poster on handover checklists in night shifts",
     "which item on the checklist did nurses skip most often?"),
    ("music production", "your video on mixing live drums in a small room",
     "do you still gate the toms, or did you stop after the move?"),
    ("urban planning", "your report on protected bike lanes near schools",
     "how did you count the trips before the lanes were built?"),
    ("architecture", "your essay on timber frames for mid-rise housing",
     "what fire rating did the council ask for on the stair cores?"),
]

GOOD_OFFERS = [
    "I put together a short summary of three similar studies; happy to send it if it would help.",
    "In return, I can share the survey data we collected last spring.",
    "If it is useful, I can send you the notes from our pilot.",
]
GOOD_ASKS = [
    "Would you be open to answering that by email when you have a moment?",
    "Could I send you two short questions by email?",
    "If you have 15 minutes in the next two weeks, I'd value a short call.",
]
WEAK_LINES = [
    "Can I pick your brain sometime?",
    "I'd love to hop on a call to learn more about what you do.",
    "Are you hiring at the moment? I would appreciate a referral.",
    "I really need a job and I am desperate to get a foot in the door.",
    "Let me know when you are free, I can make any time work.",
    "I am reaching out because I want to grow my network.",
]
FILLER = ("I have spent the last few years working on similar problems in my own team, and I keep running "
          "into the same questions about scope, budget and timing that I think many people in the field face.")


def _paragraphs(rng: random.Random, index: int) -> tuple[str, str, list[str]]:
    field, work, question = FIELDS[index % len(FIELDS)]
    name = NAMES[(index // len(FIELDS)) % len(NAMES)]
    opener = f"I read {work} and it changed how I think about {field}."
    if rng.random() < 0.5:
        body = [opener, f"One question: {question}", rng.choice(GOOD_ASKS), rng.choice(GOOD_OFFERS)]
    else:
        body = [f"I work in {field} too.", rng.choice(WEAK_LINES), rng.choice(WEAK_LINES)]
        body += [FILLER] * rng.randint(0, 4)
    return name, field, body


def draft(index: int, seed: int = 7) -> tuple[str, str]:
    """The file name and text of draft number `index` (.md with front matter, .txt with headers, or .eml)."""
    rng = random.Random(seed * 1_000_003 + index)
    name, field, body = _paragraphs(rng, index)
    sender = rng.choice(SENDERS)
    text = f"Hi {name},\n\n" + "\n\n".join(body) + f"\n\nBest,\n{sender}\n"
    subject = f"Question about your work in {field}"
    style = index % 3
    if style == 0:
        kind = rng.choice(["cold", "cold", "connection-note", "follow-up"])
        front = f"---\nkind: {kind}\nsubject: {subject}\nto: {{name: {name}, type: practitioner}}\n---\n"
        return f"draft-{index:06d}.md", front + text
    if style == 1:
        return f"draft-{index:06d}.txt", f"Subject: {subject}\nTo: {name}\n\n{text}"
    headers = (f"From: {sender} <{sender.lower()}@example.org>\nTo: {name} <{name.lower()}@example.com>\n"
               f"Subject: {subject}\nDate: Mon, 23 Nov 2026 09:30:00 +0000\nContent-Type: text/plain; charset=utf-8\n")
    return f"draft-{index:06d}.eml", headers + "\n" + text


def write_corpus(folder: Path, count: int) -> list[Path]:
    """Write `count` drafts into `folder` (created) and return their paths in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        name, text = draft(index)
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
