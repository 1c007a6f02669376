// The error type lives with the typed client in the shared contract; the web app imports it from here.
export { ApiError, apiErrorFromBody, type ApiErrorCode } from '@yaodian/core';
