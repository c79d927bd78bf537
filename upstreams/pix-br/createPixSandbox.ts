import type { SandboxRequest, SandboxResponse, SandboxUpstream } from '#packages/sandbox/index.js';
import { createSandboxServer } from '#packages/sandbox/index.js';
import {
  createPaymentLedger,
  keyedTransition,
  type LedgerEntry,
  type PaymentLedger,
  type TransitionError,
} from '#packages/sandbox/index.js';
import { priceFee, type FeeRefusal } from '#packages/sandbox/index.js';
import { MAX_QUOTES_PER_CALL, PIX_FEES, SANDBOX_CLIENT_ID, SANDBOX_CLIENT_SECRET } from './feeSchedule.js';

const MOTIVOS: Record<FeeRefusal, string> = {
  CURRENCY: 'MOEDA_NAO_SUPORTADA',
  COUNTRY: 'PAIS_PAGADOR_NAO_SUPORTADO',
  BELOW_MINIMUM: 'VALOR_ABAIXO_DO_MINIMO',
  ABOVE_MAXIMUM: 'VALOR_ACIMA_DO_MAXIMO',
};
const ERROR_BASE = 'https://pix.example.br/api/v1/erros/';
const BASIC = `Basic ${Buffer.from(`${SANDBOX_CLIENT_ID}:${SANDBOX_CLIENT_SECRET}`).toString('base64')}`;

/**
 * Pix (pix-br) through a Brazilian PSP, in the style of the Banco Central's Pix API: Portuguese
 * field names, values as decimal strings in reais (`"valor": "123.45"`), `txid`s, and errors as
 * RFC 7807 problem documents. Sandbox simplification: HTTP Basic instead of OAuth2 + mTLS, and a
 * charge that is authorized, then captured (confirmed) or cancelled, so the booking saga can
 * treat Pix like any other method. A cobrança made with `"custodia": true` is captured into the
 * PSP's custody (`EM_CUSTODIA`) and paid to the receiver by `liberacao` (`LIQUIDADA`), as
 * marketplace PSPs hold funds; `GET /pix/v1/cobrancas?txid=` reads one back. Capture, cancel and
 * release take an `Idempotency-Key` header like the charge itself.
 */
export const pixSandbox = {
  id: 'pix-br',
  description: 'Pix via a Brazilian PSP (BRL, payers in BR; Portuguese JSON, decimal reais, problem+json)',
  defaultPort: 4142,
  create: ({ logger, fault }) => {
    const ledger = createPaymentLedger('pixtx');
    const route = (path: string, endpoint: string, handle: (body: Body, request: SandboxRequest) => SandboxResponse) => ({
      method: 'POST',
      path,
      endpoint,
      handle: (request: SandboxRequest) => authenticated(request, handle),
    });
    return createSandboxServer({
      id: 'pix-br',
      logger,
      fault,
      routes: [
        ...ledger.routes,
        route('/pix/v1/tarifas/cotacoes', 'tarifas.cotacoes', cotacoes),
        route('/pix/v1/cobrancas', 'cobrancas.criar', (body, request) => criar(body, request, ledger)),
        route('/pix/v1/cobrancas/captura', 'cobrancas.captura', (body, request) =>
          transition(body, request, ledger, 'captura', (txid) =>
            ledger.capture(txid, body.valor === undefined ? undefined : reais(body.valor)),
          ),
        ),
        route('/pix/v1/cobrancas/cancelamento', 'cobrancas.cancelamento', (body, request) =>
          transition(body, request, ledger, 'cancelamento', (txid) => ledger.void(txid)),
        ),
        route('/pix/v1/cobrancas/liberacao', 'cobrancas.liberacao', (body, request) =>
          transition(body, request, ledger, 'liberacao', (txid) => ledger.release(txid)),
        ),
        {
          method: 'GET',
          path: '/pix/v1/cobrancas',
          endpoint: 'cobrancas.consultar',
          handle: (request: SandboxRequest) => {
            if (request.headers.authorization !== BASIC) return problem(401, 'AcessoNegado', 'Acesso negado', 'Credenciais inválidas');
            const entry = ledger.get(request.query.get('txid') ?? '');
            return entry
              ? { body: render(entry) }
              : problem(404, 'CobrancaNaoEncontrada', 'Cobrança não encontrada', `txid ${request.query.get('txid')}`);
          },
        },
      ],
      garbage: () => ({ body: { cotacoes: [{ id: null, situacao: 'DISPONIVEL', tarifa: 'dois reais' }] } }),
    });
  },
} satisfies SandboxUpstream;

