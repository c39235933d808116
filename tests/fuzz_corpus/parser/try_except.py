try:
    raise ValueError("x") from None
except (TypeError, ValueError) as e:
    print(e)
except Exception:
    raise
else:
    pass
finally:
    cleanup()
