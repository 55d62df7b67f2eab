"""The doctor-visit report (HTML and PDF) and the FHIR R4 export.

:mod:`.build` gathers what the report shows into plain data, :mod:`.render`
turns it into HTML (one Jinja2 template) and PDF (WeasyPrint), :mod:`.cli`
holds the ``crampcheck report`` command. Nothing heavy is imported here.
"""
