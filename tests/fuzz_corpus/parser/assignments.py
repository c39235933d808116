a, *b = c
[d, (e, f)] = g
h = i = j = 0
k.l = m[n] = o[1:2] = 3
del p, q[0], r.s
x -= 1; y //= 2; z **= 3; w <<= 1; v ^= 2
