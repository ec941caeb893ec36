import pytest

from newsprism.errors import SettingsError
from newsprism.settings import load_settings


def test_defaults_then_file_then_env_then_flags(tmp_path):
    conf = tmp_path / "n.toml"
    conf.write_text("[ingest]\nmax_input_mb = 5\nbinary_ratio = 0.2\n")
    s = load_settings(conf, environ={})
    assert (s.ingest.max_input_mb, s.ingest.binary_ratio) == (5.0, 0.2)
    s = load_settings(conf, environ={"NEWSPRISM_INGEST__MAX_INPUT_MB": "7"})
    assert s.ingest.max_input_mb == 7.0 and s.ingest.binary_ratio == 0.2
    s = load_settings(conf, ["ingest.max_input_mb=9"], environ={"NEWSPRISM_INGEST__MAX_INPUT_MB": "7"})
    assert s.ingest.max_input_mb == 9.0


@pytest.mark.parametrize("flag", ["nosuch.field=1", "ingest.nosuch=1", "ingest.max_input_mb=lots", "novalue"])
def test_bad_values_are_refused_with_a_clear_error(flag):
    with pytest.raises(SettingsError):
        load_settings(None, [flag], environ={})
