"""The Streamlit app that traces a central directive to provincial departments (not built yet)."""
