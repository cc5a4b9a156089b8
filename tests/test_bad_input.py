"""Bad input: each case is one clean, one-line error naming the file (or lints), inputs stay byte-identical,
and the other files in the run get exactly the findings they get alone."""
from __future__ import annotations

import base64
import os
import quopri
import subprocess
import sys
import time
from pathlib import Path

import pytest

from outreach_coach import Coach, InputError
from outreach_coach.config import Config
from outreach_coach.inputs import files as reading
from outreach_coach.inputs.messages import MAX_TEXT_CHARS, parse

from .conftest import TODAY

# Two ordinary drafts linted next to every bad file; their findings must not change.
NEIGHBOURS = {
    "choir.md": "---\nchannel: email\n---\nHi Dana,\n\nYour choir's arrangement of the sea shanty was a joy to "
                "sing. Could I ask how you voiced the bass line?\n\nThanks,\nRui\n",
    "ward.txt": "Subject: Night-shift handover sheet\n\nHello Priya,\n\nI adapted the handover sheet from your "
                "nursing talk for our ward. " + "It cut our handover time and the charge nurses like it. " * 30
                + "\n\nBest,\nSam\n",
}

MAIL = "From: Rui Costa <rui@example.org>\nTo: Dana <dana@example.org>\nSubject: {subject}\n{headers}\n{body}"
LATIN = "Hi Jos\xe9,\n\nI liked your caf\xe9 talk \u201con fugues\u201d. Could I send one question?\n\nBest,\nMia\n"
NESTED = "[" * 3000 + "]" * 3000
BOMB = "\n".join(["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
                 + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 8)])

# name -> (file bytes, expected problem in the error, or None when the file lints)
CASES: dict[str, tuple[bytes, str | None]] = {
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary file"),
    "binary-no-nul.txt": (bytes(range(1, 32)) * 20 + b"\x7f\x81\x8d" * 40, "binary file"),
    "latin1.txt": (LATIN.encode("cp1252"), None),
    "bom-utf8.txt": (b"\xef\xbb\xbf" + LATIN.encode(), None),
    "bom-utf16le.txt": (LATIN.encode("utf-16"), None),
    "bom-utf16be.txt": (b"\xfe\xff" + LATIN.encode("utf-16-be"), None),
    "bad-utf16.txt": (b"\xff\xfe" + b"a\x00\x00\xd8", "invalid UTF-16"),
    "bad-yaml.md": (b"---\nkind: [cold\n---\nHi.\n", "front matter line"),
    "list-front-matter.md": (b"---\n- a\n- b\n---\nHi.\n", "front matter must be a mapping"),
    "string-front-matter.md": (b"---\njust words\n---\nHi.\n", "front matter must be a mapping"),
    "to-number.md": (b"---\nto: 5\n---\nHi.\n", "'to' must be a name or a mapping"),
    "sent-word.md": (b"---\nsent: yesterday\n---\nHi.\n", "'sent'"),
    "sent-impossible-date.md": (b"---\nsent: 2026-02-30\n---\nHi.\n", "day is out of range"),
    "kind-spam.md": (b"---\nkind: spam\n---\nHi.\n", "'kind'"),
    "kind-multiline.md": (b"---\nkind: \"one\\ntwo\\nthree\"\n---\nHi.\n", "'kind'"),
    "recipient-type.md": (b"---\nto: {type: boss}\n---\nHi.\n", "'type'"),
    "work-mapping.md": (b"---\nto: {work: {a: 1}}\n---\nHi.\n", "'to.work'"),
    "python-tag.md": (b"---\nto: !!python/object/apply:os.system [\"echo pwned\"]\n---\nHi.\n", "python/object"),
    "alias-bomb.md": (f"---\n{BOMB}\n---\nHi.\n".encode(), "refusing to expand"),
    "recursive-alias.md": (b"---\nto: &a {work: [*a]}\n---\nHi.\n", "recursive alias"),
    "deep-nesting.md": (f"---\nx: {NESTED}\n---\nHi.\n".encode(), "nested too deeply"),
    "no-text-part.eml": (MAIL.format(subject="Slides", headers="Content-Type: image/png\n",
                                     body="iVBORw0KGgo=\n").encode(), "no text part"),
    "broken-header.eml": (b": no name\n   folded nonsense\n\nbody\n", "no readable headers"),
    "headers-only.eml": (b"Hi Dana, no headers at all here.\n", "no readable headers"),
    "bad-charset.eml": (MAIL.format(subject="=?x-no-such?B?SGk=?= and =?utf-8?q?unfinished",
                                    headers="Content-Type: text/plain; charset=x-no-such\n",
                                    body="Hi Dana,\n\nOne question about your choir.\n").encode(), None),
    "html-only.eml": (MAIL.format(subject="Your choir", headers="Content-Type: text/html\n",
                                  body="<html><head><style>p {color: red}</style></head><body><p>Hi Dana,</p>"
                                       "<p>Your choir&#39;s shanty was a joy.</p><script>steal()</script>"
                                       "</body></html>\n").encode(), None),
    "empty.txt": (b"", None),
}


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file() and not p.is_symlink()}


