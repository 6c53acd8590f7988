"""The one error type cskg raises for problems a user can fix."""


class CskgError(Exception):
    "A problem with the user's input or environment, reported as one line."


class ManifestError(CskgError):
    "The corpus manifest is missing, malformed or inconsistent."


class DocumentError(CskgError):
    "A corpus document cannot be read or is not what it claims to be."


class QueryError(CskgError):
    "A SPARQL query is malformed, unknown, unsafe or has bad parameters."


class ValidationError(CskgError):
    "The built graph does not conform to the SHACL shapes."
