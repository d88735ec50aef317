from __future__ import annotations

import re

from rasad.errors import Errors, InputError, RasadError


def test_error_codes_unique_and_prefixed() -> None:
    codes = {name: value for name, value in vars(Errors).items() if re.fullmatch(r"E\d{3}", name)}
    assert len(codes) >= 10
    for name, template in codes.items():
        assert template.startswith(name + " "), name
    assert len({t.split(" ", 1)[0] for t in codes.values()}) == len(codes)


def test_error_carries_code_and_one_line_message() -> None:
    err = InputError(Errors.E102, source="x.txt", detail="NUL bytes")
    assert isinstance(err, RasadError)
    assert err.code == "E102"
    assert "x.txt" in str(err)
    assert "\n" not in str(err)
