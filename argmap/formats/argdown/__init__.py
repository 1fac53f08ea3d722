"""Argdown placeholder"""
