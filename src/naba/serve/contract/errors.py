"""The API's one error shape (every 404, 405, 422, 500 ...); the app's handlers produce it."""

from __future__ import annotations

from pydantic import BaseModel, Field


class ErrorDetail(BaseModel):
    status: int = Field(description="The HTTP status code, repeated")
    code: str = Field(description="A stable machine-readable name: not_found, invalid_request, internal_error, ...")
    message: str = Field(description="What went wrong, for people")


class ErrorResponse(BaseModel):
    """Every error the API returns (404, 405, 422, 500, ...) has this one shape."""

    error: ErrorDetail
