"""What the editor tests share: a folder with its own config and a test-only rule, found by discovery."""
from __future__ import annotations

from pathlib import Path

import pytest

# A rule of the tests' own, loaded through `rule-paths`, so these tests prove config discovery and do
# not depend on how the built-in rules judge a text.
TEST_RULE_ID = "editor-test-brain"
TEST_RULE = f"""\
id: {TEST_RULE_ID}
severity: warning
scope: body
check: {{type: phrase, phrases: ["pick your brain", "picking your brain"]}}
message: "'{{match}}' asks for open-ended free advice."
suggestion: Ask one specific question about their work instead.
rationale: >
  A vague request for someone's thoughts puts the work of finding a topic on them.
source: {{article: "003", section: "a test-only rule"}}
"""
BAD_DRAFT = """\
Hi Priya,

I just finished a ceramics residency and would love to pick your brain sometime about glazes.

Thanks,
Lena
"""
GOOD_DRAFT = """\
Hi Priya,

Your write-up on ash glazes for stoneware helped me fix the crawling on my last firing; thank you.
One question: did you sieve the ash before or after washing it?
I logged all three test firings with photos and cone readings, and I am happy to send the log if it is useful for your next post.

Best,
Lena
"""


def write_project(root: Path) -> Path:
    """A project folder with `.outreach-coach.yaml` naming a rule folder that holds the test rule."""
    (root / "rules").mkdir(parents=True)
    (root / "rules" / f"{TEST_RULE_ID}.yaml").write_text(TEST_RULE, encoding="utf-8")
    (root / ".outreach-coach.yaml").write_text("rule-paths: [rules]\n", encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A project folder (module-wide) with its config and test rule, and a `drafts/` folder under it."""
    root = write_project(tmp_path_factory.mktemp("project"))
    (root / "drafts").mkdir()
    return root
