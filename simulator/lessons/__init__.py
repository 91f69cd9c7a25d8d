"""The lessons: pages read from assets/lessons/ and the checks that tie every number they state to the
engine.
"""
