if x:
	if y:
		pass
	else:
		pass
z = (1 +
     2) + \
    3