type Body = Record<string, unknown>;

function authenticated(request: SandboxRequest, handle: (body: Body, request: SandboxRequest) => SandboxResponse): SandboxResponse {
  if (request.headers.authorization !== BASIC) return problem(401, 'AcessoNegado', 'Acesso negado', 'Credenciais inválidas');
  try {
    const body: unknown = JSON.parse(request.body);
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) return handle(body as Body, request);
  } catch {
    // answered below
  }
  return problem(400, 'RequisicaoInvalida', 'Requisição inválida', 'O corpo não é um objeto JSON');
}

function cotacoes(body: Body): SandboxResponse {
  const pedidos = body.cotacoes;
  if (!Array.isArray(pedidos) || pedidos.length === 0)
    return problem(400, 'RequisicaoInvalida', 'Requisição inválida', 'cotacoes: lista vazia');
  if (pedidos.length > MAX_QUOTES_PER_CALL) {
    return problem(400, 'RequisicaoInvalida', 'Requisição inválida', `cotacoes: no máximo ${MAX_QUOTES_PER_CALL}`);
  }
  const respostas: unknown[] = [];
  for (const pedido of pedidos) {
    const pagamento = pagamentoOf(pedido);
    if (pagamento === undefined) return problem(400, 'RequisicaoInvalida', 'Requisição inválida', 'cotação malformada');
    const price = priceFee(PIX_FEES, pagamento);
    respostas.push(
      price.ok
        ? {
            id: pagamento.id,
            situacao: 'DISPONIVEL',
            tarifa: decimal(price.feeMinor),
            componentes: {
              percentual: percent(price.percentBp),
              percentualInternacional: percent(price.crossBorderBp),
              spreadCambial: percent(price.fxSpreadBp),
              valorFixo: decimal(BigInt(price.fixedMinor)),
            },
            tabela: PIX_FEES.name,
          }
        : { id: pagamento.id, situacao: 'INDISPONIVEL', motivo: MOTIVOS[price.refusal], mensagem: price.message },
    );
  }
  return { body: { cotacoes: respostas } };
}

function criar(body: Body, request: SandboxRequest, ledger: PaymentLedger): SandboxResponse {
  const key = request.headers['idempotency-key'];
  if (typeof key !== 'string' || key === '')
    return problem(400, 'RequisicaoInvalida', 'Requisição inválida', 'Idempotency-Key obrigatório');
  const pagamento = pagamentoOf(body);
  if (pagamento === undefined) return problem(400, 'RequisicaoInvalida', 'Requisição inválida', 'valor, moeda e paisPagador obrigatórios');
  const remembered = ledger.once(key, request.body, () => {
    const price = priceFee(PIX_FEES, pagamento);
    return ledger.open(
      { amountMinor: pagamento.amountMinor, currency: pagamento.currency, reference: pagamento.id, escrow: body.custodia === true },
      price.ok ? undefined : MOTIVOS[price.refusal],
    );
  });
  if (remembered.kind === 'conflict')
    return problem(409, 'ChaveIdempotenciaReutilizada', 'Conflito', 'Idempotency-Key já usado com outro pedido');
  return { status: remembered.kind === 'fresh' ? 201 : 200, body: render(remembered.value) };
}

