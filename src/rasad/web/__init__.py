"""Rasad in the browser: ``rasad serve`` (FastAPI, uvicorn) over the store, and alerts.

Pages: overview, search, relation (dyad), actor, article, story and alerts, each with a JSON twin
under ``/api``; see ``docs/web.md``. Importing this package does not import FastAPI.
"""
