import conflictwatch


def test_all_exports_exist_and_nothing_private_leaks():
    for name in conflictwatch.__all__:
        assert hasattr(conflictwatch, name), name
    public = {n for n in dir(conflictwatch) if not n.startswith("_") and n not in {"annotations"}}
    modules = {n for n in public if type(getattr(conflictwatch, n)).__name__ == "module"}
    assert public - modules <= set(conflictwatch.__all__)