def write_neighbours(folder: Path) -> list[str]:
    paths = []
    for name, text in NEIGHBOURS.items():
        (folder / name).write_text(text)
        paths.append(str(folder / name))
    return paths


@pytest.fixture(scope="module")
def alone(coach, tmp_path_factory) -> dict[str, tuple]:
    """The neighbours' findings when linted on their own, keyed by file name."""
    folder = tmp_path_factory.mktemp("alone")
    return {Path(r.path).name: r.findings for r in coach.lint_paths(write_neighbours(folder))}


@pytest.mark.parametrize("name", CASES)
def test_each_case_is_a_one_line_error_or_lints_and_leaves_the_file_alone(coach, tmp_path, name, alone):
    data, problem = CASES[name]
    (tmp_path / name).write_bytes(data)
    neighbours = write_neighbours(tmp_path)
    before = snapshot(tmp_path)
    results = list(coach.lint_paths([neighbours[0], str(tmp_path / name), neighbours[1]]))
    assert [Path(r.path).name for r in results] == ["choir.md", name, "ward.txt"]
    bad = results[1]
    if problem is None:
        assert bad.error is None, bad.error
    else:
        assert bad.error is not None and problem in bad.error
        assert "\n" not in bad.error and len(bad.error) < 300
    assert {Path(r.path).name: r.findings for r in (results[0], results[2])} == alone
    assert snapshot(tmp_path) == before


def test_decoded_files_read_the_same_text(coach, tmp_path):
    texts = set()
    for name in ("latin1.txt", "bom-utf8.txt", "bom-utf16le.txt", "bom-utf16be.txt"):
        (tmp_path / name).write_bytes(CASES[name][0])
        texts.add(coach.parse_file(str(tmp_path / name)).text)
    assert texts == {parse(LATIN, "x.txt", today=TODAY).text}


def test_cp1252_is_read_with_a_notice(coach, tmp_path, caplog):
    (tmp_path / "latin1.txt").write_bytes(CASES["latin1.txt"][0])
    assert "café" in coach.parse_file(str(tmp_path / "latin1.txt")).text
    notices = [r for r in caplog.records if "cp1252" in r.getMessage()]
    assert len(notices) == 1 and str(tmp_path / "latin1.txt") in notices[0].getMessage()


