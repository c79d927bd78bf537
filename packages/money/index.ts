export { CURRENCY_EXPONENTS, exponentOf, isCurrencyCode, type CurrencyCode } from './currencies.js';
export {
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
