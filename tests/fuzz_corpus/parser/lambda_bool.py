y = lambda a, *b, c=1, **d: (a if b else c) or d
z = not a and b or c in d and e is not f
