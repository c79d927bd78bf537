/**
 * The rules have no answer for this destination on this date (a day before the data's vouched
 * period, or a destination without rules). Callers that took the date or destination from a
 * client turn it into a user error naming that field.
 */
export class RulesUnavailableError extends Error {
  override name = 'RulesUnavailableError';

  constructor(
    readonly field: 'destination' | 'date',
    message: string,
  ) {
    super(message);
  }
}
