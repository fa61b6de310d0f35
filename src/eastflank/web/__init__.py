"""``eastflank serve``: the model in a browser, offline.

A FastAPI app (:func:`create_app`) serves a JSON API over the library and one page: a map of
the order of battle with a date slider (Leaflet, milsymbol), command-authority diagrams per
stage (Cytoscape.js), warning and campaign runs with editable parameters, the claim checker,
sweep results and exports. The page's libraries are installed from the npm registry by
``make setup`` into ``static/vendor``; the basemap is drawn from the Natural Earth borders
the project already holds. Nothing is fetched from off the machine.
"""

from eastflank.web.app import create_app, static_dir

__all__ = ["create_app", "static_dir"]
