"""The timeline: heatmaps and line plots of every quantity over time, with their pyramids for long traces."""
