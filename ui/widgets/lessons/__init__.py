"""The lessons panel, the glow it puts on other views and the preset's About page."""
