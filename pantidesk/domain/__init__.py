"""The pure domain of PantiDesk: reference data, identity-number checks, names and dates.

Nothing here touches the database, the services or Qt; every rule is a function of its inputs
(functions that need "today" take it as a parameter).
"""
