"""Boardpack: a Children's Services improvement programme, its money and its reports."""
