import { describe, expect, it } from 'vitest';
import { MoneyError, addMoney, fromMinor, parseMoney, toDecimalString, toMoneyOutput } from './index.js';

describe('money', () => {
  it('keeps each currency to its ISO 4217 exponent', () => {
    expect(toMoneyOutput(parseMoney('12.3', 'EUR'))).toEqual({ amount: '12.30', currency: 'EUR' });
    expect(toMoneyOutput(parseMoney('1980', 'JPY'))).toEqual({ amount: '1980', currency: 'JPY' });
    expect(toMoneyOutput(parseMoney('1.5', 'KWD'))).toEqual({ amount: '1.500', currency: 'KWD' });
  });

  it('holds amounts as integer minor units', () => {
    expect(parseMoney('0.10', 'USD').minor).toBe(10n);
    expect(parseMoney('1980', 'JPY').minor).toBe(1980n);
    expect(parseMoney('-3.07', 'EUR').minor).toBe(-307n);
  });

  it('adds without floating-point drift', () => {
    const sum = [0.1, 0.2].map((n) => parseMoney(String(n), 'USD')).reduce(addMoney);
    expect(toDecimalString(sum)).toBe('0.30');
  });

  it('refuses digits the currency does not have, instead of rounding someone else’s price', () => {
    expect(() => parseMoney('12.305', 'EUR')).toThrow(MoneyError);
    expect(() => parseMoney('100.5', 'JPY')).toThrow(/more decimals than JPY/);
    expect(parseMoney('12.300', 'EUR').minor).toBe(1230n);
  });

  it('refuses what is not money', () => {
    expect(() => parseMoney('12,30', 'EUR')).toThrow(MoneyError);
    expect(() => parseMoney('1e3', 'USD')).toThrow(MoneyError);
    expect(() => parseMoney('10', 'XXX')).toThrow(/ISO 4217/);
    expect(() => addMoney(parseMoney('1', 'EUR'), parseMoney('1', 'USD'))).toThrow(/EUR with USD/);
    expect(() => fromMinor(1.5, 'USD')).toThrow(MoneyError);
  });

  it('prints small and negative amounts with their leading zeros', () => {
    expect(toDecimalString(fromMinor(5, 'EUR'))).toBe('0.05');
    expect(toDecimalString(fromMinor(-5, 'BHD'))).toBe('-0.005');
    expect(toDecimalString(fromMinor(0, 'JPY'))).toBe('0');
  });
});
