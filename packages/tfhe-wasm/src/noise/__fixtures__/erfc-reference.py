"""Writes erfc-reference.json: log2(erfc(x)) at 50 significant digits (mpmath), the
independent reference for src/noise/erfc.ts. Run: python3 erfc-reference.py"""
import json
import mpmath

mpmath.mp.dps = 50
xs = [-3, -1, -0.25, 0, 1e-8, 0.1, 0.5, 1, 1.5, 1.9999, 2, 2.0001, 2.5, 3, 4, 5, 5.5, 6, 6.25,
      7, 8, 10, 15, 20, 26, 27, 30, 40, 60, 100, 1000]
rows = [{"x": x, "log2Erfc": float(mpmath.log(mpmath.erfc(mpmath.mpf(x)), 2))} for x in xs]
with open("erfc-reference.json", "w") as f:
    json.dump(rows, f, indent=1)
