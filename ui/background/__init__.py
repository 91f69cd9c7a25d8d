"""Work off the GUI thread or spread over event-loop passes: the worker, long recomputes, autosave and
recovery.
"""
