"""Campaign models: Lanchester attrition, fits to historical battles, the Suwałki campaign."""
