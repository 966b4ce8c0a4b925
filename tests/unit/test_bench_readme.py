"""The README's speed-and-size table is generated from the committed bench/latest.json (never from a fresh,
noisy run): if this fails, run `hoagiai bench --readme`."""

import json
from pathlib import Path

from hoagiai.bench.cli import END, LATEST, START, table

ROOT = Path(__file__).resolve().parents[2]


def test_readme_table_matches_the_committed_benchmark():
    data = json.loads((ROOT / LATEST).read_text(encoding="utf-8"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert START in readme and END in readme, "no benchmark table in the README: run `hoagiai bench --readme`"
    block = readme.split(START, 1)[1].split(END, 1)[0].strip()
    assert block == table(data).strip(), "README table is stale: run `hoagiai bench --readme`"


def test_the_table_says_which_targets_are_missed():
    data = json.loads((ROOT / LATEST).read_text(encoding="utf-8"))
    data["size"]["zip_bytes"], data["builds"]["ratio_to_plain_material"] = 5_000_001, 1.3
    data["search"]["situations"].update({"hit@1": 0.8, "hit@3": 0.95, "zero_results": 0})
    if "scale" in data:  # only the misses made here, whatever the committed run measured
        data["scale"].update({"ratio_to_plain_material": 1.3, "time_per_page_ratio_to_factor_1": 1.2})
    assert "Targets missed: zip_bytes = 5000001 (target ≤ 5000000)." in table(data)  # 1.3 itself is met
    data["search"]["situations"].update({"hit@3": 0.94, "zero_results": 1})
    assert ("situations hit@3 = 0.94 (target ≥ 0.95); situations zero_results = 1 (target 0)."
            in table(data))
