"""Writing needs the operator's bearer token; reading needs nothing.

The token is set with ``$PROXYWATCH_TOKEN`` or ``proxywatch serve --token``. With none set,
write endpoints answer 403: the operator has not enabled writing. Tokens are compared in
constant time (``hmac.compare_digest``).
"""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from proxywatch.serve.errors import ApiError
from proxywatch.serve.state import ServeState, get_state

bearer = HTTPBearer(
    auto_error=False,
    description="The operator's token ($PROXYWATCH_TOKEN or `proxywatch serve --token`); writing only.",
)
CHALLENGE = {"WWW-Authenticate": "Bearer"}


def require_token(
    state: Annotated[ServeState, Depends(get_state)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    """Let the request through only with the operator's token."""
    if not state.token:
        raise ApiError(
            403,
            "writing is disabled on this server: the operator has set no token "
            "($PROXYWATCH_TOKEN or proxywatch serve --token)",
        )
    if credentials is None:
        raise ApiError(401, "send the operator's token as 'Authorization: Bearer TOKEN'", headers=CHALLENGE)
    if not hmac.compare_digest(credentials.credentials.encode("utf-8"), state.token.encode("utf-8")):
        raise ApiError(401, "the token is not the operator's token", headers=CHALLENGE)