def test_empty_file_is_the_empty_message_finding_not_an_error(coach, tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    [result] = coach.lint_paths([str(tmp_path / "empty.txt")])
    assert result.error is None and "empty-message" in {f.rule for f in result.findings}


def test_crlf_keeps_line_numbers_and_findings(coach, tmp_path):
    text = NEIGHBOURS["ward.txt"].replace("It cut", "Could we talk?\nIt cut", 1)
    (tmp_path / "lf.txt").write_bytes(text.encode())
    (tmp_path / "crlf.txt").write_bytes(text.replace("\n", "\r\n").encode())
    lf, crlf = (coach.parse_file(str(tmp_path / n)) for n in ("lf.txt", "crlf.txt"))
    offset = crlf.text.index("Could we talk?")
    line, column = crlf.position(offset)
    assert (line, column) == lf.position(lf.text.index("Could we talk?"))
    raw_line = (tmp_path / "crlf.txt").read_bytes().split(b"\r\n")[line - 1].decode()
    assert raw_line[column - 1:].startswith("Could we talk?")
    results = list(coach.lint_paths([str(tmp_path / "lf.txt"), str(tmp_path / "crlf.txt")]))
    assert results[0].findings == results[1].findings


def test_oversized_file_is_refused_with_the_configurable_limit(coach, tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(20_000_000)
    [result] = coach.lint_paths([str(big)])
    assert "20,000,000 bytes" in result.error and "max-file-size" in result.error
    small = tmp_path / "small.txt"
    small.write_text(NEIGHBOURS["choir.md"])
    tight = Coach(Config(max_file_size=50), rules=coach.rules)
    with pytest.raises(InputError, match="50-byte limit"):
        tight.parse_file(str(small))
    assert Coach(Config(max_file_size=5_000), rules=coach.rules).parse_file(str(small)).text


def test_an_endless_device_is_refused_without_reading_it():
    with pytest.raises(InputError, match="not a regular file.*'-' for standard input"):
        reading.read_bytes("/dev/zero", 4096)


def test_stdin_bytes_get_the_same_limit_and_decoding(coach):
    assert "café" in coach.parse_file("-", LATIN.encode("cp1252")).text
    tight = Coach(Config(max_file_size=10), rules=coach.rules)
    with pytest.raises(InputError, match="<stdin>: input is over the 10-byte limit"):
        tight.parse_file("-", b"x" * 11)


def test_text_too_long_to_analyse_is_refused(coach, tmp_path):
    (tmp_path / "long.txt").write_text("Please read my essay. " * (MAX_TEXT_CHARS // 20))
    roomy = Coach(Config(max_file_size=10_000_000), rules=coach.rules)
    with pytest.raises(InputError, match="characters, over the"):
        roomy.parse_file(str(tmp_path / "long.txt"))


def test_missing_path_and_empty_folder_are_errors_and_the_rest_is_linted(coach, tmp_path, alone):
    (tmp_path / "empty-folder").mkdir()
    neighbours = write_neighbours(tmp_path)
    results = list(coach.lint_paths([str(tmp_path / "nope.md"), neighbours[0], str(tmp_path / "empty-folder"),
                                     neighbours[1]]))
    assert [r.error is not None for r in results] == [True, False, True, False]
    assert "no such file" in results[0].error and "holds no message files" in results[2].error
    assert {Path(r.path).name: r.findings for r in results if not r.error} == alone


def test_symlink_loops_and_dangling_links_in_a_folder(coach, tmp_path, alone):
    write_neighbours(tmp_path)
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "gone.md").symlink_to(tmp_path / "nowhere.md")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path, target_is_directory=True)
    results = {Path(r.path).name: r for r in coach.lint_paths([str(tmp_path)])}
    assert set(results) == {"a.txt", "b.txt", "gone.md", *NEIGHBOURS}
    assert "symbolic links" in results["a.txt"].error and "no such file" in results["gone.md"].error.lower()
    assert {name: results[name].findings for name in NEIGHBOURS} == alone


def test_unreadable_file_in_a_folder_is_an_error_for_that_file(coach, tmp_path, monkeypatch, alone):
    write_neighbours(tmp_path)
    locked = tmp_path / "locked.txt"
    locked.write_text("Hi.\n")
    real_open = reading.open_regular

    def guarded_open(path):
        # Tests run as root in CI, where chmod cannot make a file unreadable.
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path)

    monkeypatch.setattr(reading, "open_regular", guarded_open)
    results = {Path(r.path).name: r for r in coach.lint_paths([str(tmp_path)])}
    assert results["locked.txt"].error == "cannot read file: Permission denied"
    assert {name: results[name].findings for name in NEIGHBOURS} == alone


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes on this system")
def test_a_pipe_in_a_folder_is_skipped_not_waited_on(coach, tmp_path):
    write_neighbours(tmp_path)
    os.mkfifo(tmp_path / "pipe.txt")
    assert sorted(Path(r.path).name for r in coach.lint_paths([str(tmp_path)])) == sorted(NEIGHBOURS)


def test_a_path_given_twice_is_linted_once(coach, tmp_path, monkeypatch):
    [path, _] = write_neighbours(tmp_path)
    monkeypatch.chdir(tmp_path)
    results = list(coach.lint_paths([path, "choir.md", "./choir.md", str(tmp_path)]))
    assert sorted(Path(r.path).name for r in results) == ["choir.md", "ward.txt"]


def test_html_only_email_is_read_as_its_visible_text(coach, tmp_path):
    (tmp_path / "m.eml").write_bytes(CASES["html-only.eml"][0])
    message = coach.parse_file(str(tmp_path / "m.eml"))
    assert "Your choir's shanty was a joy." in message.text
    assert "<" not in message.text and "steal" not in message.text and "color" not in message.text


def test_bad_charsets_in_an_email_fall_back_to_the_raw_text(coach, tmp_path):
    (tmp_path / "m.eml").write_bytes(CASES["bad-charset.eml"][0])
    message = coach.parse_file(str(tmp_path / "m.eml"))
    assert "x-no-such" in message.subject and "One question about your choir." in message.text


def _eml(encoding: str, body: str) -> str:
    encoded = {"quoted-printable": lambda b: quopri.encodestring(b.encode()).decode(),
               "base64": lambda b: base64.encodebytes(b.encode()).decode()}[encoding](body)
    return MAIL.format(subject="=?utf-8?q?Caf=C3=A9_choir?=",
                       headers=f"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: {encoding}\n",
                       body=encoded)


@pytest.mark.parametrize("encoding", ["quoted-printable", "base64"])
def test_positions_in_decoded_email_bodies_stay_inside_the_file(encoding):
    body = ("Hi Dana,\n\nYour caf\u00e9 concert \u2014 the shanty \u2014 moved me.\n\nCould we talk for "
            "fifteen minutes about how you arranged the bass line for a small choir of untrained voices?\n\n"
            "Thanks,\nRui\n")
    source = _eml(encoding, body)
    message = parse(source, "m.eml", today=TODAY)
    lines = source.split("\n")
    header_lines = source[:source.index("\n\n")].count("\n") + 1
    for offset in range(len(message.text) + 1):
        line, column = message.position(offset)
        assert 1 <= line <= len(lines) and 1 <= column <= len(lines[line - 1]) + 1
        if offset >= message.sections["message"][0]:
            assert line > header_lines
    assert message.position(message.text.index("Caf"))[0] == 3  # the Subject header's line
    if encoding == "quoted-printable":
        line, column = message.position(message.text.index("Thanks,"))
        assert lines[line - 1][column - 1:].startswith("Thanks,")


def test_cli_end_to_end_exit_2_one_line_errors_no_traceback(tmp_path):
    for name in ("binary.txt", "bad-yaml.md", "to-number.md", "latin1.txt", "no-text-part.eml"):
        (tmp_path / name).write_bytes(CASES[name][0])
    write_neighbours(tmp_path)
    before = snapshot(tmp_path)
    done = subprocess.run([sys.executable, "-m", "outreach_coach", "lint", "--no-color", "--no-cache", str(tmp_path),
                           str(tmp_path / "missing.md")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr + done.stdout
    errors = [line for line in done.stderr.splitlines() if "cp1252" not in line]
    assert len(errors) == 5 and all(line.startswith(f"outreach-coach: {tmp_path}") for line in errors)
    notices = [line for line in done.stderr.splitlines() if "cp1252" in line]
    assert len(notices) == 1 and "latin1.txt" in notices[0]
    for name in (*NEIGHBOURS, "latin1.txt"):
        assert f"{tmp_path / name}: score " in done.stdout
    assert done.stdout.splitlines()[-1].startswith("3 files checked") and "5 unreadable" in done.stdout
    assert snapshot(tmp_path) == before


@pytest.mark.parametrize("text", ["word " * 5000, '"a quoted aside ' * 1500, "On Monday we met\n" * 1400])
def test_long_pathological_lines_lint_in_bounded_time(coach, text):
    # A search that retries at every character of a long line is quadratic: 90,000 characters took minutes.
    coach.lint_text(NEIGHBOURS["ward.txt"], "warm.txt", "txt")  # one-off loads (model, dictionaries) not timed
    started = time.monotonic()
    result = coach.lint_text(text, "long.txt", "txt")
    assert result.error is None and time.monotonic() - started < 8


def _module_patterns():
    import importlib
    import pkgutil
    import re

    import outreach_coach

    for info in pkgutil.walk_packages(outreach_coach.__path__, "outreach_coach."):
        if not info.name.endswith("__main__"):
            try:
                module = importlib.import_module(info.name)
            except ImportError:  # an optional extra (lsp, web, dask) that is not installed
                continue
            for name, value in vars(module).items():
                if isinstance(value, re.Pattern):
                    yield pytest.param(value, id=f"{info.name}.{name}")


ADVERSARIAL = ("word " * 6000, "a" * 30000, "On " * 10000, " " * 30000, '"' + "a " * 15000, "Hi, Dr. Ann. " * 2500,
               "why " * 7500, "-" * 30000, "'" * 30000, "\n" * 30000)


@pytest.mark.parametrize("pattern", list(_module_patterns()))
def test_no_module_regex_is_quadratic_on_a_long_line(pattern):
    # A linear search over 30,000 characters takes milliseconds; one that retries at every character, seconds.
    for text in ADVERSARIAL:
        started = time.monotonic()
        for _ in pattern.finditer(text):
            pass
        assert time.monotonic() - started < 1, text[:20]
