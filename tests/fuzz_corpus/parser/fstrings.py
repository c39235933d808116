s = f"{x!r:>{width}} {y:.2f} {{literal}} {d['k']} {d["k"]} {x=}"
