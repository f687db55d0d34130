"""Location scoring (`tacitus eval` on records with `gold.spans`): suite in → figures out."""

import json

from tacitus.location_eval import mention_matches, score_locations


def _record(text: str, verb: str, location: str | None) -> dict:
    spans = [{"label": "VERB", "start": text.index(verb), "end": text.index(verb) + len(verb), "text": verb}]
    if location:
        spans.append({"label": "LOCATION", "start": text.index(location),
                      "end": text.index(location) + len(location), "text": location})
    return {"id": verb, "text": text, "gold": {"spans": spans}}


def test_scores_recall_and_precision_over_gold_records_and_all_records(coder):
    records = [
        _record("Police arrested three men in Vladivostok on Monday.", "arrested", "Vladivostok"),
        _record("The minister resigned after the vote in the capital.", "resigned", "the capital"),  # no name to find
        _record("Troops shelled positions near Kharkiv.", "shelled", None),      # gold left unlabelled
    ]
    figures = score_locations(records, coder.nlp, coder.situator.gazetteer)
    assert figures["records"] == 3 and figures["with_gold_location"] == 2 and figures["predicted"] == 2
    assert figures["loc_exact"] == 0.5
    assert figures["loc_precision"] == 1.0       # over records with a gold location
    assert figures["loc_precision_all"] == 0.5   # the unlabelled record's location counted as wrong


def test_mention_match_rule():
    assert mention_matches((0, 13, "the West Bank"), (4, 13, "West Bank"))
    assert mention_matches((10, 17, "Baghdad"), (2, 17, "western Baghdad"))
    assert mention_matches((50, 56, "Aleppo"), (0, 6, "Aleppo"))   # same name anywhere
    assert not mention_matches((0, 6, "Aleppo"), (20, 27, "Damascus"))
    assert not mention_matches((0, 4, "Iraq"), (30, 45, "northern Iraq"))  # no overlap, other text


def test_eval_command_reports_location_figures(tmp_path):
    from typer.testing import CliRunner

    from tacitus.cli import app

    suite = tmp_path / "loc.jsonl"
    suite.write_text(json.dumps(_record("Police arrested three men in Vladivostok on Monday.", "arrested", "Vladivostok")) + "\n")
    result = CliRunner().invoke(app, ["eval", str(suite)])
    assert result.exit_code == 0, result.output
    assert "loc_exact=1.000 loc_precision=1.000 loc_precision_all=1.000" in result.output
