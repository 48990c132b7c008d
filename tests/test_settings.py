from dataclasses import fields
from pathlib import Path

import pytest

from naba.settings import SETTINGS, Settings


def test_every_setting_is_in_the_table_and_documented():
    assert [f.name for f in fields(Settings)] == [s.name for s in SETTINGS]
    for setting in SETTINGS:
        assert len(setting.help) > 20, setting.name
        assert getattr(Settings(), setting.name) == setting.default


@pytest.mark.parametrize("name,raw,expected", [
    ("max_page_bytes", "1024", 1024),
    ("batch_size", "7", 7),
])
def test_environment_overrides(name, raw, expected):
    settings = Settings.from_env({f"NABA_{name.upper()}": raw})
    assert getattr(settings, name) == expected
    assert Settings.from_env({}) == Settings()


def test_every_setting_is_in_the_readme():
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        assert f"NABA_{setting.name.upper()}" in readme, setting.name
