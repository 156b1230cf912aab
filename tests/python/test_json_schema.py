"""One JSON schema for every command (dxkit/1, docs/schema/): every command with every --output
kind on every example it accepts, validated against its schema; the schemas themselves valid;
one type per key across all rows of all examples; CSV with the JSON rows' keys and plain
numbers; "-" reads standard input."""
import csv
import io
import json
import subprocess
from collections import defaultdict

import jsonschema  # the test extra and scripts/setup.sh install it: a missing one fails here
import pytest
import referencing
from conftest import EXAMPLES, ROOT
from test_cli import DXKIT

SCHEMAS = ROOT / "docs" / "schema"
ASEM = ROOT / "tests" / "data" / "coinr-asem"
# Every example dxkit reads as input (CSV, documents); notebooks and scripts are not input.
INPUTS = sorted(p for p in EXAMPLES.iterdir() if p.suffix in (".csv", ".docx", ".xlsx"))

INDEX_KINDS = ["denominated", "imputed", "screened", "treated", "normalised", "aggregated",
               "ranks", "treatment", "screening", "weights", "describe", "availability",
               "correlations", "alpha", "strengths", "pca", "optimised", "leave-one-out"]


def run(*args, stdin=None):
    return subprocess.run([DXKIT, *map(str, args)], check=False, capture_output=True,
                          timeout=120, input=stdin)


def invocations():
    """(command, argument list) for every command, --output kind and option that changes the
    rows' shape, on every example file; the files a command does not accept are found by
    running it (exit status 1, a dxkit error)."""
    out = []
    for f in INPUTS:
        out += [("evaluate", [f]), ("evaluate", [f, "--scheme", "bands"]),
                ("budget", [f, "--by", "agency,source", "--check", "--state-budget", "4.800.000"]),
                ("budget", [f, "--by", "agency", "--units", "2025-07-01"]),
                ("budget", [f, "--by", "section,group"]),
                ("due", [f, "--as-of", "2023-10-01"]),
                ("due", [f, "--as-of", "2023-10-01", "--by", "agency", "--units", "2025-07-01"]),
                ("due", [f, "--as-of", "2023-10-01", "--units", "2025-07-01"]),
                ("progress", [f]),
                ("check-text", [f]),
                ("tables", [f])]
        for kind in ("results", "ranks", "differences", "subs"):
            out.append(("dti", [f, "--output", kind]))
        out.append(("dti", [f, "--previous", EXAMPLES / "dti_synthetic_2021_ranking.csv"]))
    for kind in ("results", "ranks", "differences", "subs"):  # a scoring sheet
        out.append(("dti", [EXAMPLES / "department_sheet_2023.csv", "--framework",
                            "haiduong_department", "--output", kind]))
    out.append(("progress", [EXAMPLES / "thai_binh_progress.csv", "--documents",
                             EXAMPLES / "thai_binh_documents.csv", "--mapping",
                             EXAMPLES / "thai_binh_mapping.csv", "--units", "2025-07-01"]))
    out.append(("check-text", [EXAMPLES / "dong_thap_2023_plan.docx", "--appendix",
                               EXAMPLES / "dong_thap_2022_results.csv"]))
    out += [("units", []), ("units", ["--as-of", "2025-07-01"]),
            ("units", ["--registry", "agencies", "--as-of", "2025-07-01"])]
    data = ["--data", ASEM / "ASEM_iData.csv", "--meta", ASEM / "ASEM_iMeta.csv"]
    for kind in INDEX_KINDS:
        extra = ["--unit", "AUT"] if kind == "strengths" else []
        out.append(("index", [*data, "--output", kind, *extra]))
    out.append(("index", [*data, "--uncertainty", "50", "--noise", "2=0.25"]))
    out.append(("index", [*data, "--sensitivity", "8", "--noise", "2=0.25", "--bootstrap", "20"]))
    out.append(("index", ["--data", ASEM / "ASEM_iData_p.csv", "--meta", ASEM / "ASEM_iMeta.csv",
                          "--time", "2020"]))
    return out


@pytest.fixture(scope="module")
def validators():
    resources = []
    schemas = {}
    for p in sorted(SCHEMAS.glob("*.json")):
        s = json.loads(p.read_text(encoding="utf-8"))
        resources.append((s["$id"], referencing.Resource.from_contents(s)))
        schemas[p.stem] = s
    registry = referencing.Registry().with_resources(resources)
    return {name: jsonschema.Draft202012Validator(s, registry=registry)
            for name, s in schemas.items() if name != "common"}


@pytest.fixture(scope="module")
def reports():
    """Every accepted invocation's JSON report, with its command line."""
    out = []
    for command, args in invocations():
        p = run(command, *args, "--format", "json")
        assert p.returncode in (0, 1), (command, args, p.stderr.decode())
        if p.returncode == 0:
            out.append(([command, *map(str, args)], json.loads(p.stdout)))
    return out


