"""The weights editor and the cell set-up: gate blocks as heatmaps, selection and exact edits."""
