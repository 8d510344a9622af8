/** Zoom REST error bodies `{code, message}` (zoom-facts §6–§7, §12.1). */
export const API_ERRORS = {
  invalidToken: { code: 124, message: 'Invalid access token.' },
  expiredToken: { code: 124, message: 'Access token is expired.' },
  tokenInQuery: {
    code: 124,
    message: 'Invalid access token, this access token is not supported as query parameter string.',
  },
  perSecondLimit: {
    code: 429,
    message: 'You have reached the maximum per-second rate limit for this API. Try again later.',
  },
  dailyLimit: {
    code: 429,
    message:
      'You have reached the maximum daily rate limit for this API. Refer to the response header for details on when you can make another request.',
  },
  serverError: { code: 500, message: 'Internal server error. Please try again later.' },
  notFound: { code: 404, message: 'The requested resource was not found.' },
} as const;

export function missingScope(scope: string) {
  return { code: 4711, message: `Invalid access token, does not contain scopes:[${scope}].` };
}

export function invalidField(field: string, message: string) {
  return { code: 300, message: 'Invalid field.', errors: [{ field, message }] };
}
