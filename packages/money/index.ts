export { CURRENCY_EXPONENTS, exponentOf, isCurrencyCode, type CurrencyCode } from './currencies.js';
export {
  MAX_AMOUNT_LENGTH,
  MoneyError,
  addMoney,
  compareMoney,
  currencyCode,
  fromMinor,
  parseMoney,
  toDecimalString,
  toMoneyOutput,
  type Money,
  type MoneyOutput,
} from './Money.js';
