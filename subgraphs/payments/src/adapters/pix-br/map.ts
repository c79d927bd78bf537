import { parseMoney, type Money } from '#packages/money/index.js';
import { asArray, asNonEmptyString, asRecord, asString, optional, PayloadError } from '#packages/validate/index.js';
import { readPercent } from '../readPercent.js';
import type { Authorization, AuthorizationStatus, FeeQuote, FeeRefusalReason } from '../ports.js';
import type { ProviderRefusalReason } from '../ProviderRefusal.js';

export const PROVIDER_ID = 'pix-br';

const REASONS: Readonly<Record<string, FeeRefusalReason>> = {
  MOEDA_NAO_SUPORTADA: 'CURRENCY_NOT_SUPPORTED',
  PAIS_PAGADOR_NAO_SUPORTADO: 'COUNTRY_NOT_SUPPORTED',
  VALOR_ABAIXO_DO_MINIMO: 'BELOW_MINIMUM',
  VALOR_ACIMA_DO_MAXIMO: 'ABOVE_MAXIMUM',
};

const STATUSES: Readonly<Record<string, AuthorizationStatus>> = {
  ATIVA: 'AUTHORIZED',
  CONCLUIDA: 'CAPTURED',
  REMOVIDA_PELO_USUARIO_RECEBEDOR: 'VOIDED',
  REMOVIDA_PELO_PSP: 'VOIDED',
  RECUSADA: 'DECLINED',
  EM_CUSTODIA: 'IN_ESCROW',
  LIQUIDADA: 'RELEASED',
  DEVOLVIDA: 'REFUNDED',
};

/** The last segment of the PSP's problem `type`s for refused writes, in our words. */
export const REFUSALS: Readonly<Record<string, ProviderRefusalReason>> = {
  CobrancaNaoEncontrada: 'NOT_FOUND',
  CobrancaSituacaoInvalida: 'STATE_CONFLICT',
  CobrancaSemCustodia: 'STATE_CONFLICT',
  DevolucaoNaoPermitida: 'STATE_CONFLICT',
  ChaveIdempotenciaReutilizada: 'IDEMPOTENCY_KEY_REUSED',
  RequisicaoInvalida: 'INVALID_REQUEST',
  ValorInvalido: 'INVALID_REQUEST',
};

/** "123.45" reais, always two decimals in the Pix API. */
export function readReais(value: unknown, path: string): Money {
  const text = asString(value, path);
  if (!/^\d+\.\d{2}$/.test(text)) throw new PayloadError(path, 'reais with two decimals', value);
  return parseMoney(text, 'BRL');
}

export function toFeeQuotes(body: unknown, ids: readonly string[]): FeeQuote[] {
  const answers = asArray(asRecord(body, '$').cotacoes, '$.cotacoes');
  const byId = new Map(
    answers.map((value, index) => [asNonEmptyString(asRecord(value, `$.cotacoes[${index}]`).id, `$.cotacoes[${index}].id`), index]),
  );
  return ids.map((id) => {
    const index = byId.get(id);
    if (index === undefined) throw new PayloadError('$.cotacoes', `a cotação ${id}`, undefined);
    const path = `$.cotacoes[${index}]`;
    const answer = asRecord(answers[index], path);
    const situacao = asString(answer.situacao, `${path}.situacao`);
    if (situacao === 'INDISPONIVEL') {
      const motivo = asString(answer.motivo, `${path}.motivo`);
      return {
        accepted: false,
        reason: REASONS[motivo] ?? 'UNKNOWN',
        message: optional(answer.mensagem, `${path}.mensagem`, asString) ?? motivo,
      };
    }
    if (situacao !== 'DISPONIVEL') throw new PayloadError(`${path}.situacao`, 'DISPONIVEL or INDISPONIVEL', situacao);
    const parts = asRecord(answer.componentes, `${path}.componentes`);
    return {
      accepted: true,
      fee: readReais(answer.tarifa, `${path}.tarifa`),
      breakdown: {
        schedule: asNonEmptyString(answer.tabela, `${path}.tabela`),
        percentBp: readPercent(parts.percentual, `${path}.componentes.percentual`),
        crossBorderBp: readPercent(parts.percentualInternacional, `${path}.componentes.percentualInternacional`),
        fxSpreadBp: readPercent(parts.spreadCambial, `${path}.componentes.spreadCambial`),
        fixed: readReais(parts.valorFixo, `${path}.componentes.valorFixo`),
      },
    };
  });
}

export function toAuthorization(body: unknown): Authorization {
  const root = asRecord(body, '$');
  const status = STATUSES[asString(root.status, '$.status')];
  if (status === undefined) throw new PayloadError('$.status', 'a cobrança status', root.status);
  const valor = asRecord(root.valor, '$.valor');
  const declineReason = optional(root.motivo, '$.motivo', asString);
  return {
    id: asNonEmptyString(root.txid, '$.txid'),
    status,
    amount: readReais(valor.original, '$.valor.original'),
    captured: readReais(valor.capturado, '$.valor.capturado'),
    escrow: root.custodia === true,
    ...(declineReason !== undefined && { declineReason }),
  };
}

/** The last segment of an RFC 7807 problem's `type`, e.g. `CobrancaNaoEncontrada`; empty when the body is not one. */
export function problemTypeOf(body: unknown): string {
  try {
    return asString(asRecord(body, '$').type, '$.type').split('/').pop() ?? '';
  } catch {
    return '';
  }
}

/** The `title`/`detail` of an RFC 7807 problem document, when the body is one. */
export function problemOf(body: unknown): string | undefined {
  try {
    const problem = asRecord(body, '$');
    return `${asString(problem.title, '$.title')}: ${optional(problem.detail, '$.detail', asString) ?? ''}`;
  } catch {
    return undefined;
  }
}
