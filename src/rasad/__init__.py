"""Rasad: Arabic news pages to clean articles and political events."""
