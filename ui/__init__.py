"""The Streamlit app (``lineage ui``): find a directive, see it travel down the state, open any document."""
