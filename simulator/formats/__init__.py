"""Weight import and export: PyTorch, Keras, ONNX, NPZ and safetensors files."""