function transition(
  body: Body,
  request: SandboxRequest,
  ledger: PaymentLedger,
  operation: string,
  apply: (txid: string) => LedgerEntry | TransitionError,
): SandboxResponse {
  if (typeof body.txid !== 'string') return problem(400, 'RequisicaoInvalida', 'Requisição inválida', 'txid obrigatório');
  const txid = body.txid;
  const remembered = keyedTransition(ledger, operation, request.headers['idempotency-key'], request.body, () => apply(txid));
  if (remembered.kind === 'conflict') {
    return problem(409, 'ChaveIdempotenciaReutilizada', 'Conflito', 'Idempotency-Key já usado com outro pedido');
  }
  const result = remembered.value;
  switch (result) {
    case 'NOT_FOUND':
      return problem(404, 'CobrancaNaoEncontrada', 'Cobrança não encontrada', `txid ${body.txid}`);
    case 'NOT_AUTHORIZED':
      return problem(409, 'CobrancaSituacaoInvalida', 'Situação inválida', 'A cobrança não está ATIVA');
    case 'AMOUNT_TOO_LARGE':
      return problem(400, 'ValorInvalido', 'Valor inválido', 'Valor acima do autorizado');
    case 'NOT_IN_ESCROW':
      return problem(409, 'CobrancaSemCustodia', 'Situação inválida', 'A cobrança não está EM_CUSTODIA');
    default:
      return { body: render(result) };
  }
}

const STATUS: Record<LedgerEntry['state'], string> = {
  AUTHORIZED: 'ATIVA',
  CAPTURED: 'CONCLUIDA',
  VOIDED: 'REMOVIDA_PELO_USUARIO_RECEBEDOR',
  DECLINED: 'RECUSADA',
  ESCROWED: 'EM_CUSTODIA',
  RELEASED: 'LIQUIDADA',
};

function render(entry: LedgerEntry): Body {
  return {
    txid: entry.id,
    status: STATUS[entry.state],
    valor: { original: decimal(entry.amountMinor), capturado: decimal(entry.capturedMinor) },
    referencia: entry.reference,
    custodia: entry.escrow,
    ...(entry.declineReason ? { motivo: entry.declineReason } : {}),
  };
}

interface Pagamento {
  id: string;
  amountMinor: bigint;
  currency: string;
  buyerCountry: string;
  merchantCountry: string;
  settlementCurrency: string;
}

function pagamentoOf(value: unknown): Pagamento | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Body;
  const amountMinor = reais(v.valor);
  if (amountMinor === undefined || typeof v.moeda !== 'string' || typeof v.paisPagador !== 'string') return undefined;
  return {
    id: typeof v.id === 'string' ? v.id : typeof v.referencia === 'string' ? v.referencia : '',
    amountMinor,
    currency: v.moeda,
    buyerCountry: v.paisPagador,
    merchantCountry: typeof v.paisRecebedor === 'string' ? v.paisRecebedor : v.paisPagador,
    settlementCurrency: typeof v.moedaLiquidacao === 'string' ? v.moedaLiquidacao : v.moeda,
  };
}

/** "123.45" → 12345n centavos; the Pix API always writes two decimals. */
function reais(value: unknown): bigint | undefined {
  if (typeof value !== 'string' || !/^\d{1,10}\.\d{2}$/.test(value)) return undefined;
  return BigInt(value.replace('.', ''));
}

function decimal(minor: bigint): string {
  const digits = minor.toString().padStart(3, '0');
  return `${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

const percent = (bp: number): string => `${Math.trunc(bp / 100)}.${String(bp % 100).padStart(2, '0')}`;

function problem(status: number, type: string, title: string, detail: string): SandboxResponse {
  return {
    status,
    headers: { 'content-type': 'application/problem+json' },
    body: JSON.stringify({ type: ERROR_BASE + type, title, status, detail }),
  };
}
