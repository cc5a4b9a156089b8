"""The articles the advice comes from (the project's seed reading), by number."""
from __future__ import annotations

ARTICLES = {
    "000": "How to Build a Strong Data Science Network",
    "001": "Don't Waste Time Building Your Data Science Network",
    "002": "Types of Networks to Build",
    "003": "Building a network is not a numbers game (on cold outreach that gets answered)",
    "004": "Networking & Community Building",
    "studies": "Published reply-rate studies of cold email (length and reading level)",
}
