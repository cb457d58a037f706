#!/usr/bin/env python3
"""Checks `kokon publish --audit --json` against an exact integer solver (SciPy's HiGHS).

For every hidden count of every audited adoption, solves the audit's own linear programme
twice with whole-number unknowns (least, greatest) and compares the result with the range
Kokon printed. Kokon solves the relaxation with its own simplex; this proves its ranges are
the integer ranges, and that none is narrower than k. Exits 1 on any difference.
"""
import json
import sys

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp


def integer_range(equations, rhs, unknown):
    size = len(equations[0]) if equations else 0
    constraints = [LinearConstraint(np.array(equations), np.array(rhs), np.array(rhs))] if equations else []
    found = []
    for sign in (1, -1):
        objective = np.zeros(size)
        objective[unknown] = sign
        result = milp(objective, constraints=constraints, integrality=np.ones(size), bounds=Bounds(0, np.inf))
        if result.status == 0:
            found.append(round(sign * result.fun))
        elif sign == -1 and result.status in (3, 4):
            found.append(None)  # no greatest value
        else:
            raise SystemExit(f"HiGHS could not solve a programme ({result.message})")
    return found[0], found[1]


def main():
    audits = json.load(sys.stdin)
    checked = exposed = adoptions = 0
    differences = []
    for entry in audits:
        adoptions += 1
        audit, where = entry["audit"], f'{entry["tenant"]} {entry["adoption"]}'
        problem = audit["problem"]
        ranges = {f'{r["period"]} {r["measure"]}': r for r in audit["ranges"]}
        for unknown, name in enumerate(problem["unknowns"][: problem["counts"]]):
            lowest, highest = integer_range(problem["equations"], problem["rhs"], unknown)
            printed = ranges.get(name)
            checked += 1
            if printed is None or printed["lowest"] != lowest or printed.get("highest") != highest:
                differences.append(f"{where} {name}: Kokon {printed}, HiGHS {lowest}–{highest}")
            if highest is not None and highest - lowest + 1 < audit["k"]:
                exposed += 1
                differences.append(f"{where} {name}: {lowest}–{highest} holds fewer than k = {audit['k']} values")
    for line in differences:
        print(line)
    print(f"{checked} hidden counts in {adoptions} adoptions checked against HiGHS: "
          f"{len(differences) - exposed} differences, {exposed} narrower than k")
    return 1 if differences or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
