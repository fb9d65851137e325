/** A refusal the user should see as-is (bad input, conflict); never wraps internal failures. */
export class UserError extends Error {
  override name = "UserError";
}

/** Authorization refusal: 401 when signed out, 403 when signed in without the needed membership. */
export class AuthzError extends Error {
  override name = "AuthzError";
  constructor(
    readonly status: 401 | 403,
    message: string,
  ) {
    super(message);
  }
}
