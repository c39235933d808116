for k, v in d.items():
    if k: continue
    else: break
else:
    pass
