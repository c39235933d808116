s = "héllo wörld"
print(s.upper(), s[1:4], s[::-1], len(s), s.split(), "-".join(s.split()))
b = b"\x00\xffab"
print(b, b[1], list(b[:2]), b.hex() if hasattr(b, "hex") else None)
l = [3, 1, 2]
l.sort(key=lambda v: -v)
d = dict(a=1)
d |= {"b": 2} if hasattr(d, "__ior__") else {}
print(l, d, sum(l), max(l, key=str), min([], default=0), divmod(7, -2), round(2.675, 2))
print(1 < 2 <= 2 != 3, 7 // 2, -7 % 3, 2.5 * 4, 1e300 * 10, 0.1 + 0.2, 10 / 4, int("12") + 1)
print(f"{1 + 1:>4}|{'x'!r}|{3.14159:.2f}", hash((1, 2)) == hash((1, 2)), frozenset({1}) | {2})
