"""quizzes/schema.json: generated from the loader's tables, valid, and not stale."""

import json

import jsonschema
import pytest
import yaml

from hoagiai.errors import UserError
from hoagiai.quiz.schema import SCHEMA_PATH, build_schema, check_schema, schema_text, write_schema


def test_schema_is_valid_and_accepts_the_reference_bank():
    from quiz_support import FIXTURES

    schema = build_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(yaml.safe_load((FIXTURES / "banks" / "m01.yml").read_text(encoding="utf-8")), schema)


def test_schema_rejects_unknown_keys():
    bad = {"id": "m01", "title": {"vi": "x"}, "questions": [], "extra": 1}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, build_schema())


def test_committed_schema_is_not_stale():
    from quiz_support import ROOT

    check_schema(ROOT)


def test_stale_schema_is_reported(tmp_path):
    with pytest.raises(UserError, match=r"missing; run `hoagiai quiz schema`"):
        check_schema(tmp_path)
    write_schema(tmp_path)
    check_schema(tmp_path)
    (tmp_path / SCHEMA_PATH).write_text(json.dumps({"old": True}), encoding="utf-8")
    with pytest.raises(UserError, match="quizzes/schema.json: the JSON Schema is stale"):
        check_schema(tmp_path)
    assert schema_text().endswith("\n")