def test_the_schema_files_are_valid_json_schemas():
    names = sorted(p.stem for p in SCHEMAS.glob("*.json"))
    assert names == ["budget", "check-text", "common", "dti", "due", "evaluate", "index",
                     "progress", "tables", "units"]
    for p in SCHEMAS.glob("*.json"):
        s = json.loads(p.read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(s)
        assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_every_command_and_kind_validates_on_every_example(validators, reports):
    seen = set()
    for argv, report in reports:
        errors = sorted(validators[report["command"]].iter_errors(report), key=str)
        assert not errors, (argv, [f"{list(e.absolute_path)}: {e.message}" for e in errors[:5]])
        assert report["schema"] == "dxkit/1" and report["command"] == argv[0]
        seen.add((report["command"], report["output"]))
    # Not vacuous: every command and every --output kind was accepted by some example.
    expected = {("evaluate", None), ("budget", None), ("due", None), ("progress", None),
                ("check-text", None), ("units", None), ("tables", None)}
    expected |= {("dti", k) for k in ("results", "ranks", "differences", "subs")}
    expected |= {("index", k) for k in [*INDEX_KINDS, "uncertainty", "sensitivity"]}
    assert expected <= seen, expected - seen


def test_the_schema_rejects_what_it_should(validators, reports):
    """The schemas are strict: an amount as text, an unknown key, a note as a string and a
    missing top-level key are each an error."""
    budget = next(r for a, r in reports if r["command"] == "budget" and r["rows"])
    v = validators["budget"]
    assert v.is_valid(budget)
    bad = json.loads(json.dumps(budget))
    bad["rows"][0]["amount"] = "4.518"
    assert not v.is_valid(bad)
    bad = json.loads(json.dumps(budget))
    bad["rows"][0]["amount_dong"] = 1
    assert not v.is_valid(bad)
    bad = json.loads(json.dumps(budget))
    bad["notes"] = ["a note as text"]
    assert not v.is_valid(bad)
    bad = json.loads(json.dumps(budget))
    del bad["source"]
    assert not v.is_valid(bad)
    dti = next(r for a, r in reports if r["command"] == "dti" and r["rows"]
               and "Change" in r["rows"][0])
    bad = json.loads(json.dumps(dti))
    bad["rows"][0]["Change"] = "new"
    assert not validators["dti"].is_valid(bad)


def kind_of(value):
    if value is None:
        return None
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    return type(value).__name__


def test_one_type_per_key_across_all_rows_of_all_examples(reports):
    types = defaultdict(set)
    where = {}
    for argv, report in reports:
        frames = {k: v for k, v in report.items() if k == "rows" or k == "findings"}
        for name, rows in frames.items():
            for row in rows:
                for key, value in row.items():
                    t = kind_of(value)
                    if t is not None:
                        k = (report["command"], report["output"], name, key)
                        types[k].add(t)
                        where.setdefault((k, t), argv)
    mixed = {k: {t: where[(k, t)] for t in v} for k, v in types.items() if len(v) > 1}
    assert not mixed
    # The keys the old output mixed are single-typed now, and were seen.
    assert types[("dti", "results", "rows", "Change")] == {"number"}
    assert types[("dti", "results", "rows", "is_new")] == {"boolean"}
    assert types[("budget", None, "rows", "amount")] == {"number"}
    assert types[("progress", None, "rows", "baseline")] == {"number"}
    assert types[("progress", None, "rows", "baseline_year")] == {"number"}


def test_dti_change_is_a_number_or_null_with_is_new():
    p = run("dti", EXAMPLES / "dti_synthetic_2022_points.csv", "--previous",
            EXAMPLES / "dti_synthetic_2021_ranking.csv", "--format", "json")
    assert p.returncode == 0, p.stderr
    rows = json.loads(p.stdout)["rows"]
    for r in rows:
        if r["is_new"]:
            assert r["Change"] is None and r["PreviousRank"] is None
        else:
            assert r["Change"] == r["PreviousRank"] - r["Rank"]
    # The table still says "new" to a reader.
    t = run("dti", EXAMPLES / "dti_synthetic_2022_points.csv", "--previous",
            EXAMPLES / "dti_synthetic_2021_ranking.csv")
    assert ("new" in t.stdout.decode()) == any(r["is_new"] for r in rows)


def test_keys_are_the_python_column_names():
    import dxkit
    import dxkit.dti

    j = json.loads(run("evaluate", EXAMPLES / "thai_binh_2023_results.csv", "--format",
                       "json").stdout)
    frame = dxkit.evaluate(EXAMPLES / "thai_binh_2023_results.csv").to_frame()
    assert list(j["rows"][0]) == [c for c in frame.columns if c in j["rows"][0]]
    assert set(j["rows"][0]) <= set(frame.columns)
    assert [r["ratio"] for r in j["rows"]] == [
        None if dxkit_na(v) else v for v in frame["ratio"].tolist()]

    b = dxkit.read_budget(EXAMPLES / "thai_binh_2023_budget.csv")
    j = json.loads(run("budget", EXAMPLES / "thai_binh_2023_budget.csv", "--by", "agency",
                       "--check", "--format", "json").stdout)
    roll = b.rollup(["agency"])
    assert list(j["rows"][0]) == list(roll.columns)
    assert [r["amount"] for r in j["rows"]] == roll["amount"].tolist()
    assert j["totals"]["total"] == b.total
    check = b.check()
    assert list(j["findings"][0]) == list(check.columns)
    assert [f["computed"] for f in j["findings"]] == [
        None if dxkit_na(v) else int(v) for v in check["computed"].tolist()]

    a = dxkit.read_assignments(EXAMPLES / "dong_thap_2023_assignments.csv")
    j = json.loads(run("due", EXAMPLES / "dong_thap_2023_assignments.csv", "--as-of",
                       "2023-10-01", "--format", "json").stdout)
    due = a.due("2023-10-01")
    assert list(j["rows"][0]) == list(due.columns)
    assert [r["status"] for r in j["rows"]] == [str(s) for s in due["status"]]
    assert [r["last_day"] for r in j["rows"]] == [
        None if dxkit_na(d) else d.strftime("%Y-%m-%d") for d in due["last_day"]]

    plan = dxkit.read_plan(EXAMPLES / "thai_binh_progress.csv",
                           mapping=EXAMPLES / "thai_binh_mapping.csv",
                           documents=EXAMPLES / "thai_binh_documents.csv")
    j = json.loads(run("progress", EXAMPLES / "thai_binh_progress.csv", "--mapping",
                       EXAMPLES / "thai_binh_mapping.csv", "--documents",
                       EXAMPLES / "thai_binh_documents.csv", "--format", "json").stdout)
    prog = plan.progress()
    assert list(j["rows"][0]) == list(prog.columns)
    assert [r["baseline_year"] for r in j["rows"]] == [
        None if dxkit_na(v) else int(v) for v in prog["baseline_year"].tolist()]

    d = dxkit.dti.score(EXAMPLES / "dti_synthetic_2022_points.csv",
                        previous=EXAMPLES / "dti_synthetic_2021_ranking.csv")
    j = json.loads(run("dti", EXAMPLES / "dti_synthetic_2022_points.csv", "--previous",
                       EXAMPLES / "dti_synthetic_2021_ranking.csv", "--format", "json").stdout)
    pub = d.published.reset_index()
    assert [k for k in j["rows"][0] if k != "is_new"] == list(pub.columns)
    assert [r["Change"] for r in j["rows"]] == [
        None if dxkit_na(v) else int(v) for v in pub["Change"].tolist()]


def test_index_keys_are_the_python_column_names():
    import dxkit

    data, meta = ASEM / "ASEM_iData.csv", ASEM / "ASEM_iMeta.csv"
    result = dxkit.build_index(data, meta, preset="coinr_asem")  # outliers treated

    def cli(output):
        p = run("index", "--data", data, "--meta", meta, "--preset", "coinr_asem", "--output",
                output, "--format", "json")
        assert p.returncode == 0, p.stderr
        return json.loads(p.stdout)["rows"]

    rows = cli("aggregated")
    frame = result.data("aggregated").reset_index()
    assert list(rows[0]) == list(frame.columns)
    assert [r["Index"] for r in rows] == pytest.approx(frame["Index"].tolist())
    rows = cli("treatment")
    treatment = result.treatment()
    assert len(rows) == len(treatment) > 0 and list(rows[0]) == list(treatment.columns)
    assert [r["points"] for r in rows] == treatment["points"].tolist()
    rows = cli("describe")
    assert list(rows[0]) == list(result.describe().columns)


def dxkit_na(v):
    """True for pandas' missing values (<NA>, NaN, NaT)."""
    import pandas as pd

    return v is None or bool(pd.isna(v))


def test_csv_has_the_json_keys_and_plain_numbers():
    for args in (["budget", EXAMPLES / "thai_binh_2023_budget.csv", "--by", "agency"],
                 ["evaluate", EXAMPLES / "dong_thap_2022_results.csv"],
                 ["progress", EXAMPLES / "progress_digital_economy.csv"]):
        j = json.loads(run(*args, "--format", "json").stdout)
        c = run(*args, "--format", "csv").stdout.decode()
        rows = list(csv.DictReader(io.StringIO(c.split("\n\n")[0])))
        assert list(rows[0]) == list(j["rows"][0])
        for text_row, json_row in zip(rows, j["rows"], strict=True):
            for key, value in json_row.items():
                cell = text_row[key]
                if value is None:
                    assert cell == ""
                elif isinstance(value, bool):
                    assert cell == str(value).lower()
                elif isinstance(value, (int, float)):
                    assert "%" not in cell and "," not in cell
                    assert float(cell) == value  # the shortest text that reads back the same
                else:
                    assert cell == value
    # Money in CSV is đồng; the table prints the unit, Vietnamese style.
    c = run("budget", EXAMPLES / "thai_binh_2023_budget.csv", "--format", "csv").stdout.decode()
    assert c.splitlines()[0] == "amount,share"
    t = run("budget", EXAMPLES / "thai_binh_2023_budget.csv", "--by", "agency").stdout.decode()
    assert "4.518" in t and "5,99%" in t


def test_notes_are_objects_with_severity_code_where_and_message(tmp_path):
    j = json.loads(run("budget", EXAMPLES / "thai_binh_2023_budget.csv", "--by", "agency",
                       "--units", "2025-07-01", "--format", "json").stdout)
    plain = j["notes"][0]
    assert plain["severity"] == "note" and plain["code"] is None
    assert plain["where"] == {"file": None, "line": None, "column": None, "column_name": None,
                              "sheet": None, "table": None, "cell": None}
    assert plain["message"].startswith("agencies expressed as of 2025-07-01")
    f = tmp_path / "shares.csv"
    f.write_text("code,name,target,actual\nA,a,80%,\"0,99\"\n", encoding="utf-8")
    j = json.loads(run("evaluate", f, "--format", "json").stdout)
    (n,) = j["notes"]
    assert (n["severity"], n["code"]) == ("warning", "bare_share")
    assert n["where"]["file"] == str(f) and n["where"]["line"] == 2
    assert n["where"]["column_name"] == "actual" and "0,99" in n["message"]


@pytest.mark.parametrize("command,example,extra", [
    ("evaluate", "thai_binh_2023_results.csv", []),
    ("budget", "thai_binh_2023_budget.csv", ["--by", "agency"]),
    ("due", "dong_thap_2023_assignments.csv", ["--as-of", "2023-10-01"]),
    ("progress", "progress_digital_economy.csv", []),
    ("dti", "dti_synthetic_2022_points.csv", []),
    ("check-text", "dong_thap_2023_plan.docx", []),
    ("tables", "appendices_2023.xlsx", []),
    ("evaluate", "dong_thap_2023_plan.docx", []),
])
def test_dash_reads_standard_input(command, example, extra):
    """`-` as the input is the file's bytes on standard input: the same rows, source "-"; a
    .docx / .xlsx on standard input is recognised by its zip parts."""
    path = EXAMPLES / example
    by_path = run(command, path, *extra, "--format", "json")
    by_stdin = run(command, "-", *extra, "--format", "json", stdin=path.read_bytes())
    assert by_path.returncode == 0 and by_stdin.returncode == 0, by_stdin.stderr
    a, b = json.loads(by_path.stdout), json.loads(by_stdin.stdout)
    assert b["source"] == "-"
    assert b["rows"] == a["rows"] or [
        {k: v for k, v in r.items() if k != "file"} for r in b["rows"]] == [
        {k: v for k, v in r.items() if k != "file"} for r in a["rows"]]
    assert len(b["rows"]) > 0 or any("3 tallies checked" in n["message"] for n in b["notes"])


def test_dash_errors_are_located_at_stdin():
    r = run("evaluate", "-", stdin=b"code,name,target,actual\n1,a,12.5%,90%\n")
    assert r.returncode == 1
    assert "<stdin>:2:3 (column 'target')" in r.stderr.decode()
    r = run("budget", "-", stdin=b"PK\x03\x04not a document")
    assert r.returncode == 1
    assert "<stdin>" in r.stderr.decode()
    r = run("index", "--data", "-", "--meta", "-", stdin=b"")
    assert r.returncode == 1 and "cannot both be -" in r.stderr.decode()
    m = (ASEM / "ASEM_iMeta.csv").read_bytes()
    a = run("index", "--data", ASEM / "ASEM_iData.csv", "--meta", "-", "--format", "json",
            stdin=m)
    b = run("index", "--data", ASEM / "ASEM_iData.csv", "--meta", ASEM / "ASEM_iMeta.csv",
            "--format", "json")
    assert a.returncode == 0, a.stderr
    assert json.loads(a.stdout)["rows"] == json.loads(b.stdout)["rows"]
