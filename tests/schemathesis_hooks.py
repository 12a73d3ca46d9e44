"""What the OpenAPI document cannot say, told to schemathesis.

JSON Schema compares no two fields, so the document cannot state that a figure's ``to`` is
not before its ``from``; the service refuses such an import (422). This hook keeps
schemathesis from generating figures that end before they start as if they were valid:
every other rule is the document's own. Loaded by ``schemathesis.toml`` (``st run`` from the
repository root) and by tests/test_service_contract.py.
"""
import schemathesis


@schemathesis.hook("filter_body").apply_to(path="/v1/figures", method="POST")
def figures_end_after_they_start(context, body):
    if not isinstance(body, list):
        return True
    for figure in body:
        if isinstance(figure, dict):
            start, end = figure.get("from"), figure.get("to")
            if isinstance(start, str) and isinstance(end, str) and end < start:
                return False
    return True
