import os
import sys

# handbook_widgets.py beside this file.
sys.path.insert(0, os.path.abspath("."))

project = "Example handbook"
extensions = ["handbook_widgets"]
html_static_path = ["_static"]
