squares = [i * i for i in range(10) if i % 2]
pairs = {k: v for k, v in zip("ab", [1, 2])}
letters = {c for c in "hello"}
total = sum(x for x in range(5))
