"""Use cases shared by the `schouw` command and the GUI.

Each function does one thing a user asks for (make a round, add a finding with photos,
import streets) by combining the domain rules with the store, photos and exchange
layers. Widgets and CLI commands call these and nothing below them, so the two front
ends can never disagree about a rule.
"""
