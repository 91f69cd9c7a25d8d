"""The insight views (issue 4): compare window, branch panel, dashboard, conventions explorer, reproduce."""
