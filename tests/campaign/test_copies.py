"""`mass-message`: drafts of one run that differ only in names, organisations and dates are flagged on each copy."""
from __future__ import annotations

from click.testing import CliRunner

from outreach_coach.campaign.copies import lint_run, masked_words
from outreach_coach.frontends.cli import cli
from outreach_coach.inputs.messages import parse

from .campaign_folder import draft

TEMPLATE = ("Hi {first},\n\nI repair vintage clocks in Galway and read how {org} restored its tower clock in "
            "{month} {year}. Could I ask you how you cleaned the escapement without taking the whole movement "
            "apart?\n\nThanks,\nNiamh\n")
PEOPLE = (("Ada Byrne", "Ada", "Clockwise Guild", "March", 2024), ("Ben Ross", "Ben", "Tick Works", "June", 2025),
          ("Cy Moss", "Cy", "Pendulum House", "May", 2023))
OWN_NOTE = ("Hi Di,\n\nYour guide to bushing worn pivot holes got my grandfather's mantel clock running again. "
            "Which reamer size would you start with on a brass plate that has been bushed once before?\n\nNiamh\n")


def copies_folder(folder):
    paths = [draft(folder, f"{first.lower()}.md", TEMPLATE.format(first=first, org=org, month=month, year=year),
                   to={"name": name, "org": org}) for name, first, org, month, year in PEOPLE]
    return paths + [draft(folder, "di.md", OWN_NOTE, to={"name": "Di Park"})]


def mass_findings(results):
    return {r.path.rsplit("/", 1)[-1]: [f for f in r.findings if f.rule == "mass-message"] for r in results}


def test_each_copy_names_the_others_and_an_own_note_passes(coach, tmp_path):
    found = mass_findings(lint_run(coach, [str(p) for p in copies_folder(tmp_path)]))
    assert found["di.md"] == []
    for name in ("ada.md", "ben.md", "cy.md"):
        [finding] = found[name]
        others = sorted({"ada.md", "ben.md", "cy.md"} - {name})
        assert finding.message.startswith(f"This draft is the same message as {tmp_path / others[0]}, "
                                          f"{tmp_path / others[1]} with only")
        assert finding.severity.label == "warning" and finding.line == 8  # the body's first line, past 5 lines of front matter and the greeting


def test_names_orgs_dates_and_numbers_are_masked():
    message = parse("---\nto: {name: Ada Byrne, org: tick works}\n---\nHi Ada,\n\nI saw how tick works fixed "
                    "the Galway clock on 3 May. Then I tried it, and I'm glad.\n\nBest,\nNo\n", "x.md")
    assert masked_words(message) == ["i", "saw", "how", "\0", "\0", "fixed", "the", "\0", "clock", "on", "\0",
                                     "\0", "then", "i", "tried", "it", "and", "i'm", "glad"]


def test_a_front_matter_disable_spares_that_copy_only(coach, tmp_path):
    paths = copies_folder(tmp_path)
    text = paths[0].read_text().replace("---\nto:", "---\ndisable: [mass-message]\nto:", 1)
    paths[0].write_text(text)
    found = mass_findings(lint_run(coach, [str(p) for p in paths]))
    assert found["ada.md"] == [] and len(found["ben.md"]) == 1
    assert str(tmp_path / "ada.md") in found["ben.md"][0].message


def test_the_lint_command_on_files_given_as_by_the_hook(tmp_path):
    paths = [str(p) for p in copies_folder(tmp_path)]
    both = CliRunner().invoke(cli, ["lint", "--no-cache", "--format", "json", paths[0], paths[1]])
    alone = CliRunner().invoke(cli, ["lint", "--no-cache", "--format", "json", paths[0]])
    assert both.output.count('"mass-message"') == 2
    assert '"mass-message"' not in alone.output


def test_config_switches_it_off(tmp_path):
    paths = [str(p) for p in copies_folder(tmp_path)]
    config = tmp_path / "coach.yaml"
    config.write_text("rules:\n  mass-message: off\n")
    result = CliRunner().invoke(cli, ["lint", "--no-cache", "--config", str(config), *paths])
    assert result.exit_code in (0, 1) and "mass-message" not in result.output


def test_many_copies_and_a_near_variant_are_one_cluster(coach, tmp_path):
    names = ("Ana", "Ben", "Cy", "Di", "Ed", "Flo", "Gus")
    paths = [draft(tmp_path, f"{n.lower()}.md", TEMPLATE.format(first=n, org="Tick Works", month="May", year=2020),
                   to={"name": n}) for n in names]
    variant = TEMPLATE.format(first="Hal", org="Tick Works", month="May", year=2020).replace("apart?", "open?")
    paths.append(draft(tmp_path, "hal.md", variant, to={"name": "Hal"}))
    found = mass_findings(lint_run(coach, [str(p) for p in paths]))
    shown = ", ".join(str(tmp_path / f"{n.lower()}.md") for n in ("ana", "ben", "cy", "di", "ed"))
    assert found["hal.md"][0].message.startswith(f"This draft is the same message as {shown} and 2 more with")
    assert "and 2 more" in found["ana.md"][0].message and str(tmp_path / "hal.md") not in found["ana.md"][0].message


def test_an_organisations_own_small_words_stay_words_elsewhere():
    message = parse("---\nto: {name: Dee Nolan, org: Nolan and Sons}\n---\nHi Dee,\n\nI admire what nolan and sons "
                    "builds, and I would like to ask dee one thing.\n\nBest,\nTom\n", "x.md")
    assert masked_words(message) == ["i", "admire", "what", "\0", "\0", "\0", "builds", "and", "i", "would",
                                     "like", "to", "ask", "\0", "one", "thing"]
