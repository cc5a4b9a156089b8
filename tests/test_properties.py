"""Properties over generated input: findings or a clean error, never an exception; spans inside the file;
the same input gives the same output in any file order."""
from __future__ import annotations

import base64
import quopri
import tempfile
from pathlib import Path

import yaml
from hypothesis import example, given
from hypothesis import strategies as st

from outreach_coach.inputs.messages import KINDS, RECIPIENT_TYPES
from outreach_coach.linting.engine import FileResult

FORMATS = ("txt", "md", "eml")
KEYS = ("kind", "channel", "subject", "sent", "previous", "to", "disable", "from", "date")

# Words from several fields, with the punctuation and line breaks that split messages into parts.
WORDS = ("Hi", "Dear", "Dana,", "Rui", "Best,", "Thanks,", "--", "> quoted", "On Monday Ana wrote:", "choir",
         "tide", "statute", "cello", "ward", "lesson", "repo", "pick", "your", "brain", "15", "minutes", "?", "!",
         "I", "you", "could", "we", "talk", "about", "the", "bass", "line", "\n", "\n\n", "\r\n", "\t", "é", "—",
         "“quoted”", "{first_name}", "[Name]", "Subject:", "---", "http://example.org", "😀", "\x00", "\u2028")
message_text = st.one_of(st.text(max_size=400), st.lists(st.sampled_from(WORDS), max_size=80).map(" ".join))
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30),
                    st.dates(), st.sampled_from(KINDS + RECIPIENT_TYPES + ("email", "linkedin", "other")))
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                      max_leaves=12)
front_matter = st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=10)), values, max_size=6)


def assert_clean(result: FileResult) -> None:
    """Either a one-line error, or findings whose spans lie inside the file."""
    assert isinstance(result, FileResult)
    if result.error is not None:
        assert result.error and "\n" not in result.error and not result.findings
        return
    lines = result.message.source.split("\n")
    for finding in result.findings:
        for line, column in ((finding.line, finding.column), (finding.end_line, finding.end_column)):
            assert 1 <= line <= len(lines), finding
            assert 1 <= column <= len(lines[line - 1]) + 1, finding
        assert (finding.line, finding.column) <= (finding.end_line, finding.end_column), finding


@given(text=message_text, fmt=st.sampled_from(FORMATS))
def test_any_text_in_any_format_gives_findings_or_a_clean_error(coach, text, fmt):
    assert_clean(coach.lint_text(text, f"draft.{fmt}", fmt))


@given(meta=front_matter, body=message_text)
def test_any_front_matter_gives_findings_or_a_clean_error(coach, meta, body):
    text = f"---\n{yaml.safe_dump(meta, allow_unicode=True)}---\n{body}"
    assert_clean(coach.lint_text(text, "draft.md", "md"))


@given(raw=st.text(max_size=200), body=message_text)
def test_any_front_matter_text_gives_findings_or_a_clean_error(coach, raw, body):
    assert_clean(coach.lint_text(f"---\n{raw}\n---\n{body}", "draft.md", "md"))


def _encode(body: str, encoding: str) -> str:
    data = body.encode("utf-8")
    if encoding == "quoted-printable":
        return quopri.encodestring(data).decode("ascii")
    if encoding == "base64":
        return base64.encodebytes(data).decode("ascii")
    return body


@given(subject=st.text(max_size=60), body=message_text,
       encoding=st.sampled_from(("8bit", "quoted-printable", "base64")), subtype=st.sampled_from(("plain", "html")))
@example(subject="", body="\n:", encoding="base64", subtype="plain")  # a span once ended past its line
def test_any_email_gives_findings_or_a_clean_error_with_positions_in_the_file(coach, subject, body, encoding,
                                                                               subtype):
    source = (f"From: Rui <rui@example.org>\nTo: Dana <dana@example.org>\nSubject: {subject}\n"
              f"Content-Type: text/{subtype}; charset=utf-8\nContent-Transfer-Encoding: {encoding}\n\n"
              f"{_encode(body, encoding)}")
    result = coach.lint_text(source, "draft.eml", "eml")
    assert_clean(result)
    if result.message is not None:
        message = result.message
        for offset in range(0, len(message.text) + 1, max(1, len(message.text) // 40)):
            line, column = message.position(offset)
            assert 1 <= line <= source.count("\n") + 1 and column >= 1


@given(texts=st.lists(message_text, min_size=2, max_size=4), order=st.randoms(use_true_random=False))
def test_linting_is_deterministic_in_any_file_order(coach, texts, order):
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for index, text in enumerate(texts):
            path = Path(folder, f"draft{index}.{FORMATS[index % 3]}")
            path.write_text(text, encoding="utf-8")
            paths.append(str(path))
        first = {r.path: (r.findings, r.error) for r in coach.lint_paths(paths)}
        shuffled = list(paths)
        order.shuffle(shuffled)
        again = {r.path: (r.findings, r.error) for r in coach.lint_paths(shuffled)}
    assert first == again
    assert list(first) == paths


def _template_values():
    from outreach_coach.writing.templates import Catalogue

    templates = list(Catalogue.load().all().values())
    text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)

    def values_for(template):
        fields = {v.name: (st.lists(text, min_size=1, max_size=3) if v.type == "list" else text)
                  for v in template.variables}
        return st.tuples(st.just(template), st.fixed_dictionaries(fields))
    return st.sampled_from(templates).flatmap(values_for)


@given(case=_template_values())
def test_linting_a_rendered_template_never_raises(coach, case):
    from outreach_coach.writing.templates import RenderError
    from outreach_coach.writing.templates import render as render_template

    template, values = case
    try:
        rendered = render_template(template, values)
    except RenderError:
        return  # a blank required value is refused with a clear error: nothing to lint
    assert_clean(coach.lint_text(rendered, f"{template.id.replace('/', '-')}.md", "md"))


def test_linting_is_the_same_with_any_number_of_jobs_in_any_order(coach, tmp_path, monkeypatch):
    import random

    from outreach_coach.linting import parallel

    monkeypatch.setattr(parallel, "CHUNK_SIZE", 4)
    rng = random.Random(20261128)
    paths = []
    for index in range(24):
        path = tmp_path / f"draft{index}.{FORMATS[index % 3]}"
        path.write_text(" ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 120))), encoding="utf-8")
        paths.append(str(path))
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)))
    paths.append(str(tmp_path / "binary.txt"))
    one = {r.path: (r.findings, r.kind, r.error) for r in parallel.lint(coach, coach.read_paths(paths), jobs=1)}
    rng.shuffle(paths)
    two = {r.path: (r.findings, r.kind, r.error) for r in parallel.lint(coach, coach.read_paths(paths), jobs=2)}
    assert one == two and len(one) == 25
    assert any(findings for findings, _kind, _error in one.values())
